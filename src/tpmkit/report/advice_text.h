// The escalation's JSON document and the plan review in words and JSON (cli.md), and
// reading "Name <address>" mailboxes for the escalation's email.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/toolkit/escalation.h"
#include "tpmkit/toolkit/review.h"

namespace tpmkit::report {

// {"subject","to","from","issue","impact":{"schedule_days","cost","p80_before","p80_after",
//  "statements"},"options":[{"id","name","summary","simulated","p80_finish","p_on_time",
//  "target","cost"}],"recommendation":{"option","rationale"},"ask","ask_by","signoff",
//  "body"}; `body` is the escalation's text.
std::string EscalationJson(const toolkit::Escalation& escalation, const std::string& body);

// "Dana Lee <dana@example.com>" -> {"Dana Lee", "dana@example.com"}; a bare name has
// an empty address.
struct Mailbox {
  std::string name;
  std::string address;
};
Mailbox ParseMailbox(const std::string& text);

// The review grouped by theme, each with its question, findings and phrases; one
// sentence when there is nothing to ask.
std::string ReviewText(const std::string& program_name, Date as_of,
                       const toolkit::LanguageBank& bank,
                       const std::vector<toolkit::Finding>& findings);
// {"findings":[{"theme","question","subject","detail"}]}
std::string ReviewJson(const std::vector<toolkit::Finding>& findings);

}  // namespace tpmkit::report
