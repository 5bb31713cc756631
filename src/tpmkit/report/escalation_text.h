// Renders a toolkit::Escalation as words a person can send as they are: plain text,
// Markdown, or an RFC 5322 message (MIME, text/plain; charset=UTF-8, 8bit).
#pragma once

#include <string>
#include <string_view>

#include "tpmkit/base/date.h"
#include "tpmkit/toolkit/escalation.h"

namespace tpmkit::report {

// The message (what `escalate` prints as text): "Subject: ...", then the body (issue,
// impact, options, recommendation, ask; at most about 250 words), wrapped at 78 columns.
std::string EscalationText(const toolkit::Escalation& e);

// The message followed by the appendix (the full analysis, with the money position):
// what the email carries.
std::string EscalationTextWithAppendix(const toolkit::Escalation& e);

// The message and the appendix in Markdown (headings, lists, the money as a table).
std::string EscalationMarkdown(const toolkit::Escalation& e);

// The number of words in the body (from the greeting to the sign-off, without the
// subject and the appendix): the message is meant to stay within about 250.
size_t EscalationBodyWords(const toolkit::Escalation& e);

struct EmlOptions {
  std::string from_address;  // "name@example.com"
  std::string to_address;
  Date date;               // the Date header: 09:00 UTC on this day (deterministic)
  std::string message_id;  // without angle brackets, "local@domain"
};

// The options of the .eml of `e`, drafted for program `program_id` on `date`: its
// Message-ID is escalation.PROGRAM.RISK.DATE@tpmkit, so the same draft keeps its id.
EmlOptions EscalationEmlOptions(std::string_view program_id, const toolkit::Escalation& e,
                                Date date, std::string from_address, std::string to_address);

// An RFC 5322 message with MIME headers (From, To, Subject, Date, Message-ID,
// MIME-Version, Content-Type, Content-Transfer-Encoding), CRLF line ends, the body of
// EscalationTextWithAppendix. Non-ASCII display names and subjects are RFC 2047 encoded.
std::string EscalationEml(const toolkit::Escalation& e, const EmlOptions& options);

}  // namespace tpmkit::report
