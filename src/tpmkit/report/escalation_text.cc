#include "tpmkit/report/escalation_text.h"

#include <fmt/format.h>

#include <sstream>

#include "tpmkit/base/text.h"

namespace tpmkit::report {

namespace {

// Greedy word wrap; `indent` starts continuation lines.
std::string Wrap(const std::string& text, size_t width, const std::string& first = "",
                 const std::string& indent = "") {
  std::string out = first, word;
  size_t col = first.size();
  std::istringstream in(text);
  bool line_empty = true;
  while (in >> word) {
    if (!line_empty && col + 1 + word.size() > width) {
      out += "\n" + indent;
      col = indent.size();
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    line_empty = false;
  }
  return out + "\n";
}

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

bool Ascii(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

std::string Base64(const std::string& in) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], k[v & 63]};
  }
  if (i + 1 == in.size()) {
    unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += {k[v >> 18], k[(v >> 12) & 63], '=', '='};
  } else if (i + 2 == in.size()) {
    unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += {k[v >> 18], k[(v >> 12) & 63], k[(v >> 6) & 63], '='};
  }
  return out;
}

// A header value: as is when ASCII, else one RFC 2047 encoded word.
// A header value on one line: control characters (a line break would start a new
// header) become spaces.
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  return s;
}

std::string HeaderText(const std::string& text) {
  const std::string s = OneLine(text);
  return Ascii(s) ? s : "=?UTF-8?B?" + Base64(s) + "?=";
}

// A display name: quoted when it has specials.
std::string DisplayName(const std::string& text) {
  const std::string name = OneLine(text);
  if (!Ascii(name)) return HeaderText(name);
  if (name.find_first_of("()<>[]:;@\\,.\"") == std::string::npos) return name;
  std::string q = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') q += '\\';
    q += c;
  }
  return q + "\"";
}

constexpr const char* kWeekdays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

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
  const auto ymd = o.date.ToYmd();
  std::string h;
  h += fmt::format("From: {} <{}>\r\n", DisplayName(e.from), OneLine(o.from_address));
  h += fmt::format("To: {} <{}>\r\n", DisplayName(e.to), OneLine(o.to_address));
  h += "Subject: " + HeaderText(e.subject) + "\r\n";
  h += fmt::format("Date: {}, {:02d} {} {:04d} 09:00:00 +0000\r\n",
                   kWeekdays[static_cast<int>(o.date.weekday())], static_cast<unsigned>(ymd.day()),
                   kMonths[static_cast<unsigned>(ymd.month()) - 1], static_cast<int>(ymd.year()));
  h += "Message-ID: <" + OneLine(o.message_id) + ">\r\n";
  h += "MIME-Version: 1.0\r\n";
  h += "Content-Type: text/plain; charset=UTF-8\r\n";
  h += "Content-Transfer-Encoding: 8bit\r\n\r\n";
  // The body without its "Subject:" line (the header carries it), with CRLF line ends.
  std::string body = EscalationText(e);
  body = body.substr(body.find("\n\n") + 2);
  std::string crlf;
  for (char c : body) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  return h + crlf;
}

}  // namespace tpmkit::report
