#include "tpmkit/plan/calendar.h"

#include <algorithm>

namespace tpmkit::plan {

namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

int WeekdayIndex(int64_t days) {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

}  // namespace

Result<WorkCalendar> WorkCalendar::Create(const model::Calendar& calendar, Date origin,
                                          const CalendarOptions& options) {
  WorkCalendar c;
  c.origin_ = origin;
  for (Weekday w : calendar.workweek) c.works_[static_cast<int>(w)] = true;
  for (bool b : c.works_) c.week_working_ += b ? 1 : 0;
  if (c.week_working_ == 0) return Error::Invalid("the calendar's workweek has no working day");

  int64_t lo = origin.days(), hi = origin.days();
  for (Date h : calendar.holidays) {
    lo = std::min<int64_t>(lo, h.days());
    hi = std::max<int64_t>(hi, h.days());
  }
  // Margins: a year before (negative positions near the origin stay in the table) and
  // table_days after; then whole weeks so that the arithmetic outside lines up.
  lo -= 371;
  hi += std::max(options.table_days, 14);
  int64_t weeks = (hi - lo) / 7 + 1;
  c.lo_ = lo;
  c.hi_ = lo + 7 * weeks;

  for (int r = 0; r < 7; ++r)
    c.prefix_[r + 1] = c.prefix_[r] + (c.works_[WeekdayIndex(lo + r)] ? 1 : 0);
  for (int r = 0, n = 0; r < 7; ++r) {
    if (c.works_[WeekdayIndex(lo + r)]) c.nth_[n++] = r;
  }

  std::vector<int64_t> hol;
  for (Date h : calendar.holidays) hol.push_back(h.days());
  std::sort(hol.begin(), hol.end());
  hol.erase(std::unique(hol.begin(), hol.end()), hol.end());

  const int64_t span = c.hi_ - c.lo_;
  c.count_.resize(span + 1);
  c.by_index_.reserve(span);
  size_t hi_idx = 0;
  int32_t count = 0;
  for (int64_t i = 0; i < span; ++i) {
    c.count_[i] = count;
    int64_t d = lo + i;
    while (hi_idx < hol.size() && hol[hi_idx] < d) ++hi_idx;
    bool holiday = hi_idx < hol.size() && hol[hi_idx] == d;
    bool weekday_works = c.works_[WeekdayIndex(d)];
    if (weekday_works && holiday) ++c.holidays_in_table_;
    if (weekday_works && !holiday) {
      c.by_index_.push_back(static_cast<int32_t>(i));
      ++count;
    }
  }
  c.count_[span] = count;
  c.c0_ = 0;
  c.c0_ = c.CountBefore(origin.days());
  return c;
}

Result<WorkCalendar> WorkCalendar::ForProgram(const model::Program& program,
                                              const CalendarOptions& options) {
  return Create(program.EffectiveCalendar(), program.start, options);
}

int64_t WorkCalendar::CountBefore(int64_t d) const {
  if (d >= lo_ && d <= hi_) return count_[d - lo_];
  int64_t q = FloorDiv(d - lo_, 7);
  int64_t r = d - lo_ - 7 * q;
  int64_t n = q * week_working_ + prefix_[r];
  return d > hi_ ? n - holidays_in_table_ : n;
}

Date WorkCalendar::Day(int64_t p) const {
  int64_t c = p + c0_;
  if (c >= 0 && c < static_cast<int64_t>(by_index_.size())) {
    return Date::FromDays(static_cast<int>(lo_ + by_index_[c]));
  }
  // Outside the table no day is a holiday: count over plain weeks, adding back the
  // holidays of the table when past it.
  if (c >= 0) c += holidays_in_table_;
  int64_t q = FloorDiv(c, week_working_);
  int64_t r = c - q * week_working_;
  return Date::FromDays(static_cast<int>(lo_ + 7 * q + nth_[r]));
}

int64_t WorkCalendar::Pos(Date date) const { return CountBefore(date.days()) - c0_; }

int64_t WorkCalendar::PosEnd(Date date) const {
  return CountBefore(int64_t{date.days()} + 1) - 1 - c0_;
}

bool WorkCalendar::IsWorkingDay(Date date) const {
  return CountBefore(int64_t{date.days()} + 1) != CountBefore(date.days());
}

Date WorkCalendar::StartDate(int64_t s, int64_t f) const {
  if (f - s >= 1) return Day(s);
  return s == 0 ? Day(0) : Day(s - 1);
}

Date WorkCalendar::FinishDate(int64_t s, int64_t f) const {
  if (f - s >= 1) return Day(f - 1);
  return s == 0 ? Day(0) : Day(s - 1);
}

}  // namespace tpmkit::plan
