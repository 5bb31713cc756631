// One dated entry of a calendar (a milestone, a deadline, a contact to make): what
// report/ builds from a program and the iCalendar writer in formats/ takes. Plain values.
#pragma once

#include <string>

#include "tpmkit/base/date.h"

namespace tpmkit {

// An all-day entry.
struct CalendarEntry {
  Date date;
  // Unique in its calendar and the same on every export of the same thing, whatever its
  // date ("milestone-golive"), so that a calendar updates the entry instead of adding one.
  std::string key;
  std::string summary;      // one line
  std::string description;  // may span lines
  std::string category;     // "Milestone", "Deadline", ...
};

}  // namespace tpmkit
