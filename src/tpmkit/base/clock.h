// Where time comes from. Use cases read it from Env::clock and never from the system, so
// tests and golden files fix it (FixedClock) and the CLI and the server use SystemClock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "tpmkit/base/date.h"

namespace tpmkit {

class Clock {
 public:
  using TimePoint = std::chrono::system_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint Now() const = 0;
  // The civil date of Now() in UTC.
  Date Today() const;
};

class SystemClock final : public Clock {
 public:
  TimePoint Now() const override { return std::chrono::system_clock::now(); }
};

// Always the same instant: for tests, golden files and reproducible runs (TPMKIT_NOW).
class FixedClock final : public Clock {
 public:
  explicit FixedClock(TimePoint at) : at_(at) {}
  TimePoint Now() const override { return at_; }

 private:
  TimePoint at_;
};

// Parses "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM:SSZ"; nullopt otherwise.
std::optional<Clock::TimePoint> ParseUtcTimestamp(std::string_view text);

}  // namespace tpmkit
