// Working-day calendar: maps integer working-day positions to civil dates and back
// (computations.md §1). Position 0 is the first working day on or after the origin
// (program.start); negative positions count backwards.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"

namespace tpmkit::plan {

struct CalendarOptions {
  // Civil days past the origin (and past the last holiday) that the lookup table covers;
  // beyond it every query is answered by arithmetic over whole weeks, which is exact
  // because no holiday lies outside the table.
  int table_days = 3660;
};

class WorkCalendar {
 public:
  // Errors (kInvalidInput) when the workweek names no day.
  static Result<WorkCalendar> Create(const model::Calendar& calendar, Date origin,
                                     const CalendarOptions& options = {});
  // The program's effective calendar with origin program.start.
  static Result<WorkCalendar> ForProgram(const model::Program& program,
                                         const CalendarOptions& options = {});

  // The date of working day `p` (any integer). O(1).
  Date Day(int64_t p) const;
  // The position of the first working day on or after `date` (a start). O(1).
  int64_t Pos(Date date) const;
  // The position of the last working day on or before `date` (an end). O(1).
  int64_t PosEnd(Date date) const;
  bool IsWorkingDay(Date date) const;

  // Dates of an interval [s, f) of positions per §1: for f - s >= 1 the start is
  // day(s) and the finish day(f-1); for f <= s (a milestone) both are day(s-1), or
  // day(0) when s = 0.
  Date StartDate(int64_t s, int64_t f) const;
  Date FinishDate(int64_t s, int64_t f) const;

  Date origin() const { return origin_; }

 private:
  WorkCalendar() = default;
  // Working days in [lo_, d): negative when d < lo_.
  int64_t CountBefore(int64_t d) const;

  Date origin_;
  std::array<bool, 7> works_{};    // by Weekday index
  int week_working_ = 0;           // working weekdays per week
  int64_t lo_ = 0;                 // first civil day (days since epoch) of the table
  int64_t hi_ = 0;                 // one past the last civil day of the table (lo_ + 7*weeks)
  std::array<int, 8> prefix_{};    // working weekdays among lo_ .. lo_+r-1, r = 0..7
  std::array<int, 7> nth_{};       // day offset from a week start (lo_) of its r-th working weekday
  int64_t holidays_in_table_ = 0;  // holidays on working weekdays, all inside the table
  int64_t c0_ = 0;                 // CountBefore(day(0))
  std::vector<int32_t> count_;     // CountBefore(lo_ + i), i in [0, hi_-lo_]
  std::vector<int32_t> by_index_;  // civil-day offset from lo_ of working day i, i < count_.back()
};

}  // namespace tpmkit::plan
