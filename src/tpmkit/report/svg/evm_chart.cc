#include "tpmkit/report/svg/evm_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"
#include "tpmkit/toolkit/amounts.h"

namespace tpmkit::report::svg {
namespace {

// Amounts beyond this are drawn at it: far above any real program, far below what would
// lose the precision of the labels.
constexpr double kMaxAmount = 1e15;

struct Series {
  std::string_view name;
  std::string_view color;
  double stroke_width;
  std::string_view dash;
  std::vector<MoneyPoint> points;
};

std::vector<MoneyPoint> Clean(const std::vector<MoneyPoint>& points) {
  std::vector<MoneyPoint> out;
  for (const MoneyPoint& p : points) {
    if (std::isfinite(p.value)) out.push_back({p.date, std::clamp(p.value, 0.0, kMaxAmount)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const MoneyPoint& a, const MoneyPoint& b) { return a.date < b.date; });
  return out;
}

double Amount(double v) { return std::isfinite(v) ? std::clamp(v, 0.0, kMaxAmount) : 0; }

std::string Whole(double v, std::string_view currency) {
  std::string s = toolkit::WholeAmount(v, currency);
  // WholeAmount always adds the code after a space; no code, no trailing space.
  if (currency.empty() && !s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

std::string Description(const EvmChartInput& in, const std::vector<Series>& series) {
  std::string d = "Cumulative planned value, earned value and actual cost.";
  for (const Series& s : series) {
    if (s.points.empty()) continue;
    d += fmt::format(" {} {} on {}.", s.name, Whole(s.points.back().value, in.currency),
                     s.points.back().date.ToString());
  }
  if (Amount(in.bac) > 0) d += " BAC " + Whole(Amount(in.bac), in.currency) + ".";
  if (in.budget) d += " Budget " + Whole(Amount(*in.budget), in.currency) + ".";
  if (in.status_date) d += " Status date " + in.status_date->ToString() + ".";
  return d;
}

}  // namespace

std::string EvmChart(const EvmChartInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  std::vector<Series> series = {
      {"PV", palette::kBlue, 2, "6 3", Clean(input.pv)},
      {"EV", palette::kBluishGreen, 2.5, "", Clean(input.ev)},
      {"AC", palette::kVermillion, 2, "2 2", Clean(input.ac)},
  };
  const double bac = Amount(input.bac);
  const std::optional<double> budget =
      input.budget ? std::optional<double>(Amount(*input.budget)) : std::nullopt;
  Writer w({width, height, ChartId(options.id, "evm-chart"),
            options.title.empty() ? "Earned value" : options.title, Description(input, series)});

  double top_value = std::max(bac, budget.value_or(0));
  std::vector<std::optional<Date>> dates;
  for (const Series& s : series) {
    for (const MoneyPoint& p : s.points) {
      dates.emplace_back(p.date);
      top_value = std::max(top_value, p.value);
    }
  }
  dates.push_back(input.status_date);
  auto span = SpanOf(dates, 14);

  std::vector<Marker> markers = TargetAndStatusMarkers(std::nullopt, input.status_date);

  ValueAxis axis = NiceAxis(top_value * 1.04, 5);
  std::vector<double> values;
  std::vector<std::string> labels;
  double widest = 0;
  for (int i = 0; i * axis.step <= axis.max * (1 + 1e-9); ++i) {
    values.push_back(i * axis.step);
    labels.push_back(ShortMoney(i * axis.step, axis, input.currency));
    widest = std::max(widest, TextWidth(labels.back(), kTickFont));
  }

  PlotArea plot{std::ceil(widest) + 12, 0, width - 24, height - 36};
  Scale x{0, 1, plot.left, plot.right};
  if (span) {
    x = {static_cast<double>(span->first.days()), static_cast<double>(span->last.days()), plot.left,
         plot.right};
  }
  MarkerLayout layout = LayoutMarkers(markers, x, plot.left, width - 4);
  const double legend_y = 14;
  plot.top = legend_y + 12 + layout.lanes * kLaneHeight;
  if (plot.bottom - plot.top < 40) plot.top = plot.bottom - 40;
  Scale y{0, axis.max, plot.bottom, plot.top};

  std::vector<LegendEntry> legend;
  for (const Series& s : series)
    legend.push_back({std::string(s.name), s.color, s.stroke_width, s.dash});
  if (bac > 0) legend.push_back({"BAC", palette::kInk, 1.5, "1 3"});
  if (budget) legend.push_back({"Budget", palette::kReddishPurple, 1.5, "8 3 2 3"});
  DrawLegendRow(w, plot.left, legend_y, legend);

  DrawValueAxis(w, plot, y, values, labels);
  bool no_series =
      std::all_of(series.begin(), series.end(), [](const Series& s) { return s.points.empty(); });
  if (!span || (no_series && bac <= 0 && !budget)) {
    DrawDateAxis(w, plot, x, span ? DateTicks(*span, plot.width()) : std::vector<Tick>{});
    DrawNote(w, plot, "No earned value data yet");
    return w.Finish();
  }
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width()));

  // The BAC and budget lines are labelled at the left, where the curves are still low; when
  // the two lines are close, the upper label goes above its line and the lower below.
  struct Level {
    std::string label;
    double value;
    std::string_view color;
    std::string_view text_color;
    std::string_view dash;
  };
  std::vector<Level> levels;
  if (bac > 0) {
    levels.push_back(
        {"BAC " + Whole(bac, input.currency), bac, palette::kInk, palette::kInk, "1 3"});
  }
  if (budget) {
    levels.push_back({"Budget " + Whole(*budget, input.currency), *budget, palette::kReddishPurple,
                      palette::kReddishPurpleText, "8 3 2 3"});
  }
  for (size_t i = 0; i < levels.size(); ++i) {
    const Level& lv = levels[i];
    double ly = y(lv.value);
    bool below = false;
    if (levels.size() == 2) {
      const Level& other = levels[1 - i];
      below = std::abs(ly - y(other.value)) < 14 &&
              (lv.value < other.value || (lv.value == other.value && i == 1));
    }
    w.Empty("line", {{"x1", plot.left},
                     {"y1", ly},
                     {"x2", plot.right},
                     {"y2", ly},
                     {"stroke", lv.color},
                     {"stroke-width", 1.5},
                     {"stroke-dasharray", lv.dash}});
    w.Text({{"x", plot.left + 4},
            {"y", below ? ly + 12 : ly - 4},
            {"font-size", kLabelFont},
            {"fill", lv.text_color}},
           lv.label);
  }

  for (const Series& s : series) {
    if (s.points.empty()) continue;
    std::vector<Point> pts;
    for (const MoneyPoint& p : s.points) pts.push_back({x(p.date), y(p.value)});
    if (pts.size() == 1) {
      w.Empty("circle", {{"cx", pts[0].x}, {"cy", pts[0].y}, {"r", 3}, {"fill", s.color}});
      continue;
    }
    if (s.dash.empty()) {
      w.Empty("polyline", {{"points", Points(pts)},
                           {"fill", "none"},
                           {"stroke", s.color},
                           {"stroke-width", s.stroke_width},
                           {"stroke-linejoin", "round"}});
    } else {
      w.Empty("polyline", {{"points", Points(pts)},
                           {"fill", "none"},
                           {"stroke", s.color},
                           {"stroke-width", s.stroke_width},
                           {"stroke-linejoin", "round"},
                           {"stroke-dasharray", s.dash}});
    }
  }
  DrawMarkers(w, plot, markers, layout);
  return w.Finish();
}

}  // namespace tpmkit::report::svg
