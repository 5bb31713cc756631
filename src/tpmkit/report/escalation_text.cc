#include "tpmkit/report/escalation_text.h"

#include <fmt/format.h>

#include "tpmkit/base/text.h"
#include "tpmkit/report/mail.h"
#include "tpmkit/report/prose.h"

namespace tpmkit::report {

namespace {

std::string OptionTitle(const toolkit::Escalation& e, size_t i) {
  const auto& o = e.options[i];
  // Names only: option ids are the team's handles, not the reader's.
  return fmt::format("{}{}", EscapeControls(o.name), o.id == e.recommended ? " (recommended)" : "");
}

const toolkit::OptionOutcome& Recommended(const toolkit::Escalation& e) {
  for (const auto& o : e.options) {
    if (o.id == e.recommended) return o;
  }
  return e.options.front();
}

}  // namespace

namespace {

std::string PlainEscalation(const toolkit::Escalation& e) {
  std::string out;
  out += "Subject: " + e.subject + "\n\n";
  out += e.to + ",\n\n";
  out += "ISSUE\n" + Wrap(e.issue, 78) + "\n";
  out += "IMPACT\n";
  for (const auto& s : e.impact) out += Wrap(s, 78, "- ", "  ");
  out += "\nOPTIONS\n";
  for (size_t i = 0; i < e.options.size(); ++i) {
    out += Wrap(OptionTitle(e, i) + ": " + e.option_summaries[i], 78, fmt::format("{}. ", i + 1),
                "   ");
  }
  out += "\nRECOMMENDATION\n" +
         Wrap(EscapeControls(fmt::format("{}. {}", Recommended(e).name, e.rationale)), 78) + "\n";
  out += "ASK\n" + Wrap(e.ask, 78) + "\n";
  out += "Thank you,\n" + e.signoff + "\n";
  return out;
}

std::string MarkdownEscalation(const toolkit::Escalation& e);

}  // namespace

// Text from the program may hold control characters: shown escaped (newlines kept), in
// the text, the Markdown and so the .eml's body.
std::string EscalationText(const toolkit::Escalation& e) {
  return EscapeControls(PlainEscalation(e), {.keep_newlines = true});
}

std::string EscalationMarkdown(const toolkit::Escalation& e) {
  return EscapeControls(MarkdownEscalation(e), {.keep_newlines = true});
}

namespace {

std::string MarkdownEscalation(const toolkit::Escalation& e) {
  std::string out;
  out += "# " + e.subject + "\n\n";
  out += "**To:** " + e.to + "  \n**From:** " + e.from + "\n\n";
  out += "## Issue\n\n" + e.issue + "\n\n";
  out += "## Impact\n\n";
  for (const auto& s : e.impact) out += "- " + s + "\n";
  out += "\n## Options\n\n";
  for (size_t i = 0; i < e.options.size(); ++i) {
    out += fmt::format("{}. **{}**: {}\n", i + 1, OptionTitle(e, i), e.option_summaries[i]);
  }
  out += "\n## Recommendation\n\n" + fmt::format("**{}**. {}", Recommended(e).name, e.rationale) +
         "\n\n";
  out += "## Ask\n\n" + e.ask + "\n\n";
  out += "Thank you,  \n" + e.signoff + "\n";
  return out;
}

}  // namespace

EmlOptions EscalationEmlOptions(std::string_view program_id, const toolkit::Escalation& e,
                                Date date, std::string from_address, std::string to_address) {
  EmlOptions o;
  o.from_address = std::move(from_address);
  o.to_address = std::move(to_address);
  o.date = date;
  o.message_id = fmt::format("escalation.{}.{}.{}@tpmkit", program_id, e.risk_id, date.ToString());
  return o;
}

std::string EscalationEml(const toolkit::Escalation& e, const EmlOptions& o) {
  std::string h;
  h += fmt::format("From: {} <{}>\r\n", DisplayName(e.from), OneLine(o.from_address));
  h += fmt::format("To: {} <{}>\r\n", DisplayName(e.to), OneLine(o.to_address));
  h += "Subject: " + HeaderText(e.subject) + "\r\n";
  h += "Date: " + MailDate(o.date) + "\r\n";
  h += "Message-ID: <" + OneLine(o.message_id) + ">\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=UTF-8\r\n";
  h += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  // The body without its "Subject:" line (the header carries it), with CRLF line ends.
  std::string body = EscalationText(e);
  body = body.substr(body.find("\n\n") + 2);
  return h + Crlf(body);
}

}  // namespace tpmkit::report
