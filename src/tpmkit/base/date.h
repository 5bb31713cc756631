// Civil dates (no time of day, no zone) as a count of days since 1970-01-01.
#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace tpmkit {

enum class Weekday { kMon = 0, kTue, kWed, kThu, kFri, kSat, kSun };

class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int days) { return Date(days); }
  static Date FromYmd(int year, unsigned month, unsigned day);
  static Date FromSysDays(std::chrono::sys_days d) { return Date(d.time_since_epoch().count()); }

  // Parses exactly YYYY-MM-DD (a real calendar date); nullopt otherwise.
  static std::optional<Date> Parse(std::string_view text);

  constexpr int days() const { return days_; }
  std::chrono::sys_days ToSysDays() const {
    return std::chrono::sys_days(std::chrono::days(days_));
  }
  std::chrono::year_month_day ToYmd() const { return std::chrono::year_month_day(ToSysDays()); }
  Weekday weekday() const;
  std::string ToString() const;  // YYYY-MM-DD

  constexpr Date operator+(int n) const { return Date(days_ + n); }
  constexpr Date operator-(int n) const { return Date(days_ - n); }
  constexpr int operator-(Date o) const { return days_ - o.days_; }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  constexpr explicit Date(int days) : days_(days) {}
  int days_ = 0;
};

// "mon".."sun"; nullopt otherwise.
std::optional<Weekday> ParseWeekday(std::string_view text);
std::string_view WeekdayName(Weekday d);

}  // namespace tpmkit
