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

}  // namespace
}  // namespace tpmkit::toolkit
