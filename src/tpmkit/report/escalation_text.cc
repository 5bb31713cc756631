#include "tpmkit/report/escalation_text.h"

#include <fmt/format.h>

#include "tpmkit/base/text.h"
#include "tpmkit/report/mail.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/report/prose.h"

namespace tpmkit::report {

namespace {

std::string OptionTitle(const toolkit::Escalation& e, size_t i) {
  const auto& o = e.options[i];
  // Names only: option ids are the team's handles, not the reader's.
  return fmt::format("{}{}", EscapeControls(o.name), o.id == e.recommended ? " (recommended)" : "");
}

size_t RecommendedNumber(const toolkit::Escalation& e) {
  for (size_t i = 0; i < e.options.size(); ++i) {
    if (e.options[i].id == e.recommended) return i + 1;
  }
  return 1;
}

const toolkit::OptionOutcome& Recommended(const toolkit::Escalation& e) {
  return e.options[RecommendedNumber(e) - 1];
}

// The message's lines for an option: "NAME (recommended): what it gives."
std::string OptionLine(const toolkit::Escalation& e, size_t i) {
  std::string brief = e.option_brief[i];
  // The brief opens with the option's name; the title adds the recommendation mark.
  const std::string& name = e.options[i].name;
  if (brief.starts_with(name + ": ")) brief = brief.substr(name.size() + 2);
  return OptionTitle(e, i) + ": " + brief;
}

std::string PlainBody(const toolkit::Escalation& e) {
  std::string out;
  out += e.to + ",\n\n";
  out += (e.is_issue ? "ISSUE (A RISK THAT HAS HAPPENED)\n" : "ISSUE\n") + Wrap(e.issue, 78) + "\n";
  out += "IMPACT\n";
  for (const auto& s : e.impact_brief) out += Wrap(s, 78, "- ", "  ");
  out += "\nOPTIONS (" + e.options_note + ")\n";
  for (size_t i = 0; i < e.options.size(); ++i) {
    out += Wrap(OptionLine(e, i), 78, fmt::format("{}. ", i + 1), "   ");
  }
  out += "\nRECOMMENDATION\n" +
         Wrap(fmt::format("Option {}, \"{}\". {}", RecommendedNumber(e), Recommended(e).name,
                          e.rationale),
              78) +
         "\n";
  out += "ASK\n" + Wrap(e.ask, 78) + "\n";
  out += "Thank you,\n" + e.signoff + "\n";
  return out;
}

std::string PlainAppendix(const toolkit::Escalation& e) {
  const std::string& currency = e.currency;
  std::string out = "\n----------------------------------------------------------------------\n";
  out += "APPENDIX: THE FULL ANALYSIS\n";
  bool money_done = false;
  for (const auto& section : e.appendix) {
    if (!money_done && section.heading.starts_with("Constraints")) {
      out += "\nMoney (the same figures as status, evm, changes and decide)\n";
      out += MoneyBlock(e.money, currency);
      money_done = true;
    }
    out += "\n" + section.heading + "\n";
    for (const auto& item : section.items) out += Wrap(item, 78, "- ", "  ");
  }
  if (!money_done) {
    out += "\nMoney (the same figures as status, evm, changes and decide)\n";
    out += MoneyBlock(e.money, currency);
  }
  return out;
}

std::string MarkdownEscalation(const toolkit::Escalation& e) {
  const std::string& currency = e.currency;
  std::string out;
  out += "# " + e.subject + "\n\n";
  out += "**To:** " + e.to + "  \n**From:** " + e.from + "\n\n";
  out += std::string(e.is_issue ? "## Issue (a risk that has happened)" : "## Issue") + "\n\n" +
         e.issue + "\n\n";
  out += "## Impact\n\n";
  for (const auto& s : e.impact_brief) out += "- " + s + "\n";
  out += "\n## Options (" + e.options_note + ")\n\n";
  for (size_t i = 0; i < e.options.size(); ++i) {
    std::string line = OptionLine(e, i);
    const std::string title = OptionTitle(e, i);
    out += fmt::format("{}. **{}**{}\n", i + 1, title, line.substr(title.size()));
  }
  out += "\n## Recommendation\n\n" +
         fmt::format("**Option {}, \"{}\"**. {}", RecommendedNumber(e), Recommended(e).name,
                     e.rationale) +
         "\n\n";
  out += "## Ask\n\n" + e.ask + "\n\n";
  out += "Thank you,  \n" + e.signoff + "\n";
  out += "\n---\n\n## Appendix: the full analysis\n";
  for (const auto& section : e.appendix) {
    out += "\n### " + section.heading + "\n\n";
    for (const auto& item : section.items) out += "- " + item + "\n";
  }
  out += "\n### Money (the same figures as status, evm, changes and decide)\n\n";
  out += "| Figure | Amount |\n|---|---:|\n";
  for (const auto& [label, value] : MoneyRows(e.money, currency)) {
    out += "| " + label + " | " + value + " |\n";
  }
  return out;
}

}  // namespace

// Text from the program may hold control characters: shown escaped (newlines kept), in
// the text, the Markdown and so the .eml's body.
std::string EscalationText(const toolkit::Escalation& e) {
  return EscapeControls("Subject: " + e.subject + "\n\n" + PlainBody(e), {.keep_newlines = true});
}

std::string EscalationTextWithAppendix(const toolkit::Escalation& e) {
  return EscapeControls("Subject: " + e.subject + "\n\n" + PlainBody(e) + PlainAppendix(e),
                        {.keep_newlines = true});
}

std::string EscalationMarkdown(const toolkit::Escalation& e) {
  return EscapeControls(MarkdownEscalation(e), {.keep_newlines = true});
}

size_t EscalationBodyWords(const toolkit::Escalation& e) {
  size_t words = 0;
  bool in_word = false;
  for (char c : PlainBody(e)) {
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

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
  std::string body = EscalationTextWithAppendix(e);
  body = body.substr(body.find("\n\n") + 2);
  return h + Crlf(body);
}

}  // namespace tpmkit::report
