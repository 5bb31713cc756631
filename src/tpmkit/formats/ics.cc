#include "tpmkit/formats/ics.h"

#include <fmt/format.h>

#include <chrono>
#include <set>

#include "tpmkit/base/check.h"

namespace tpmkit::formats {

namespace {

// The length of the valid UTF-8 sequence starting at text[i] (1..4), or 0 when the
// bytes there are not one (stray continuation, overlong form, surrogate, beyond
// U+10FFFF, truncated).
size_t Utf8SequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string DateValue(Date d) {
  const auto ymd = d.ToYmd();
  return fmt::format("{:04}{:02}{:02}", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

std::string StampValue(Clock::TimePoint at) {
  const auto seconds = std::chrono::floor<std::chrono::seconds>(at);
  const auto day = std::chrono::floor<std::chrono::days>(seconds);
  const std::chrono::hh_mm_ss time(seconds - day);
  return fmt::format("{}T{:02}{:02}{:02}Z", DateValue(Date::FromSysDays(day)), time.hours().count(),
                     time.minutes().count(), time.seconds().count());
}

}  // namespace

std::string IcsEscapeText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case ';':
        out += "\\;";
        ++i;
        continue;
      case ',':
        out += "\\,";
        ++i;
        continue;
      case '\r':
        out += "\\n";
        i += (i + 1 < text.size() && text[i + 1] == '\n') ? 2 : 1;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\t':
        out += c;
        ++i;
        continue;
      default:
        break;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      ++i;  // a control character TEXT cannot hold
      continue;
    }
    const size_t n = Utf8SequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD for one invalid byte
      ++i;
      continue;
    }
    out.append(text.substr(i, n));
    i += n;
  }
  return out;
}

std::string IcsFoldLine(std::string_view line) {
  constexpr size_t kMaxOctets = 75;
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  size_t pos = 0;
  bool first = true;
  while (true) {
    // A continuation line's leading space is one of its 75 octets.
    const size_t room = first ? kMaxOctets : kMaxOctets - 1;
    size_t end = std::min(line.size(), pos + room);
    // Back off to the start of a code point; a byte run without one (invalid input)
    // is cut where it is rather than not at all.
    if (end < line.size()) {
      size_t cut = end;
      while (cut > pos && IsContinuation(line[cut])) --cut;
      if (cut > pos) end = cut;
    }
    if (!first) out += ' ';
    out.append(line.substr(pos, end - pos));
    out += "\r\n";
    pos = end;
    first = false;
    if (pos >= line.size()) break;
  }
  return out;
}

std::string WriteIcs(const std::vector<CalendarEntry>& entries, const IcsOptions& options) {
  std::string out;
  const auto line = [&](std::string_view text) { out += IcsFoldLine(text); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//tpmkit//tpmkit//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + IcsEscapeText(options.calendar_name));
  const std::string stamp = StampValue(options.stamp);
  std::set<std::string> keys;
  for (const auto& e : entries) {
    TPMKIT_CHECK(keys.insert(e.key).second);
    line("BEGIN:VEVENT");
    line("UID:" + IcsEscapeText(e.key + "@" + options.uid_domain));
    line("DTSTAMP:" + stamp);
    line("DTSTART;VALUE=DATE:" + DateValue(e.date));
    line("DTEND;VALUE=DATE:" + DateValue(e.date + 1));
    line("SUMMARY:" + IcsEscapeText(e.summary));
    if (!e.description.empty()) line("DESCRIPTION:" + IcsEscapeText(e.description));
    if (!e.category.empty()) line("CATEGORIES:" + IcsEscapeText(e.category));
    line("TRANSP:TRANSPARENT");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace tpmkit::formats
