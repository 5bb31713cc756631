// Money as integer minor units (hundredths of the program's currency), so that sums
// are exact. Computed ratios and forecasts use doubles (see Money::ToDouble).
// No operation overflows: conversions are checked (FromUnits) or saturate (FromDouble),
// and arithmetic saturates at +-kMaxCents. model::Validate keeps stored amounts far
// below that (base/limits.h), so saturation only ever shows on values it rejects.
#pragma once

#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>

namespace tpmkit {

class Money {
 public:
  // The representable range is symmetric, so that negating an amount never overflows.
  static constexpr int64_t kMaxCents = std::numeric_limits<int64_t>::max();

  constexpr Money() = default;
  // INT64_MIN becomes -kMaxCents.
  static constexpr Money FromCents(int64_t cents) {
    return Money(cents < -kMaxCents ? -kMaxCents : cents);
  }
  // Rounds to the nearest cent; nullopt when `units` is not finite or its cents do not
  // fit in int64.
  static std::optional<Money> FromUnits(double units) {
    double cents = std::round(units * 100.0);
    // 2^63 is exactly representable; every double below it converts without overflow.
    constexpr double kLimit = 9223372036854775808.0;
    if (!(cents > -kLimit && cents < kLimit)) return std::nullopt;
    return FromCents(static_cast<int64_t>(cents));
  }
  // Rounds to the nearest cent, saturating: beyond the range (and NaN) gives +-kMaxCents
  // (NaN: +kMaxCents), which validation rejects as out of bounds.
  static Money FromDouble(double units) {
    if (auto m = FromUnits(units)) return *m;
    return Money(units < 0 ? -kMaxCents : kMaxCents);
  }

  constexpr int64_t cents() const { return cents_; }
  double ToDouble() const { return static_cast<double>(cents_) / 100.0; }

  constexpr Money operator+(Money o) const { return Money(Saturate(cents_, o.cents_)); }
  constexpr Money operator-(Money o) const { return Money(Saturate(cents_, -o.cents_)); }
  constexpr Money& operator+=(Money o) {
    cents_ = Saturate(cents_, o.cents_);
    return *this;
  }
  constexpr auto operator<=>(const Money&) const = default;

 private:
  constexpr explicit Money(int64_t cents) : cents_(cents) {}
  // a + b clamped to [-kMaxCents, kMaxCents]; both are in that range.
  static constexpr int64_t Saturate(int64_t a, int64_t b) {
    int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum)) return a < 0 ? -kMaxCents : kMaxCents;
    return sum < -kMaxCents ? -kMaxCents : sum;
  }
  int64_t cents_ = 0;
};

}  // namespace tpmkit
