// Money in sentences: "64,000 USD", "1,234.50 EUR".
#pragma once

#include <string>
#include <string_view>

#include "tpmkit/base/money.h"

namespace tpmkit::toolkit {

// Thousands separated by commas, cents only when not zero, then the currency code;
// negative amounts start with '-'.
std::string Amount(Money money, std::string_view currency);
// A computed amount rounded to whole units: 1620000.4 -> "1,620,000 USD" (no "-0").
std::string WholeAmount(double units, std::string_view currency);

}  // namespace tpmkit::toolkit
