// The bounds every value of a program must keep, in one table (docs/limits.md says why
// each is what it is), and the text check they share. model::Validate enforces them, so
// every door (program files, imports, command-line and API edits) refuses the same values.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tpmkit/base/date.h"

namespace tpmkit::limits {

namespace internal {
constexpr int DaysOf(int year, unsigned month, unsigned day) {
  return static_cast<int>(
      std::chrono::sys_days(std::chrono::year(year) / month / day).time_since_epoch().count());
}
}  // namespace internal

// Dates: 1900-01-01 .. 2200-12-31 (every date field, holidays included).
inline constexpr Date kMinDate = Date::FromDays(internal::DaysOf(1900, 1, 1));
inline constexpr Date kMaxDate = Date::FromDays(internal::DaysOf(2200, 12, 31));

// Durations, lags (either sign), estimate points and impacts in (working) days: finite
// and at most 50 years of working days.
inline constexpr double kMaxDays = 13000;

// Money: every amount, and the totals the program adds up (task costs, actuals), at most
// 10^13 units in absolute value (10^15 minor units: int64 keeps 9,000 such totals exact).
inline constexpr int64_t kMaxMoneyUnits = 10'000'000'000'000;
inline constexpr int64_t kMaxMoneyCents = kMaxMoneyUnits * 100;

// Calendars: at most this many holidays (non-working dates) in a program.
inline constexpr size_t kMaxHolidays = 20'000;
// Imports: one calendar exception (a run of days off) spans at most 10 years.
inline constexpr int kMaxExceptionSpanDays = 3653;

// Files: a program file (or any file read whole) holds at most 256 MiB; the YAML reader
// keeps offsets in 32 bits.
inline constexpr size_t kMaxFileBytes = size_t{256} << 20;
// YAML: collections nest at most 64 levels (block and flow together). libyaml's scanner
// is quadratic in flow nesting; a program file needs about 6.
inline constexpr int kMaxYamlDepth = 64;
// Imports: links on summary tasks become pairwise links between leaves (exact for FS)
// until the import holds this many such links; beyond, a summary predecessor stands for
// its last leaf and a summary successor for its first (linear, warned).
inline constexpr size_t kMaxSummaryLinkExpansion = 100'000;

// Weights (scorecard and decision criteria, stakeholder weights) are relative: 0 to 10^6.
inline constexpr double kMaxWeight = 1'000'000;
// A scenario's duration factor multiplies durations: more than 0, at most 100.
inline constexpr double kMaxDurationFactor = 100;
// A resource's capacity (units available per working day): 0 to 10^6.
inline constexpr double kMaxCapacity = 1'000'000;

// Forecast seeds (--seed, the API's seed): 0 to 2^63-1, so that the seed a document
// reports reads back the same in every JSON reader that keeps signed 64-bit integers, and
// the command line and the API take the same seeds.
inline constexpr uint64_t kMaxSeed = 9'223'372'036'854'775'807ULL;

inline bool InDateRange(Date d) { return d >= kMinDate && d <= kMaxDate; }
// Finite and |days| <= kMaxDays (NaN fails).
inline bool InDaysRange(double days) { return days >= -kMaxDays && days <= kMaxDays; }

// Text: valid UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF) without
// non-characters (U+FDD0..U+FDEF and U+xFFFE, U+xFFFF of every plane).
struct TextProblem {
  size_t offset = 0;    // byte offset of the first offending sequence
  std::string message;  // "invalid UTF-8 byte 0xFF" or "non-character U+FFFE"
};
// The first problem of `text`, nullopt when it is valid. Linear in the text.
std::optional<TextProblem> CheckText(std::string_view text);
// `text` with each invalid byte sequence and non-character replaced by U+FFFD.
std::string ReplaceInvalidText(std::string_view text);

}  // namespace tpmkit::limits
