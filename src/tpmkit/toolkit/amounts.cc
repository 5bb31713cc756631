#include "tpmkit/toolkit/amounts.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace tpmkit::toolkit {

std::string Amount(Money money, std::string_view currency) {
  int64_t cents = money.cents();
  bool negative = cents < 0;
  uint64_t abs = static_cast<uint64_t>(negative ? -cents : cents);
  std::string units = std::to_string(abs / 100);
  std::string grouped;
  for (size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) grouped += ',';
    grouped += units[i];
  }
  std::string out = (negative ? "-" : "") + grouped;
  if (abs % 100 != 0) out += fmt::format(".{:02}", abs % 100);
  return out + " " + std::string(currency);
}

std::string WholeAmount(double units, std::string_view currency) {
  return Amount(Money::FromCents(std::llround(units) * 100), currency);
}

}  // namespace tpmkit::toolkit
