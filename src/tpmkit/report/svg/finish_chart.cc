#include "tpmkit/report/svg/finish_chart.h"

#include <algorithm>
#include <cmath>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

std::vector<FinishPoint> CleanCurve(const std::vector<FinishPoint>& points) {
  std::vector<FinishPoint> out;
  for (const FinishPoint& p : points) {
    if (std::isfinite(p.share)) out.push_back({p.date, std::clamp(p.share, 0.0, 1.0)});
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const FinishPoint& a, const FinishPoint& b) { return a.date < b.date; });
  // A cumulative share never falls; rounding in the caller's numbers must not make it.
  double running = 0;
  for (FinishPoint& p : out) {
    running = std::max(running, p.share);
    p.share = running;
  }
  return out;
}

std::vector<Marker> Markers(const FinishChartInput& in) {
  std::vector<Marker> markers;
  auto add = [&](const std::optional<Date>& d, std::string label, std::string_view color,
                 double width, std::string_view dash) {
    if (d) markers.push_back({*d, std::move(label) + " " + d->ToString(), color, width, dash, ""});
  };
  add(in.p50, "P50", palette::kInk, 1, "");
  add(in.p80, "P80", palette::kInk, 1, "");
  add(in.p90, "P90", palette::kInk, 1, "");
  if (in.target) {
    std::string label = "Target " + in.target->ToString();
    if (in.target_chance) label += " (" + ChancePercent(*in.target_chance) + " chance)";
    markers.push_back({*in.target, label, palette::kVermillion, 2, "", palette::kVermillionText});
  }
  add(in.last_week_p80, "P80 last week", palette::kInk, 1, "4 3");
  add(in.status_date, "Status", palette::kMuted, 1, "2 3");
  return markers;
}

std::string Description(const FinishChartInput& in, const std::vector<FinishPoint>& curve) {
  if (curve.empty() && !in.p50 && !in.p80 && !in.p90) return "No forecast yet.";
  std::string d = "The chance of finishing by each date.";
  if (in.p50) d += " P50 " + in.p50->ToString() + ".";
  if (in.p80) d += " P80 " + in.p80->ToString() + ".";
  if (in.p90) d += " P90 " + in.p90->ToString() + ".";
  if (in.target) {
    d += " Target " + in.target->ToString();
    if (in.target_chance) d += ", " + ChancePercent(*in.target_chance) + " chance of making it";
    d += ".";
  }
  if (in.last_week_p80) d += " Last week's P80 " + in.last_week_p80->ToString() + ".";
  if (in.status_date) d += " Status date " + in.status_date->ToString() + ".";
  return d;
}

}  // namespace

std::string FinishChart(const FinishChartInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  std::vector<FinishPoint> curve = CleanCurve(input.cumulative);
  std::vector<Marker> markers = Markers(input);

  Writer w({width, height, ChartId(options.id, "finish-chart"),
            options.title.empty() ? "Finish date forecast" : options.title,
            Description(input, curve)});

  std::vector<std::optional<Date>> dates;
  for (const FinishPoint& p : curve) dates.emplace_back(p.date);
  for (const Marker& m : markers) dates.emplace_back(m.date);
  auto span = SpanOf(dates, 14);

  PlotArea plot{58, 0, width - 24, height - 36};
  Scale x{0, 1, plot.left, plot.right};
  if (span)
    x = {static_cast<double>(span->first.days()), static_cast<double>(span->last.days()), plot.left,
         plot.right};
  MarkerLayout layout = LayoutMarkers(markers, x, plot.left, width - 4);
  plot.top = 12 + layout.lanes * kLaneHeight;
  if (plot.bottom - plot.top < 40) plot.top = plot.bottom - 40;
  Scale y{0, 1, plot.bottom, plot.top};

  std::vector<double> values = {0, 0.25, 0.5, 0.75, 1};
  std::vector<std::string> labels;
  for (double v : values) labels.push_back(Percent(v));
  DrawValueAxis(w, plot, y, values, labels);
  w.Text({{"x", 14},
          {"y", (plot.top + plot.bottom) / 2},
          {"text-anchor", "middle"},
          {"font-size", kLabelFont},
          {"fill", palette::kMuted},
          {"transform", "rotate(-90 14 " + Num((plot.top + plot.bottom) / 2) + ")"}},
         "Chance of finishing by");
  if (!span) {
    DrawDateAxis(w, plot, x, {});
    DrawNote(w, plot, "No forecast yet");
    return w.Finish();
  }
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width()));

  if (curve.size() == 1) {
    w.Empty(
        "circle",
        {{"cx", x(curve[0].date)}, {"cy", y(curve[0].share)}, {"r", 3}, {"fill", palette::kBlue}});
  } else if (curve.size() > 1) {
    std::vector<Point> pts;
    for (const FinishPoint& p : curve) pts.push_back({x(p.date), y(p.share)});
    w.Empty("polyline", {{"points", Points(pts)},
                         {"fill", "none"},
                         {"stroke", palette::kBlue},
                         {"stroke-width", 2.5},
                         {"stroke-linejoin", "round"}});
  } else {
    DrawNote(w, plot, "No forecast curve");
  }
  DrawMarkers(w, plot, markers, layout);
  return w.Finish();
}

}  // namespace tpmkit::report::svg
