#include "tpmkit/toolkit/amounts.h"

#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace tpmkit::toolkit {

std::string Grouped(long long n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<unsigned long long>(n)
                                            : static_cast<unsigned long long>(n));
  std::string out = n < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string Amount(Money money, std::string_view currency) {
  int64_t cents = money.cents();
  bool negative = cents < 0;
  uint64_t abs = static_cast<uint64_t>(negative ? -cents : cents);
  std::string out = (negative ? "-" : "") + Grouped(static_cast<long long>(abs / 100));
  if (abs % 100 != 0) out += fmt::format(".{:02}", abs % 100);
  return out + " " + std::string(currency);
}

std::string WholeAmount(double units, std::string_view currency) {
  return Amount(Money::FromCents(std::llround(units) * 100), currency);
}

std::string UngroupedAmount(double units, std::string_view currency) {
  return fmt::format("{:.0f} {}", units, currency);
}

}  // namespace tpmkit::toolkit
