#include "tpmkit/base/clock.h"

#include <cstdio>

namespace tpmkit {

Date Clock::Today() const {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(Now()));
}

std::optional<Clock::TimePoint> ParseUtcTimestamp(std::string_view text) {
  auto day = Date::Parse(text.substr(0, 10));
  if (!day) return std::nullopt;
  Clock::TimePoint at = day->ToSysDays();
  if (text.size() == 10) return at;
  int h = 0, m = 0, s = 0;
  char tail = 0;
  const std::string rest(text.substr(10));
  if (rest.size() != 10 || std::sscanf(rest.c_str(), "T%2d:%2d:%2d%c", &h, &m, &s, &tail) != 4 ||
      tail != 'Z' || h > 23 || m > 59 || s > 59 || h < 0 || m < 0 || s < 0) {
    return std::nullopt;
  }
  return at + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

}  // namespace tpmkit
