#include "tpmkit/base/clock.h"

#include <gtest/gtest.h>

namespace tpmkit {
namespace {

TEST(ClockTest, FixedClockGivesItsDay) {
  auto at = ParseUtcTimestamp("2026-06-15T23:59:59Z");
  ASSERT_TRUE(at);
  EXPECT_EQ(FixedClock(*at).Today().ToString(), "2026-06-15");
}

TEST(ClockTest, ParsesDatesAndTimestamps) {
  EXPECT_TRUE(ParseUtcTimestamp("2026-06-15"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-06-15T24:00:00Z"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-06-15T10:00:00"));
  EXPECT_FALSE(ParseUtcTimestamp("2026-06-15T10:00:00Z junk"));
  EXPECT_FALSE(ParseUtcTimestamp("yesterday"));
  EXPECT_EQ(*ParseUtcTimestamp("1970-01-02T00:00:01Z"),
            Clock::TimePoint(std::chrono::seconds(86401)));
}

}  // namespace
}  // namespace tpmkit
