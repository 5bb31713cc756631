#include "tpmkit/report/svg/finish_histogram.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMinBar = 12;  // px: narrower bars would blur into a solid area
// More bins than this split a forecast's 100 percentile points too thin to show a shape.
constexpr int kMostBins = 24;

// One day a bin when every day of the spread gets a bar (at most kMostBins days, each
// bar at least kMinBar px wide), else the fewest whole weeks that keep within those
// limits: finishes fall on working days only, so bins of 2 or 3 days would show the
// weekends as false gaps.
int BinDays(int days, double pixels) {
  const int most_bins = std::clamp(static_cast<int>(pixels / kMinBar), 1, kMostBins);
  if (days <= most_bins) return 1;
  const int weeks = (days + 7 * most_bins - 1) / (7 * most_bins);
  return 7 * std::max(1, weeks);
}

std::vector<Marker> Markers(const FinishHistogramInput& in) {
  std::vector<Marker> markers;
  auto add = [&](const std::optional<Date>& d, const char* name) {
    if (d)
      markers.push_back({*d, std::string(name) + " " + d->ToString(), palette::kInk, 1, "", ""});
  };
  add(in.p50, "P50");
  add(in.p80, "P80");
  add(in.p90, "P90");
  if (in.target) {
    std::string label = "Target " + in.target->ToString();
    if (in.target_chance) label += " (" + ChancePercent(*in.target_chance) + " chance)";
    markers.push_back({*in.target, label, palette::kVermillion, 2, "", palette::kVermillionText});
  }
  return markers;
}

std::string Description(const FinishHistogramInput& in, Date first, Date last, int bin_days) {
  if (in.finishes.empty()) return "No forecast yet.";
  std::string d =
      fmt::format("How the simulated finish dates spread, from {} to {}, in bins of {} day{}.",
                  first.ToString(), last.ToString(), bin_days, bin_days == 1 ? "" : "s");
  if (in.p50) d += " P50 " + in.p50->ToString() + ".";
  if (in.p80) d += " P80 " + in.p80->ToString() + ".";
  if (in.p90) d += " P90 " + in.p90->ToString() + ".";
  if (in.target) {
    d += " Target " + in.target->ToString();
    if (in.target_chance) d += ", " + ChancePercent(*in.target_chance) + " chance of making it";
    d += ".";
  }
  return d;
}

}  // namespace

std::string FinishHistogram(const FinishHistogramInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  std::vector<Date> finishes = input.finishes;
  std::sort(finishes.begin(), finishes.end());
  std::vector<Marker> markers = Markers(input);

  PlotArea plot{58, 0, width - 24, height - 52};
  const Date first = finishes.empty() ? Date() : finishes.front();
  const Date last = finishes.empty() ? Date() : finishes.back();
  const int days = finishes.empty() ? 1 : last - first + 1;
  const int bin_days = BinDays(days, plot.width());

  Writer w({width, height, ChartId(options.id, "finish-histogram"),
            options.title.empty() ? "Spread of the finish date" : options.title,
            Description(input, first, last, bin_days)});

  // With a target, a bin boundary falls just after it, so that no bin holds finishes on
  // both sides and each bar is wholly on time or wholly late.
  Date start = first;
  if (input.target && bin_days > 1) {
    start = first - (((first - (*input.target + 1)) % bin_days) + bin_days) % bin_days;
  }
  const int bins = finishes.empty() ? 0 : (last - start) / bin_days + 1;

  // The axis spans the bins and every marked date.
  std::vector<std::optional<Date>> dates;
  if (!finishes.empty()) {
    dates.emplace_back(start);
    dates.emplace_back(start + bins * bin_days);
  }
  for (const Marker& m : markers) dates.emplace_back(m.date);
  auto span = SpanOf(dates, 14);
  Scale x{0, 1, plot.left, plot.right};
  if (span)
    x = {static_cast<double>(span->first.days()), static_cast<double>(span->last.days()), plot.left,
         plot.right};
  MarkerLayout layout = LayoutMarkers(markers, x, plot.left, width - 4);
  plot.top = 12 + layout.lanes * kLaneHeight;
  if (plot.bottom - plot.top < 40) plot.top = plot.bottom - 40;

  // The share of finishes in each bin.
  std::vector<double> shares;
  if (!finishes.empty()) {
    shares.assign(static_cast<size_t>(bins), 0.0);
    const double each = 1.0 / static_cast<double>(finishes.size());
    for (Date d : finishes) shares[static_cast<size_t>((d - start) / bin_days)] += each;
  }
  const double top_share = shares.empty() ? 0 : *std::max_element(shares.begin(), shares.end());
  const ValueAxis axis = NiceAxis(top_share * 100, 5);
  Scale y{0, axis.max, plot.bottom, plot.top};
  std::vector<double> values;
  std::vector<std::string> labels;
  for (int i = 0; i * axis.step <= axis.max + axis.step / 2; ++i) {
    const double v = i * axis.step;
    values.push_back(v);
    labels.push_back(Num(v) + "%");
  }
  DrawValueAxis(w, plot, y, values, labels);
  const double mid_y = (plot.top + plot.bottom) / 2;
  w.Text({{"x", 14},
          {"y", mid_y},
          {"text-anchor", "middle"},
          {"font-size", kLabelFont},
          {"fill", palette::kMuted},
          {"transform", "rotate(-90 14 " + Num(mid_y) + ")"}},
         "Share of simulated finishes");
  // The axis title sits at the right; the legend takes the left of the same row.
  w.Text({{"x", plot.right},
          {"y", height - 6},
          {"text-anchor", "end"},
          {"font-size", kLabelFont},
          {"fill", palette::kMuted}},
         "Finish date");
  if (!span || finishes.empty()) {
    DrawDateAxis(w, plot, x, span ? DateTicks(*span, plot.width()) : std::vector<Tick>{});
    DrawNote(w, plot, "No forecast yet");
    DrawMarkers(w, plot, markers, layout);
    return w.Finish();
  }
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width()));

  w.Open("g", {{"stroke", palette::kBackground}, {"stroke-width", 1}});
  for (size_t i = 0; i < shares.size(); ++i) {
    if (shares[i] <= 0) continue;
    const Date from = start + static_cast<int>(i) * bin_days;
    const Date to = from + bin_days;  // exclusive
    // A bin is late when any of its days is after the target.
    const bool late = input.target && to - 1 > *input.target;
    const double bx = x(from);
    const double by = y(shares[i] * 100);
    w.Empty("rect", {{"x", bx},
                     {"y", by},
                     {"width", std::max(1.0, x(to) - bx)},
                     {"height", plot.bottom - by},
                     {"fill", late ? palette::kOrange : palette::kBlue}});
  }
  w.Close();
  DrawMarkers(w, plot, markers, layout);
  if (input.target) {
    std::vector<LegendEntry> legend = {{"By the target", palette::kBlue, 8, ""},
                                       {"After the target", palette::kOrange, 8, ""}};
    DrawLegendRow(w, plot.left, height - 6, legend);
  }
  return w.Finish();
}

}  // namespace tpmkit::report::svg
