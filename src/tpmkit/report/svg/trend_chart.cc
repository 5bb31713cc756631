#include "tpmkit/report/svg/trend_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

struct Band {
  double from;
  double to;
  std::string_view name;
  std::string_view tint;
};
constexpr Band kBands[] = {{0, 25, "low", palette::kLowTint},
                           {25, 50, "moderate", palette::kModerateTint},
                           {50, 75, "high", palette::kHighTint},
                           {75, 100, "critical", palette::kCriticalTint}};

std::string_view BandName(double score) {
  if (score < 25) return "low";
  if (score < 50) return "moderate";
  if (score < 75) return "high";
  return "critical";
}

// One decimal, none when it is zero: 62 -> "62", 43.75 -> "43.8". Rounding never moves a
// score across a band edge in the text, since the band is named beside it.
std::string Score(double score) {
  std::string s = fmt::format("{:.1f}", score);
  if (s.size() > 2 && s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

std::vector<TrendPoint> Clean(const std::vector<TrendPoint>& points) {
  std::vector<TrendPoint> out;
  for (const TrendPoint& p : points) {
    // + 0.0 turns -0 into 0, which would otherwise print as "-0".
    if (std::isfinite(p.score)) out.push_back({p.date, std::clamp(p.score, 0.0, 100.0) + 0.0});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const TrendPoint& a, const TrendPoint& b) { return a.date < b.date; });
  return out;
}

std::string Description(const std::vector<TrendPoint>& pts) {
  if (pts.empty()) return "No assessments yet.";
  const TrendPoint& last = pts.back();
  std::string d =
      fmt::format("Risk score at {} assessment{}", pts.size(), pts.size() == 1 ? "" : "s");
  if (pts.size() > 1) {
    d += fmt::format(", from {} on {}", Score(pts.front().score), pts.front().date.ToString());
  }
  d += fmt::format("; latest {} ({}) on {}.", Score(last.score), BandName(last.score),
                   last.date.ToString());
  return d;
}

}  // namespace

std::string TrendChart(const TrendChartInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  std::vector<TrendPoint> pts = Clean(input.points);
  Writer w({width, height, ChartId(options.id, "trend-chart"),
            options.title.empty() ? "Risk scorecard trend" : options.title, Description(pts)});

  PlotArea plot{40, 12, width - 64, height - 36};
  Scale y{0, 100, plot.bottom, plot.top};

  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}});
  for (const Band& b : kBands) {
    w.Empty("rect", {{"x", plot.left},
                     {"y", y(b.to)},
                     {"width", plot.width()},
                     {"height", y(b.from) - y(b.to)},
                     {"fill", b.tint}});
    w.Text({{"x", plot.right + 6}, {"y", (y(b.from) + y(b.to)) / 2 + 3.5}}, b.name);
  }
  w.Close();
  DrawValueAxis(w, plot, y, {0, 25, 50, 75, 100}, {"0", "25", "50", "75", "100"});

  std::vector<std::optional<Date>> dates;
  for (const TrendPoint& p : pts) dates.emplace_back(p.date);
  auto span = SpanOf(dates, 14);
  if (!span) {
    DrawDateAxis(w, plot, Scale{0, 1, plot.left, plot.right}, {});
    DrawNote(w, plot, "No assessments yet");
    return w.Finish();
  }
  // A little room on both sides keeps the first and last dots off the frame.
  Scale x{static_cast<double>(span->first.days()), static_cast<double>(span->last.days()),
          plot.left + 10, plot.right - 10};
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width() - 20));

  std::vector<Point> line;
  for (const TrendPoint& p : pts) line.push_back({x(p.date), y(p.score)});
  if (line.size() > 1) {
    w.Empty("polyline", {{"points", Points(line)},
                         {"fill", "none"},
                         {"stroke", palette::kBlue},
                         {"stroke-width", 2},
                         {"stroke-linejoin", "round"}});
  }
  w.Open("g", {{"fill", palette::kBlue}, {"stroke", palette::kBackground}, {"stroke-width", 1}});
  for (const Point& p : line) w.Empty("circle", {{"cx", p.x}, {"cy", p.y}, {"r", 3.5}});
  w.Close();

  const Point& last = line.back();
  // Above the dot, or below it when the dot is near the top; kept inside the plot.
  double label_y = last.y - 8 < plot.top + 10 ? last.y + 16 : last.y - 8;
  std::string label = fmt::format("{} ({})", Score(pts.back().score), BandName(pts.back().score));
  double half = TextWidth(label, 11) / 2;
  // Kept inside the plot; a label wider than the plot is centred on it.
  double label_x = std::max(plot.left + half, std::min(last.x, plot.right - half));
  if (plot.left + half > plot.right - half) label_x = (plot.left + plot.right) / 2;
  w.Text({{"x", label_x},
          {"y", label_y},
          {"text-anchor", "middle"},
          {"font-weight", "bold"},
          {"fill", palette::kInk}},
         label);
  return w.Finish();
}

}  // namespace tpmkit::report::svg
