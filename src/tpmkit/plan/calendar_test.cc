#include "tpmkit/plan/calendar.h"

#include <gtest/gtest.h>

#include <random>

namespace tpmkit::plan {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

WorkCalendar Make(model::Calendar cal, Date origin, int table_days = 3660) {
  auto c = WorkCalendar::Create(cal, origin, CalendarOptions{table_days});
  EXPECT_TRUE(c.ok());
  return std::move(c).value();
}

TEST(WorkCalendar, WeekendsAndOrigin) {
  // 2026-01-05 is a Monday.
  WorkCalendar c = Make({}, D(2026, 1, 5));
  EXPECT_EQ(c.Day(0), D(2026, 1, 5));
  EXPECT_EQ(c.Day(4), D(2026, 1, 9));
  EXPECT_EQ(c.Day(5), D(2026, 1, 12));
  EXPECT_EQ(c.Day(-1), D(2026, 1, 2));
  EXPECT_EQ(c.Day(-5), D(2025, 12, 29));
  EXPECT_EQ(c.Pos(D(2026, 1, 10)), 5);     // Saturday: the next working day
  EXPECT_EQ(c.PosEnd(D(2026, 1, 10)), 4);  // Saturday: the previous working day
  EXPECT_EQ(c.Pos(D(2026, 1, 3)), 0);
  EXPECT_EQ(c.PosEnd(D(2026, 1, 3)), -1);
  EXPECT_FALSE(c.IsWorkingDay(D(2026, 1, 4)));
  EXPECT_TRUE(c.IsWorkingDay(D(2026, 1, 5)));
}

TEST(WorkCalendar, OriginOnAWeekend) {
  WorkCalendar c = Make({}, D(2026, 1, 3));
  EXPECT_EQ(c.Day(0), D(2026, 1, 5));
  EXPECT_EQ(c.Day(-1), D(2026, 1, 2));
  EXPECT_EQ(c.Pos(D(2026, 1, 3)), 0);
}

TEST(WorkCalendar, Holidays) {
  model::Calendar cal;
  cal.holidays = {D(2026, 1, 7), D(2026, 1, 10) /* a Saturday: no effect */};
  WorkCalendar c = Make(cal, D(2026, 1, 5));
  EXPECT_EQ(c.Day(1), D(2026, 1, 6));
  EXPECT_EQ(c.Day(2), D(2026, 1, 8));
  EXPECT_EQ(c.Day(4), D(2026, 1, 12));
  EXPECT_EQ(c.Pos(D(2026, 1, 7)), 2);
  EXPECT_EQ(c.PosEnd(D(2026, 1, 7)), 1);
}

TEST(WorkCalendar, CustomWorkweek) {
  model::Calendar cal;
  cal.workweek = {Weekday::kSun, Weekday::kMon, Weekday::kTue, Weekday::kWed, Weekday::kThu};
  WorkCalendar c = Make(cal, D(2026, 1, 9));  // a Friday
  EXPECT_EQ(c.Day(0), D(2026, 1, 11));        // Sunday
  EXPECT_EQ(c.Day(5), D(2026, 1, 18));
}

TEST(WorkCalendar, EmptyWorkweekIsAnError) {
  model::Calendar cal;
  cal.workweek.clear();
  EXPECT_FALSE(WorkCalendar::Create(cal, D(2026, 1, 5)).ok());
}

// Brute force: walk the days one by one.
TEST(WorkCalendar, MatchesBruteForceInsideAndOutsideTheTable) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    model::Calendar cal;
    cal.workweek.clear();
    for (int w = 0; w < 7; ++w) {
      if (rng() % 3 != 0) cal.workweek.push_back(static_cast<Weekday>(w));
    }
    if (cal.workweek.empty()) cal.workweek.push_back(Weekday::kWed);
    Date origin = D(2026, 1, 1) + static_cast<int>(rng() % 30);
    for (int h = 0; h < 15; ++h)
      cal.holidays.push_back(origin + static_cast<int>(rng() % 600) - 100);
    // A tiny table forces most queries onto the arithmetic path.
    WorkCalendar c = Make(cal, origin, round % 2 ? 20 : 3660);
    auto works = [&](Date d) {
      bool wd = false;
      for (Weekday w : cal.workweek) wd |= w == d.weekday();
      for (Date h : cal.holidays) wd &= !(h == d);
      return wd;
    };
    Date day0 = origin;
    while (!works(day0)) day0 = day0 + 1;
    ASSERT_EQ(c.Day(0), day0);
    Date d = day0;
    for (int p = 0; p <= 1500; ++p, d = d + 1) {
      while (!works(d)) d = d + 1;
      ASSERT_EQ(c.Day(p), d) << p;
      ASSERT_EQ(c.Pos(d), p);
      ASSERT_EQ(c.PosEnd(d), p);
    }
    d = day0 - 1;
    for (int p = -1; p >= -1500; --p, d = d - 1) {
      while (!works(d)) d = d - 1;
      ASSERT_EQ(c.Day(p), d) << p;
      ASSERT_EQ(c.Pos(d), p);
    }
    for (int i = -2000; i < 2000; ++i) {
      Date x = origin + i;
      int64_t pos = c.Pos(x), end = c.PosEnd(x);
      ASSERT_GE(c.Day(pos), x);
      ASSERT_LE(c.Day(end), x);
      ASSERT_EQ(pos - end, works(x) ? 0 : 1);
    }
  }
}

TEST(WorkCalendar, IntervalDates) {
  WorkCalendar c = Make({}, D(2026, 1, 5));
  EXPECT_EQ(c.StartDate(0, 5), D(2026, 1, 5));
  EXPECT_EQ(c.FinishDate(0, 5), D(2026, 1, 9));
  // A milestone at position 5 happens at the end of day 4.
  EXPECT_EQ(c.StartDate(5, 5), D(2026, 1, 9));
  EXPECT_EQ(c.FinishDate(5, 5), D(2026, 1, 9));
  EXPECT_EQ(c.StartDate(0, 0), D(2026, 1, 5));
}

}  // namespace
}  // namespace tpmkit::plan
