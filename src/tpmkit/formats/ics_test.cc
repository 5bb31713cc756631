#include "tpmkit/formats/ics.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tpmkit/base/text.h"

namespace tpmkit::formats {
namespace {

// The physical lines of `text`, each of which must end with CRLF.
std::vector<std::string> PhysicalLines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t end = text.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "a line without CRLF at byte " << pos;
    if (end == std::string::npos) break;
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

// Unfolding (RFC 5545 3.1): CRLF followed by one space or tab is removed.
std::string Unfold(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 3, "\r\n ") == 0) {
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

TEST(IcsTest, EscapesText) {
  EXPECT_EQ(IcsEscapeText("plain"), "plain");
  EXPECT_EQ(IcsEscapeText("a,b;c\\d"), "a\\,b\\;c\\\\d");
  EXPECT_EQ(IcsEscapeText("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
  EXPECT_EQ(IcsEscapeText("tab\tkept"), "tab\tkept");
  EXPECT_EQ(IcsEscapeText(std::string("bell\x07 and nul\0!", 15)), "bell and nul!");
  EXPECT_EQ(IcsEscapeText("del\x7f"), "del");
  EXPECT_EQ(IcsEscapeText("Zoë 日本 🚀"), "Zoë 日本 🚀");
  EXPECT_EQ(IcsEscapeText("bad \xff byte"), "bad \xEF\xBF\xBD byte");
  EXPECT_EQ(IcsEscapeText("cut \xE6\x97"), "cut \xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(IcsEscapeText("surrogate \xED\xA0\x80"),
            "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(IcsTest, ShortLinesAreNotFolded) {
  EXPECT_EQ(IcsFoldLine("SUMMARY:x"), "SUMMARY:x\r\n");
  EXPECT_EQ(IcsFoldLine(std::string(75, 'a')), std::string(75, 'a') + "\r\n");
}

TEST(IcsTest, FoldsAt75OctetsWithContinuationSpace) {
  const std::string line = std::string(76, 'a');
  EXPECT_EQ(IcsFoldLine(line), std::string(75, 'a') + "\r\n a\r\n");
  const std::string long_line(300, 'b');
  const std::string folded = IcsFoldLine(long_line);
  for (const auto& l : PhysicalLines(folded)) EXPECT_LE(l.size(), 75u) << l;
  EXPECT_EQ(Unfold(folded), long_line + "\r\n");
  // 75 + 74 + 74 + 74 = 297 octets fit in four lines; 300 need five.
  EXPECT_EQ(PhysicalLines(folded).size(), 5u);
}

TEST(IcsTest, NeverFoldsInsideAUtf8Sequence) {
  // "é" is two octets, "日" three, "🚀" four: every alignment against the fold point.
  for (const std::string piece : {"é", "日", "🚀"}) {
    for (size_t prefix = 0; prefix < 5; ++prefix) {
      std::string line = "DESCRIPTION:" + std::string(prefix, 'x');
      for (int i = 0; i < 60; ++i) line += piece;
      const std::string folded = IcsFoldLine(line);
      for (const auto& l : PhysicalLines(folded)) {
        EXPECT_LE(l.size(), 75u);
        EXPECT_TRUE(CodePointCount(l).has_value()) << "a fold split a character: " << l;
      }
      EXPECT_EQ(Unfold(folded), line + "\r\n");
    }
  }
}

TEST(IcsTest, WritesAllDayEventsWithStableUids) {
  std::vector<CalendarEntry> entries = {
      {Date::FromYmd(2026, 9, 30), "target", "Target: Project Phoenix", "Line one\nLine two",
       "Target"},
      {Date::FromYmd(2026, 12, 31), "milestone-golive", "Milestone: Go-live, at last", "", ""},
  };
  IcsOptions options;
  options.calendar_name = "Project Phoenix";
  options.uid_domain = "phoenix.tpmkit";
  options.stamp = ParseUtcTimestamp("2026-06-15T09:30:05Z").value();
  const std::string ics = WriteIcs(entries, options);
  EXPECT_EQ(ics,
            "BEGIN:VCALENDAR\r\n"
            "VERSION:2.0\r\n"
            "PRODID:-//tpmkit//tpmkit//EN\r\n"
            "CALSCALE:GREGORIAN\r\n"
            "METHOD:PUBLISH\r\n"
            "X-WR-CALNAME:Project Phoenix\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:target@phoenix.tpmkit\r\n"
            "DTSTAMP:20260615T093005Z\r\n"
            "DTSTART;VALUE=DATE:20260930\r\n"
            "DTEND;VALUE=DATE:20261001\r\n"
            "SUMMARY:Target: Project Phoenix\r\n"
            "DESCRIPTION:Line one\\nLine two\r\n"
            "CATEGORIES:Target\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "END:VEVENT\r\n"
            "BEGIN:VEVENT\r\n"
            "UID:milestone-golive@phoenix.tpmkit\r\n"
            "DTSTAMP:20260615T093005Z\r\n"
            "DTSTART;VALUE=DATE:20261231\r\n"
            "DTEND;VALUE=DATE:20270101\r\n"
            "SUMMARY:Milestone: Go-live\\, at last\r\n"
            "TRANSP:TRANSPARENT\r\n"
            "END:VEVENT\r\n"
            "END:VCALENDAR\r\n");
}

TEST(IcsTest, AnEmptyCalendarIsStillACalendar) {
  IcsOptions options;
  options.calendar_name = "Empty; really";
  options.uid_domain = "x.tpmkit";
  const std::string ics = WriteIcs({}, options);
  EXPECT_NE(ics.find("X-WR-CALNAME:Empty\\; really\r\n"), std::string::npos);
  EXPECT_EQ(ics.find("BEGIN:VEVENT"), std::string::npos);
  EXPECT_TRUE(ics.ends_with("END:VCALENDAR\r\n"));
}

}  // namespace
}  // namespace tpmkit::formats
