// Numbers and money in sentences and tables, the one formatter family of toolkit/ and
// report/: "2,000", "64,000 USD", "1,234.50 EUR", "1,620,000 USD", "2400000 USD".
#pragma once

#include <string>
#include <string_view>

#include "tpmkit/base/money.h"

namespace tpmkit::toolkit {

// An integer with thousands separated by commas: 2000 -> "2,000", -1500 -> "-1,500".
std::string Grouped(long long n);
// Thousands separated by commas, cents only when not zero, then the currency code;
// negative amounts start with '-'.
std::string Amount(Money money, std::string_view currency);
// A computed amount rounded to whole units: 1620000.4 -> "1,620,000 USD" (no "-0").
std::string WholeAmount(double units, std::string_view currency);
// A computed amount rounded to whole units (half to even), without separators:
// 2400000 -> "2400000 USD". The plan review's findings have always quoted amounts this
// way; kept so that their text does not change.
std::string UngroupedAmount(double units, std::string_view currency);

}  // namespace tpmkit::toolkit
