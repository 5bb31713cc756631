#include "tpmkit/report/svg/chart_parts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace tpmkit::report::svg {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

std::vector<std::string> Labels(const std::vector<Tick>& ticks) {
  std::vector<std::string> out;
  for (const Tick& t : ticks)
    out.push_back(t.sublabel.empty() ? t.label : t.label + "/" + t.sublabel);
  return out;
}

TEST(SvgSpan, WidensAroundTheMiddle) {
  EXPECT_FALSE(SpanOf({std::nullopt}, 14));
  auto s = SpanOf({D(2026, 3, 10), std::nullopt}, 14);
  ASSERT_TRUE(s);
  EXPECT_EQ(s->first, D(2026, 3, 3));
  EXPECT_EQ(s->last, D(2026, 3, 17));
  s = SpanOf({D(2026, 5, 1), D(2026, 1, 1)}, 14);
  EXPECT_EQ(s->first, D(2026, 1, 1));
  EXPECT_EQ(s->last, D(2026, 5, 1));
}

TEST(SvgDateTicks, MonthsWithTheYearUnderTheFirstAndJanuary) {
  auto ticks = DateTicks({D(2025, 11, 15), D(2026, 4, 20)}, 560);
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Dec/2025", "Jan/2026", "Feb", "Mar", "Apr"}));
  EXPECT_EQ(ticks[0].value, D(2025, 12, 1).days());
}

TEST(SvgDateTicks, FewerMonthsWhenNarrow) {
  auto ticks = DateTicks({D(2026, 1, 1), D(2026, 12, 31)}, 200);  // at most 4 ticks
  EXPECT_EQ(Labels(ticks), (std::vector<std::string>{"Jan/2026", "Apr", "Jul", "Oct"}));
}

TEST(SvgDateTicks, WeeksOnMondaysForShortSpans) {
  auto ticks = DateTicks({D(2026, 3, 1), D(2026, 3, 31)}, 560);
  ASSERT_FALSE(ticks.empty());
  for (const Tick& t : ticks) {
    EXPECT_EQ(Date::FromDays(static_cast<int>(t.value)).weekday(), Weekday::kMon);
  }
  EXPECT_EQ(Labels(ticks).front(), "2 Mar/2026");
}

TEST(SvgDateTicks, YearsForLongSpans) {
  auto ticks = DateTicks({D(2020, 6, 1), D(2040, 6, 1)}, 560);
  EXPECT_EQ(Labels(ticks).front(), "2022");
  EXPECT_LE(ticks.size(), 12u);
  ticks = DateTicks({D(1900, 1, 1), D(2100, 1, 1)}, 300);
  EXPECT_LE(ticks.size(), 6u);
  EXPECT_GE(ticks.size(), 2u);
}

TEST(SvgNiceAxis, StepsOfOneTwoTwoAndAHalfFive) {
  auto a = NiceAxis(1'000'000, 5);
  EXPECT_EQ(a.step, 200'000);
  EXPECT_EQ(a.max, 1'000'000);
  a = NiceAxis(1'040'000, 5);
  EXPECT_EQ(a.step, 250'000);
  EXPECT_EQ(a.max, 1'250'000);
  a = NiceAxis(0, 5);
  EXPECT_GT(a.max, 0);
  a = NiceAxis(std::numeric_limits<double>::quiet_NaN(), 5);
  EXPECT_EQ(a.max, 1);
}

TEST(SvgShortMoney, OneUnitPerAxisAndTheCurrency) {
  ValueAxis m{1'250'000, 250'000};
  EXPECT_EQ(ShortMoney(0, m, "USD"), "0 USD");
  EXPECT_EQ(ShortMoney(250'000, m, "USD"), "0.25M USD");
  EXPECT_EQ(ShortMoney(1'000'000, m, "USD"), "1.00M USD");
  ValueAxis k{500'000, 100'000};
  EXPECT_EQ(ShortMoney(300'000, k, "EUR"), "300k EUR");
  ValueAxis small{5'000, 1'000};
  EXPECT_EQ(ShortMoney(2'000, small, "USD"), "2,000 USD");
  ValueAxis b{5e12, 1e12};
  EXPECT_EQ(ShortMoney(3e12, b, ""), "3,000B");
}

TEST(SvgPercent, Whole) {
  EXPECT_EQ(Percent(0.644), "64%");
  EXPECT_EQ(Percent(1.5), "100%");
  EXPECT_EQ(Percent(std::nan("")), "0%");
}

TEST(SvgLayoutMarkers, CloseLabelsGoToHigherLanes) {
  Scale x{0, 100, 0, 500};
  std::vector<Marker> markers = {{Date::FromDays(50), "P50 2026-01-01", "#000", 1, "", ""},
                                 {Date::FromDays(52), "P80 2026-01-03", "#000", 1, "", ""},
                                 {Date::FromDays(90), "P90 2026-02-10", "#000", 1, "", ""}};
  MarkerLayout layout = LayoutMarkers(markers, x, 0, 500);
  EXPECT_EQ(layout.placed[0].lane, 0);
  EXPECT_EQ(layout.placed[1].lane, 1);
  EXPECT_EQ(layout.lanes, 2);
  // The third label would pass the right edge, so it ends at its line.
  EXPECT_TRUE(layout.placed[2].anchor_end);
  EXPECT_EQ(layout.placed[2].lane, 0);
}

TEST(SvgLayoutMarkers, TooWideLabelsAreShortenedToTheWiderSide) {
  Scale x{0, 100, 0, 200};
  std::vector<Marker> markers = {
      {Date::FromDays(60), "Target 2026-03-22 (60% chance)", "#000", 1, "", ""}};
  MarkerLayout layout = LayoutMarkers(markers, x, 0, 200);
  const auto& p = layout.placed[0];
  EXPECT_TRUE(p.anchor_end);  // 120 px left of the line, 80 right of it
  EXPECT_LE(TextWidth(p.label, kLabelFont), 117);
  EXPECT_EQ(p.label, "Target 2026-03-22\xe2\x80\xa6");
}

}  // namespace
}  // namespace tpmkit::report::svg
