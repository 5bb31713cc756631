#include "tpmkit/report/svg/chart_parts.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "tpmkit/report/svg/palette.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMinTickSpacing = 44;
constexpr int kDayTicksUpTo = 62;  // spans up to about two months get day ticks

std::string DayLabel(Date d) {
  auto ymd = d.ToYmd();
  return fmt::format("{} {}", static_cast<unsigned>(ymd.day()),
                     MonthName(static_cast<unsigned>(ymd.month())));
}

int YearOf(Date d) { return static_cast<int>(d.ToYmd().year()); }

std::vector<Tick> DayTicks(DateSpan span, int max_ticks) {
  std::vector<Tick> ticks;
  for (int step : {1, 2, 7, 14, 28}) {
    Date start = span.first;
    if (step >= 7) {
      // Weekly ticks fall on Mondays, the day status reports are dated.
      int wd = static_cast<int>(span.first.weekday());
      start = span.first + (7 - wd) % 7;
    } else {
      int r = ((span.first.days() % step) + step) % step;
      start = span.first + (r == 0 ? 0 : step - r);
    }
    int count = start > span.last ? 0 : (span.last - start) / step + 1;
    if (count > max_ticks && step != 28) continue;
    int year = 0;
    for (Date d = start; d <= span.last; d = d + step) {
      Tick t{static_cast<double>(d.days()), DayLabel(d), ""};
      if (ticks.empty() || YearOf(d) != year) t.sublabel = std::to_string(YearOf(d));
      year = YearOf(d);
      ticks.push_back(std::move(t));
    }
    break;
  }
  return ticks;
}

std::vector<Tick> MonthTicks(DateSpan span, int step) {
  std::vector<Tick> ticks;
  auto ymd = span.first.ToYmd();
  int y = static_cast<int>(ymd.year());
  int m = static_cast<int>(static_cast<unsigned>(ymd.month()));
  if (static_cast<unsigned>(ymd.day()) != 1) ++m;
  for (;; ++m) {
    if (m > 12) {
      m -= 12;
      ++y;
    }
    if ((m - 1) % step != 0) continue;
    Date d = Date::FromYmd(y, static_cast<unsigned>(m), 1);
    if (d > span.last) break;
    Tick t{static_cast<double>(d.days()), std::string(MonthName(static_cast<unsigned>(m))), ""};
    if (ticks.empty() || m == 1) t.sublabel = std::to_string(y);
    ticks.push_back(std::move(t));
  }
  return ticks;
}

std::vector<Tick> YearTicks(DateSpan span, int step) {
  std::vector<Tick> ticks;
  int first = YearOf(span.first);
  int last = YearOf(span.last);
  for (int y = first; y <= last; ++y) {
    if (((y % step) + step) % step != 0) continue;
    Date d = Date::FromYmd(y, 1, 1);
    if (d < span.first) continue;
    ticks.push_back({static_cast<double>(d.days()), std::to_string(y), ""});
  }
  return ticks;
}

}  // namespace

double Scale::operator()(double v) const {
  if (!std::isfinite(v) || d1 == d0) return (r0 + r1) / 2;
  return r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

std::optional<DateSpan> SpanOf(const std::vector<std::optional<Date>>& dates, int min_days) {
  std::optional<DateSpan> span;
  for (const auto& d : dates) {
    if (!d) continue;
    if (!span) {
      span = DateSpan{*d, *d};
    } else {
      span->first = std::min(span->first, *d);
      span->last = std::max(span->last, *d);
    }
  }
  if (span && span->last - span->first < min_days) {
    int extra = min_days - (span->last - span->first);
    span->first = span->first - extra / 2;
    span->last = span->last + (extra - extra / 2);
  }
  return span;
}

std::vector<Tick> DateTicks(DateSpan span, double pixels) {
  int max_ticks = std::max(2, static_cast<int>(pixels / kMinTickSpacing));
  int days = span.last - span.first;
  if (days <= kDayTicksUpTo) return DayTicks(span, max_ticks);
  for (int step : {1, 2, 3, 6}) {
    // The estimate skips candidates that cannot fit before listing their ticks.
    if (days / (30.44 * step) > max_ticks + 1) continue;
    auto ticks = MonthTicks(span, step);
    if (static_cast<int>(ticks.size()) <= max_ticks) return ticks;
  }
  for (int step = 1;; step *= 10) {
    for (int m : {1, 2, 5}) {
      if (days / (365.25 * step * m) > max_ticks + 1) continue;
      auto ticks = YearTicks(span, step * m);
      if (static_cast<int>(ticks.size()) <= max_ticks) return ticks;
    }
  }
}

ValueAxis NiceAxis(double max, int max_ticks) {
  if (!(max > 0) || !std::isfinite(max)) max = 1;
  max_ticks = std::max(max_ticks, 1);
  double raw = max / max_ticks;
  double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    double step = m * magnitude;
    // A hair of tolerance: 1000 / 250 must count as 4 steps, not 4.000000001.
    double steps = std::ceil(max / step - 1e-9);
    if (steps <= max_ticks) return {steps * step, step};
  }
  return {std::ceil(max / (10 * magnitude)) * 10 * magnitude, 10 * magnitude};
}

std::string ShortMoney(double value, const ValueAxis& axis, std::string_view currency) {
  double unit = 1;
  std::string_view suffix;
  if (axis.max >= 1e9) {
    unit = 1e9;
    suffix = "B";
  } else if (axis.max >= 1e6) {
    unit = 1e6;
    suffix = "M";
  } else if (axis.max >= 1e4) {
    unit = 1e3;
    suffix = "k";
  }
  int decimals = 0;
  double scaled_step = axis.step / unit;
  while (decimals < 3) {
    double s = scaled_step * std::pow(10.0, decimals);
    if (std::abs(s - std::round(s)) < 1e-6) break;
    ++decimals;
  }
  if (!std::isfinite(value)) value = 0;
  double scaled = std::clamp(value / unit, -1e15, 1e15);
  double factor = std::pow(10.0, decimals);
  long long fixed = std::llround(std::abs(scaled) * factor);
  std::string text =
      (fixed != 0 && scaled < 0 ? "-" : "") +
      toolkit::Grouped(static_cast<long long>(fixed / static_cast<long long>(factor)));
  if (fixed == 0) {
    text = "0";  // zero needs neither decimals nor a unit
  } else {
    if (decimals > 0) {
      text += fmt::format(".{:0{}}", fixed % static_cast<long long>(factor), decimals);
    }
    text += suffix;
  }
  if (!currency.empty()) text += " " + std::string(currency);
  return text;
}

std::string_view MonthName(unsigned month) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  return month >= 1 && month <= 12 ? kNames[month - 1] : "?";
}

std::string Percent(double share) {
  if (!std::isfinite(share)) share = 0;
  share = std::clamp(share, 0.0, 1.0);
  return fmt::format("{}%", std::llround(share * 100));
}

std::vector<Marker> TargetAndStatusMarkers(const std::optional<Date>& target,
                                           const std::optional<Date>& status_date) {
  std::vector<Marker> markers;
  if (target) {
    markers.push_back({*target, "Target " + target->ToString(), palette::kVermillion, 2, "",
                       palette::kVermillionText});
  }
  if (status_date) {
    markers.push_back(
        {*status_date, "Status " + status_date->ToString(), palette::kMuted, 1, "2 3", ""});
  }
  return markers;
}

std::string ChancePercent(double share) {
  if (!std::isfinite(share)) share = 0;
  return toolkit::wording::Percent(std::clamp(share, 0.0, 1.0));
}

void DrawDateAxis(Writer& w, const PlotArea& plot, const Scale& x, const std::vector<Tick>& ticks) {
  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}, {"text-anchor", "middle"}});
  for (const Tick& t : ticks) {
    double tx = x(t.value);
    if (tx < plot.left - 0.5 || tx > plot.right + 0.5) continue;
    w.Empty("line", {{"x1", tx},
                     {"y1", plot.top},
                     {"x2", tx},
                     {"y2", plot.bottom},
                     {"stroke", palette::kGrid},
                     {"stroke-width", 1}});
    w.Empty("line", {{"x1", tx},
                     {"y1", plot.bottom},
                     {"x2", tx},
                     {"y2", plot.bottom + 4},
                     {"stroke", palette::kMuted},
                     {"stroke-width", 1}});
    w.Text({{"x", tx}, {"y", plot.bottom + 15}}, t.label);
    if (!t.sublabel.empty()) w.Text({{"x", tx}, {"y", plot.bottom + 27}}, t.sublabel);
  }
  w.Empty("line", {{"x1", plot.left},
                   {"y1", plot.bottom},
                   {"x2", plot.right},
                   {"y2", plot.bottom},
                   {"stroke", palette::kMuted},
                   {"stroke-width", 1}});
  w.Close();
}

void DrawValueAxis(Writer& w, const PlotArea& plot, const Scale& y,
                   const std::vector<double>& values, const std::vector<std::string>& labels) {
  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}, {"text-anchor", "end"}});
  for (size_t i = 0; i < values.size() && i < labels.size(); ++i) {
    double ty = y(values[i]);
    w.Empty("line", {{"x1", plot.left},
                     {"y1", ty},
                     {"x2", plot.right},
                     {"y2", ty},
                     {"stroke", palette::kGrid},
                     {"stroke-width", 1}});
    w.Text({{"x", plot.left - 6}, {"y", ty + 3.5}}, labels[i]);
  }
  w.Close();
}

void DrawNote(Writer& w, const PlotArea& plot, std::string_view text) {
  constexpr double kFont = 13;
  const double cx = (plot.left + plot.right) / 2;
  const double cy = (plot.top + plot.bottom) / 2;
  // A white card behind the words, so that grid lines do not strike through them.
  const double card = TextWidth(text, kFont) + 16;
  w.Empty("rect", {{"x", cx - card / 2},
                   {"y", cy - 12},
                   {"width", card},
                   {"height", 24},
                   {"fill", palette::kBackground}});
  w.Text({{"x", cx},
          {"y", cy + 4.5},
          {"text-anchor", "middle"},
          {"font-size", kFont},
          {"fill", palette::kMuted}},
         text);
}

MarkerLayout LayoutMarkers(const std::vector<Marker>& markers, const Scale& x, double left,
                           double right) {
  constexpr double kPad = 3;
  constexpr double kGap = 6;
  MarkerLayout layout;
  layout.placed.resize(markers.size());
  std::vector<size_t> order(markers.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return markers[a].date < markers[b].date; });
  std::vector<std::vector<std::pair<double, double>>> lanes;
  for (size_t i : order) {
    MarkerLayout::Placed& p = layout.placed[i];
    p.x = x(markers[i].date);
    // The label runs right from its line, or ends at it (left of the line); in each lane,
    // from the lowest up, the first of the two that fits in [left, right] and touches no
    // label already there wins.
    p.label = markers[i].label;
    const double room = std::max(right - p.x, p.x - left) - kPad;
    if (TextWidth(p.label, kLabelFont) > room) {
      p.label = Shorten(p.label, CharsThatFit(room, kLabelFont));
    }
    const double width = TextWidth(p.label, kLabelFont);
    struct Box {
      double from, to, text_x;
      bool anchor_end;
    };
    const Box candidates[] = {{p.x, p.x + kPad + width, p.x + kPad, false},
                              {p.x - kPad - width, p.x, p.x - kPad, true}};
    auto clear = [&](const std::vector<std::pair<double, double>>& boxes, const Box& b) {
      return std::none_of(boxes.begin(), boxes.end(), [&](const auto& box) {
        return b.from < box.second + kGap && box.first < b.to + kGap;
      });
    };
    // Shortening makes one side fit, unless the line lies outside [left, right] or the room
    // is below one character; then the label runs right regardless.
    bool any_in_bounds = false;
    for (const Box& b : candidates) any_in_bounds |= b.from >= left && b.to <= right;
    std::optional<Box> chosen;
    size_t lane = 0;
    for (;; ++lane) {
      if (lane == lanes.size()) lanes.emplace_back();
      for (const Box& b : candidates) {
        bool in_bounds = b.from >= left && b.to <= right;
        if ((in_bounds || (!any_in_bounds && !b.anchor_end)) && clear(lanes[lane], b)) {
          chosen = b;
          break;
        }
      }
      if (chosen) break;
    }
    lanes[lane].emplace_back(chosen->from, chosen->to);
    p.text_x = chosen->text_x;
    p.anchor_end = chosen->anchor_end;
    p.lane = static_cast<int>(lane);
  }
  layout.lanes = static_cast<int>(lanes.size());
  return layout;
}

void DrawMarkers(Writer& w, const PlotArea& plot, const std::vector<Marker>& markers,
                 const MarkerLayout& layout) {
  for (size_t i = 0; i < markers.size() && i < layout.placed.size(); ++i) {
    const Marker& m = markers[i];
    const MarkerLayout::Placed& p = layout.placed[i];
    if (p.x < plot.left - 0.5 || p.x > plot.right + 0.5) continue;
    if (m.dash.empty()) {
      w.Empty("line", {{"x1", p.x},
                       {"y1", plot.top},
                       {"x2", p.x},
                       {"y2", plot.bottom},
                       {"stroke", m.color},
                       {"stroke-width", m.stroke_width}});
    } else {
      w.Empty("line", {{"x1", p.x},
                       {"y1", plot.top},
                       {"x2", p.x},
                       {"y2", plot.bottom},
                       {"stroke", m.color},
                       {"stroke-width", m.stroke_width},
                       {"stroke-dasharray", m.dash}});
    }
    w.Text({{"x", p.text_x},
            {"y", plot.top - 4 - p.lane * kLaneHeight},
            {"text-anchor", p.anchor_end ? "end" : "start"},
            {"font-size", kLabelFont},
            {"fill", m.text_color.empty() ? m.color : m.text_color}},
           p.label);
  }
}

double DrawLegendRow(Writer& w, double x, double y, const std::vector<LegendEntry>& entries) {
  for (const LegendEntry& e : entries) {
    if (e.dash.empty()) {
      w.Empty("line", {{"x1", x},
                       {"y1", y - 4},
                       {"x2", x + 18},
                       {"y2", y - 4},
                       {"stroke", e.color},
                       {"stroke-width", e.stroke_width}});
    } else {
      w.Empty("line", {{"x1", x},
                       {"y1", y - 4},
                       {"x2", x + 18},
                       {"y2", y - 4},
                       {"stroke", e.color},
                       {"stroke-width", e.stroke_width},
                       {"stroke-dasharray", e.dash}});
    }
    w.Text({{"x", x + 22}, {"y", y}, {"font-size", kLabelFont}}, e.label);
    x += 22 + TextWidth(e.label, kLabelFont) + 12;
  }
  return x;
}

}  // namespace tpmkit::report::svg
