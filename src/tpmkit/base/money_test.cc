#include "tpmkit/base/money.h"

#include <gtest/gtest.h>

#include <limits>

namespace tpmkit {
namespace {

constexpr int64_t kMax = Money::kMaxCents;

TEST(MoneyTest, FromUnitsRoundsToCentsAndRefusesWhatInt64CannotHold) {
  EXPECT_EQ(Money::FromUnits(12.345)->cents(), 1235);
  EXPECT_EQ(Money::FromUnits(-0.005)->cents(), -1);
  EXPECT_EQ(Money::FromUnits(1e13)->cents(), 1'000'000'000'000'000);
  EXPECT_FALSE(Money::FromUnits(1e17).has_value());
  EXPECT_FALSE(Money::FromUnits(-1e300).has_value());
  EXPECT_FALSE(Money::FromUnits(std::numeric_limits<double>::infinity()).has_value());
  EXPECT_FALSE(Money::FromUnits(std::numeric_limits<double>::quiet_NaN()).has_value());
}

TEST(MoneyTest, FromDoubleSaturatesInsteadOfWrapping) {
  EXPECT_EQ(Money::FromDouble(120000).cents(), 12'000'000);
  EXPECT_EQ(Money::FromDouble(1e30).cents(), kMax);
  EXPECT_EQ(Money::FromDouble(-1e30).cents(), -kMax);
  EXPECT_EQ(Money::FromDouble(std::numeric_limits<double>::quiet_NaN()).cents(), kMax);
}

TEST(MoneyTest, ArithmeticSaturatesAndTheRangeIsSymmetric) {
  const Money max = Money::FromCents(kMax);
  const Money min = Money::FromCents(std::numeric_limits<int64_t>::min());
  EXPECT_EQ(min.cents(), -kMax);  // so that negating any amount is defined
  EXPECT_EQ((max + Money::FromCents(1)).cents(), kMax);
  EXPECT_EQ((min - Money::FromCents(1)).cents(), -kMax);
  EXPECT_EQ((min - max).cents(), -kMax);
  EXPECT_EQ((max - min).cents(), kMax);
  Money sum;
  for (int i = 0; i < 10; ++i) sum += max;
  EXPECT_EQ(sum.cents(), kMax);
  EXPECT_EQ((Money::FromCents(150) + Money::FromCents(-50)).cents(), 100);
  EXPECT_EQ((Money::FromCents(150) - Money::FromCents(250)).cents(), -100);
}

}  // namespace
}  // namespace tpmkit
