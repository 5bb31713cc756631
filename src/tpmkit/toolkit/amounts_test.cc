#include "tpmkit/toolkit/amounts.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

TEST(Amount, GroupsThousandsAndShowsCentsOnlyWhenPresent) {
  EXPECT_EQ(Amount(Money::FromCents(0), "USD"), "0 USD");
  EXPECT_EQ(Amount(Money::FromCents(99900), "USD"), "999 USD");
  EXPECT_EQ(Amount(Money::FromCents(6400000), "USD"), "64,000 USD");
  EXPECT_EQ(Amount(Money::FromCents(240000000), "EUR"), "2,400,000 EUR");
  EXPECT_EQ(Amount(Money::FromCents(123450), "USD"), "1,234.50 USD");
  EXPECT_EQ(Amount(Money::FromCents(-4500000), "USD"), "-45,000 USD");
}

TEST(Grouped, SeparatesThousands) {
  EXPECT_EQ(Grouped(0), "0");
  EXPECT_EQ(Grouped(999), "999");
  EXPECT_EQ(Grouped(2000), "2,000");
  EXPECT_EQ(Grouped(1234567), "1,234,567");
  EXPECT_EQ(Grouped(-1500), "-1,500");
}

TEST(WholeAmount, RoundsToWholeUnitsWithoutMinusZero) {
  EXPECT_EQ(WholeAmount(1620000.4, "USD"), "1,620,000 USD");
  EXPECT_EQ(WholeAmount(12499.5, "USD"), "12,500 USD");
  EXPECT_EQ(WholeAmount(-0.2, "USD"), "0 USD");
}

TEST(UngroupedAmount, RoundsWithoutSeparators) {
  EXPECT_EQ(UngroupedAmount(2400000, "USD"), "2400000 USD");
  EXPECT_EQ(UngroupedAmount(60000.4, "EUR"), "60000 EUR");
}

}  // namespace
}  // namespace tpmkit::toolkit
