// Money as integer minor units (hundredths of the program's currency), so that sums
// are exact. Computed ratios and forecasts use doubles (see Money::ToDouble).
#pragma once

#include <cmath>
#include <compare>
#include <cstdint>
#include <string>

namespace tpmkit {

class Money {
 public:
  constexpr Money() = default;
  static constexpr Money FromCents(int64_t cents) { return Money(cents); }
  // Rounds to the nearest cent.
  static Money FromDouble(double units) {
    return Money(static_cast<int64_t>(std::llround(units * 100.0)));
  }

  constexpr int64_t cents() const { return cents_; }
  double ToDouble() const { return static_cast<double>(cents_) / 100.0; }

  constexpr Money operator+(Money o) const { return Money(cents_ + o.cents_); }
  constexpr Money operator-(Money o) const { return Money(cents_ - o.cents_); }
  constexpr Money& operator+=(Money o) {
    cents_ += o.cents_;
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  int64_t cents_ = 0;
};

}  // namespace tpmkit
