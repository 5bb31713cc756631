#include "tpmkit/report/svg/roadmap.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMinRow = 16;
constexpr double kMaxRow = 28;
constexpr double kRowFont = 10;
constexpr double kDiamond = 6;  // half the diagonal

void Diamond(Writer& w, double cx, double cy, std::string_view fill, std::string_view stroke,
             double stroke_width) {
  w.Empty(
      "polygon",
      {{"points",
        Points(
            {{cx, cy - kDiamond}, {cx + kDiamond, cy}, {cx, cy + kDiamond}, {cx - kDiamond, cy}})},
       {"fill", fill},
       {"stroke", stroke},
       {"stroke-width", stroke_width}});
}

void Check(Writer& w, double cx, double cy) {
  w.Empty("polyline", {{"points", Points({{cx - 3, cy}, {cx - 1, cy + 2.5}, {cx + 3, cy - 2.5}})},
                       {"fill", "none"},
                       {"stroke", palette::kOnDark},
                       {"stroke-width", 1.5}});
}

std::string Description(const RoadmapInput& in) {
  if (in.milestones.empty()) return "No milestones yet.";
  std::string d =
      fmt::format("{} milestone{}.", in.milestones.size(), in.milestones.size() == 1 ? "" : "s");
  for (const RoadmapMilestone& m : in.milestones) {
    d += fmt::format(" {}: planned {}", m.label, m.planned.ToString());
    if (m.forecast)
      d += fmt::format(", {} {}", m.done ? "done" : "forecast", m.forecast->ToString());
    if (m.done && !m.forecast) d += ", done";
    if (m.deadline_missed) d += ", deadline missed";
    d += ".";
  }
  if (in.target) d += " Target " + in.target->ToString() + ".";
  if (in.status_date) d += " Status date " + in.status_date->ToString() + ".";
  return d;
}

}  // namespace

std::string Roadmap(const RoadmapInput& input, const ChartOptions& options) {
  const double width = SizeOf(options).width;
  const auto& rows = input.milestones;

  std::vector<Marker> markers = TargetAndStatusMarkers(input.target, input.status_date);
  std::vector<std::optional<Date>> dates;
  double widest = 0;
  for (const RoadmapMilestone& m : rows) {
    dates.emplace_back(m.planned);
    dates.push_back(m.forecast);
    widest = std::max(widest, TextWidth(m.label, kRowFont));
  }
  for (const Marker& m : markers) dates.emplace_back(m.date);
  auto span = SpanOf(dates, 14);

  // The label column takes what the labels need, up to a third of the width.
  const double label_width = std::clamp(widest, 40.0, width / 3);
  PlotArea plot{label_width + 16, 0, width - 54, 0};
  Scale x{0, 1, plot.left + 10, plot.right - 10};
  if (span) {
    x = {static_cast<double>(span->first.days()), static_cast<double>(span->last.days()),
         plot.left + 10, plot.right - 10};
  }
  MarkerLayout layout = LayoutMarkers(markers, x, plot.left, width - 4);
  const double legend_y = 14;
  plot.top = legend_y + 12 + layout.lanes * kLaneHeight;
  // The height follows the rows: kMaxRow each while that fits in options.height, less
  // down to kMinRow, and beyond that the chart grows; never below 120 px.
  const double most = SizeOf(options).height;
  const double n = static_cast<double>(std::max<size_t>(rows.size(), 3));
  double row_h = std::clamp((most - 36 - plot.top) / n, kMinRow, kMaxRow);
  const double height = std::max(120.0, plot.top + n * row_h + 36);
  plot.bottom = height - 36;

  Writer w({width, height, ChartId(options.id, "roadmap"),
            options.title.empty() ? "Milestone roadmap" : options.title, Description(input)});

  // Legend: the four glyphs.
  {
    double lx = plot.left;
    const double cy = legend_y - 4;
    w.Open("g", {{"font-size", kLabelFont}});
    Diamond(w, lx + 6, cy, palette::kBackground, palette::kInk, 1.5);
    w.Text({{"x", lx + 16}, {"y", legend_y}}, "Planned");
    lx += 16 + TextWidth("Planned", kLabelFont) + 12;
    Diamond(w, lx + 6, cy, palette::kBlue, palette::kBlue, 1);
    w.Text({{"x", lx + 16}, {"y", legend_y}}, "Forecast");
    lx += 16 + TextWidth("Forecast", kLabelFont) + 12;
    Diamond(w, lx + 6, cy, palette::kBluishGreen, palette::kBluishGreen, 1);
    Check(w, lx + 6, cy);
    w.Text({{"x", lx + 16}, {"y", legend_y}}, "Done");
    lx += 16 + TextWidth("Done", kLabelFont) + 12;
    Diamond(w, lx + 6, cy, palette::kVermillion, palette::kVermillion, 1);
    w.Text({{"x", lx + 16}, {"y", legend_y}, {"fill", palette::kVermillionText}},
           "Deadline missed");
    w.Close();
  }

  if (!span || rows.empty()) {
    DrawDateAxis(w, plot, x, span ? DateTicks(*span, plot.width() - 20) : std::vector<Tick>{});
    DrawNote(w, plot, "No milestones yet");
    DrawMarkers(w, plot, markers, layout);
    return w.Finish();
  }
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width() - 20));

  const int chars = CharsThatFit(label_width, kRowFont);
  for (size_t i = 0; i < rows.size(); ++i) {
    const RoadmapMilestone& m = rows[i];
    const double cy = plot.top + (static_cast<double>(i) + 0.5) * row_h;
    if (i % 2 == 1) {
      w.Empty("rect", {{"x", 4},
                       {"y", cy - row_h / 2},
                       {"width", plot.right - 4},
                       {"height", row_h},
                       {"fill", palette::kQuadrantLight},
                       {"fill-opacity", 0.6}});
    }
    w.Text({{"x", 8}, {"y", cy + 3.5}, {"font-size", kRowFont}}, Shorten(m.label, chars));
    const double px = x(m.planned);
    const bool moved = m.forecast && *m.forecast != m.planned;
    const double fx = moved ? x(*m.forecast) : px;
    if (moved) {
      w.Empty("line", {{"x1", px},
                       {"y1", cy},
                       {"x2", fx},
                       {"y2", cy},
                       {"stroke", palette::kMuted},
                       {"stroke-width", 1.5}});
      Diamond(w, px, cy, palette::kBackground, palette::kInk, 1.5);
    }
    std::string_view fill = m.done              ? palette::kBluishGreen
                            : m.deadline_missed ? palette::kVermillion
                            : moved             ? palette::kBlue
                                                : palette::kBackground;
    std::string_view stroke = fill == palette::kBackground ? palette::kInk : fill;
    Diamond(w, fx, cy, fill, stroke, 1.5);
    if (m.done) Check(w, fx, cy);
    if (m.deadline_missed) {
      w.Text({{"x", std::max(px, fx) + kDiamond + 4},
              {"y", cy + 3.5},
              {"font-size", kRowFont},
              {"font-weight", "bold"},
              {"fill", palette::kVermillionText}},
             "missed");
    }
  }
  DrawMarkers(w, plot, markers, layout);
  return w.Finish();
}

}  // namespace tpmkit::report::svg
