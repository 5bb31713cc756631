// iCalendar (RFC 5545) of calendar entries: one VCALENDAR of all-day VEVENTs, written
// directly. The rules are in docs/formats/ics.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/calendar_entry.h"
#include "tpmkit/base/clock.h"

namespace tpmkit::formats {

struct IcsOptions {
  std::string calendar_name;  // X-WR-CALNAME: what calendar apps show as its name
  // The right-hand side of every UID ("phoenix.tpmkit"): UID = entry key + "@" + domain.
  std::string uid_domain;
  Clock::TimePoint stamp;  // DTSTAMP of every event: when the file was made (UTC)
};

// The calendar: PRODID, VERSION:2.0, CALSCALE:GREGORIAN, METHOD:PUBLISH, X-WR-CALNAME,
// then per entry, in the given order, a VEVENT with UID, DTSTAMP, DTSTART;VALUE=DATE,
// DTEND;VALUE=DATE (the next day), SUMMARY, DESCRIPTION (when not empty), CATEGORIES
// (when not empty) and TRANSP:TRANSPARENT (a marker, not busy time). Every line ends
// with CRLF and is folded at 75 octets (IcsFoldLine). Keys must be unique (CHECK).
std::string WriteIcs(const std::vector<CalendarEntry>& entries, const IcsOptions& options);

// A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped with a
// backslash, a line break (LF, CRLF or CR) written as \n; other control characters
// (except TAB) dropped and bytes that are not valid UTF-8 replaced by U+FFFD, since the
// format allows neither.
std::string IcsEscapeText(std::string_view text);

// One content line, folded (RFC 5545 3.1): at most 75 octets per physical line (CRLF
// not counted), continuation lines starting with one space; a fold never falls inside a
// UTF-8 sequence. The result ends with CRLF.
std::string IcsFoldLine(std::string_view line);

}  // namespace tpmkit::formats
