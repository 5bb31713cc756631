#include "tpmkit/toolkit/amounts.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "tpmkit/toolkit/wording.h"

namespace tpmkit::toolkit {

std::string Amount(Money money, std::string_view currency) {
  int64_t cents = money.cents();
  bool negative = cents < 0;
  uint64_t abs = static_cast<uint64_t>(negative ? -cents : cents);
  std::string out = (negative ? "-" : "") + wording::Grouped(static_cast<long long>(abs / 100));
  if (abs % 100 != 0) out += fmt::format(".{:02}", abs % 100);
  return out + " " + std::string(currency);
}

std::string WholeAmount(double units, std::string_view currency) {
  return Amount(Money::FromCents(std::llround(units) * 100), currency);
}

}  // namespace tpmkit::toolkit
