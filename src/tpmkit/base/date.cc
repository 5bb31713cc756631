#include "tpmkit/base/date.h"

#include <array>
#include <cstdio>

namespace tpmkit {

namespace {
constexpr std::array<std::string_view, 7> kWeekdayNames = {"mon", "tue", "wed", "thu",
                                                           "fri", "sat", "sun"};
bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}
int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}
}  // namespace

Date Date::FromYmd(int year, unsigned month, unsigned day) {
  using namespace std::chrono;
  return FromSysDays(
      sys_days(std::chrono::year(year) / std::chrono::month(month) / std::chrono::day(day)));
}

std::optional<Date> Date::Parse(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  std::string_view y = t.substr(0, 4), m = t.substr(5, 2), d = t.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year(ToInt(y)), std::chrono::month(ToInt(m)),
                                  std::chrono::day(ToInt(d))};
  if (!ymd.ok()) return std::nullopt;
  return FromSysDays(std::chrono::sys_days(ymd));
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  int w = (days_ % 7 + 7 + 3) % 7;
  return static_cast<Weekday>(w);
}

std::string Date::ToString() const {
  auto ymd = ToYmd();
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

std::optional<Weekday> ParseWeekday(std::string_view text) {
  for (size_t i = 0; i < kWeekdayNames.size(); ++i) {
    if (kWeekdayNames[i] == text) return static_cast<Weekday>(i);
  }
  return std::nullopt;
}

std::string_view WeekdayName(Weekday d) { return kWeekdayNames[static_cast<int>(d)]; }

}  // namespace tpmkit
