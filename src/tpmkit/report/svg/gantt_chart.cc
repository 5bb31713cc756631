#include "tpmkit/report/svg/gantt_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>
#include <tuple>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMinRow = 14;
constexpr double kMaxRow = 22;
constexpr double kRowFont = 10;
constexpr double kFloatFont = 9;
constexpr double kIndent = 10;        // task labels sit under their project's name
constexpr double kNoteHeight = 16;    // the "showing N of M tasks" line
constexpr double kRightMargin = 44;   // room for the float label after the last bar
constexpr size_t kDescCritical = 30;  // critical tasks named in the description

// One row of the chart: a project's header or a task (an index into the input).
struct Row {
  bool header = false;
  std::string project;
  size_t task = 0;
};

// The tasks shown: all when they fit, else the `max_rows` that matter most to the finish,
// in the given order. A plan of hundreds of tasks would otherwise draw rows a pixel high.
std::vector<size_t> ShownTasks(const std::vector<GanttTask>& tasks, int max_rows) {
  std::vector<size_t> idx(tasks.size());
  std::iota(idx.begin(), idx.end(), size_t{0});
  const size_t most = static_cast<size_t>(std::max(1, max_rows));
  if (idx.size() <= most) return idx;
  auto rank = [&](size_t i) {
    const GanttTask& t = tasks[i];
    // Finished tasks (no float) come after every open one.
    const int slack = t.total_float ? std::max(0, *t.total_float) : 1'000'000'000;
    return std::tuple(!t.critical, !t.milestone, slack);
  };
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) { return rank(a) < rank(b); });
  idx.resize(most);
  std::sort(idx.begin(), idx.end());
  return idx;
}

std::vector<Row> RowsOf(const std::vector<GanttTask>& tasks, const std::vector<size_t>& shown) {
  std::vector<Row> rows;
  for (size_t i : shown) {
    const std::string& p = tasks[i].project;
    // A header starts each run of one project's tasks.
    if (!p.empty() && (rows.empty() || rows.back().project != p)) rows.push_back({true, p, 0});
    rows.push_back({false, p, i});
  }
  return rows;
}

void Diamond(Writer& w, double cx, double cy, double r, std::string_view fill,
             std::string_view stroke) {
  w.Empty("polygon", {{"points", Points({{cx, cy - r}, {cx + r, cy}, {cx, cy + r}, {cx - r, cy}})},
                      {"fill", fill},
                      {"stroke", stroke},
                      {"stroke-width", 1.5}});
}

std::string_view BarColor(const GanttTask& t) {
  if (t.done) return palette::kNeutralGrey;
  return t.critical ? palette::kRed : palette::kBlue;
}

std::string Description(const GanttInput& in, size_t shown) {
  if (in.tasks.empty()) return "No tasks yet.";
  Date first = in.tasks.front().start;
  Date last = in.tasks.front().finish;
  std::vector<std::string> projects;
  std::vector<std::string> critical;
  size_t critical_count = 0;
  for (const GanttTask& t : in.tasks) {
    first = std::min(first, t.start);
    last = std::max(last, t.finish);
    if (!t.project.empty() &&
        std::find(projects.begin(), projects.end(), t.project) == projects.end())
      projects.push_back(t.project);
    if (t.critical) {
      ++critical_count;
      if (critical.size() < kDescCritical) critical.push_back(t.label);
    }
  }
  std::string d = fmt::format("{} task{}", in.tasks.size(), in.tasks.size() == 1 ? "" : "s");
  if (!projects.empty())
    d += fmt::format(" in {} project{}", projects.size(), projects.size() == 1 ? "" : "s");
  d += fmt::format(", from {} to {}.", first.ToString(), last.ToString());
  if (critical_count == 0) {
    d += " No task is critical.";
  } else {
    d += fmt::format(" Critical path ({} task{}): {}", critical_count,
                     critical_count == 1 ? "" : "s", fmt::join(critical, ", "));
    d += critical_count > critical.size() ? ", …" : ".";
  }
  if (shown < in.tasks.size()) d += fmt::format(" Showing {} of {} tasks.", shown, in.tasks.size());
  if (in.target) d += " Target " + in.target->ToString() + ".";
  if (in.status_date) d += " Status date " + in.status_date->ToString() + ".";
  return d;
}

void DrawLegend(Writer& w, double x, double y) {
  const double cy = y - 4;
  w.Open("g", {{"font-size", kLabelFont}});
  auto swatch = [&](std::string_view color, std::string_view label) {
    w.Empty("rect", {{"x", x}, {"y", cy - 4}, {"width", 12}, {"height", 8}, {"fill", color}});
    w.Text({{"x", x + 16}, {"y", y}}, label);
    x += 16 + TextWidth(label, kLabelFont) + 12;
  };
  swatch(palette::kBlue, "Task");
  swatch(palette::kRed, "Critical");
  swatch(palette::kNeutralGrey, "Done");
  w.Empty("rect",
          {{"x", x}, {"y", cy - 1.5}, {"width", 12}, {"height", 3}, {"fill", palette::kMuted}});
  w.Text({{"x", x + 16}, {"y", y}}, "Baseline");
  x += 16 + TextWidth("Baseline", kLabelFont) + 12;
  w.Empty("line", {{"x1", x},
                   {"y1", cy},
                   {"x2", x + 12},
                   {"y2", cy},
                   {"stroke", palette::kMuted},
                   {"stroke-width", 1}});
  w.Text({{"x", x + 16}, {"y", y}}, "Total float");
  x += 16 + TextWidth("Total float", kLabelFont) + 12;
  Diamond(w, x + 6, cy, 5, palette::kBackground, palette::kInk);
  w.Text({{"x", x + 16}, {"y", y}}, "Milestone");
  w.Close();
}

}  // namespace

std::string GanttChart(const GanttInput& input, const ChartOptions& options) {
  const double width = SizeOf(options).width;
  const std::vector<size_t> shown = ShownTasks(input.tasks, input.max_rows);
  const std::vector<Row> rows = RowsOf(input.tasks, shown);
  const bool cut = shown.size() < input.tasks.size();

  std::vector<Marker> markers = TargetAndStatusMarkers(input.target, input.status_date);
  std::vector<std::optional<Date>> dates;
  double widest = 0;
  for (const Row& r : rows) {
    if (r.header) {
      widest = std::max(widest, TextWidth(r.project, kRowFont));
      continue;
    }
    const GanttTask& t = input.tasks[r.task];
    widest = std::max(widest, TextWidth(t.label, kRowFont) + (t.project.empty() ? 0 : kIndent));
    dates.emplace_back(t.start);
    dates.emplace_back(t.finish + 1);
    if (t.late_finish) dates.emplace_back(*t.late_finish + 1);
    if (t.baseline_start) dates.push_back(t.baseline_start);
    if (t.baseline_finish) dates.emplace_back(*t.baseline_finish + 1);
  }
  for (const Marker& m : markers) dates.emplace_back(m.date);
  auto span = SpanOf(dates, 14);

  // The label column takes what the labels need, up to a quarter of the width.
  const double label_width = std::clamp(widest, 60.0, width / 4);
  PlotArea plot{label_width + 16, 0, width - kRightMargin, 0};
  Scale x{0, 1, plot.left, plot.right};
  if (span) {
    x = {static_cast<double>(span->first.days()), static_cast<double>(span->last.days()), plot.left,
         plot.right};
  }
  MarkerLayout layout = LayoutMarkers(markers, x, plot.left, width - 4);
  const double legend_y = 14;
  plot.top = legend_y + 12 + layout.lanes * kLaneHeight;
  const double bottom_room = 36 + (cut ? kNoteHeight : 0);
  const double most = SizeOf(options).height;
  const double n = static_cast<double>(std::max<size_t>(rows.size(), 3));
  const double row_h = std::clamp((most - bottom_room - plot.top) / n, kMinRow, kMaxRow);
  const double height = std::max(120.0, plot.top + n * row_h + bottom_room);
  plot.bottom = plot.top + n * row_h;

  Writer w({width, height, ChartId(options.id, "gantt-chart"),
            options.title.empty() ? "Schedule" : options.title, Description(input, shown.size())});
  DrawLegend(w, plot.left, legend_y);

  if (!span || rows.empty()) {
    DrawDateAxis(w, plot, x, span ? DateTicks(*span, plot.width()) : std::vector<Tick>{});
    DrawNote(w, plot, "No tasks yet");
    DrawMarkers(w, plot, markers, layout);
    return w.Finish();
  }
  DrawDateAxis(w, plot, x, DateTicks(*span, plot.width()));

  const double bar_h = std::max(6.0, row_h * 0.5);
  for (size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    const double top = plot.top + static_cast<double>(i) * row_h;
    const double cy = top + row_h / 2;
    if (r.header) {
      w.Empty("rect", {{"x", 4},
                       {"y", top},
                       {"width", plot.right - 4},
                       {"height", row_h},
                       {"fill", palette::kQuadrantLight}});
      w.Text({{"x", 8}, {"y", cy + 3.5}, {"font-size", kRowFont}, {"font-weight", "bold"}},
             Shorten(r.project, CharsThatFit(label_width, kRowFont)));
      continue;
    }
    const GanttTask& t = input.tasks[r.task];
    const double indent = t.project.empty() ? 0 : kIndent;
    const std::string label = Shorten(t.label, CharsThatFit(label_width - indent, kRowFont));
    if (t.critical) {
      w.Text({{"x", 8 + indent},
              {"y", cy + 3.5},
              {"font-size", kRowFont},
              {"font-weight", "bold"},
              {"fill", palette::kRed}},
             label);
    } else {
      w.Text({{"x", 8 + indent}, {"y", cy + 3.5}, {"font-size", kRowFont}}, label);
    }

    const bool baseline = t.baseline_start && t.baseline_finish;
    const double shift = baseline ? 2 : 0;  // the bar moves up to leave the baseline room
    if (baseline) {
      const double bx = x(*t.baseline_start);
      const double bw = std::max(2.0, x(*t.baseline_finish + 1) - bx);
      w.Empty("rect", {{"x", bx},
                       {"y", cy + bar_h / 2 - shift + 1},
                       {"width", bw},
                       {"height", 3},
                       {"fill", palette::kMuted}});
    }
    double end = 0;
    if (t.milestone) {
      const double mx = x(t.start);
      const double radius = std::min(6.0, row_h / 2 - 1);
      std::string_view fill = t.done       ? palette::kNeutralGrey
                              : t.critical ? palette::kRed
                                           : palette::kBackground;
      Diamond(w, mx, cy - shift, radius, fill, fill == palette::kBackground ? palette::kInk : fill);
      end = mx + radius;
    } else {
      const double sx = x(t.start);
      const double bw = std::max(2.0, x(t.finish + 1) - sx);
      w.Empty("rect", {{"x", sx},
                       {"y", cy - bar_h / 2 - shift},
                       {"width", bw},
                       {"height", bar_h},
                       {"fill", BarColor(t)}});
      end = sx + bw;
    }
    if (t.total_float && *t.total_float > 0 && t.late_finish && *t.late_finish > t.finish) {
      const double tail = std::max(end, x(*t.late_finish + 1));
      w.Empty("line", {{"x1", end},
                       {"y1", cy - shift},
                       {"x2", tail},
                       {"y2", cy - shift},
                       {"stroke", palette::kMuted},
                       {"stroke-width", 1}});
      w.Empty("line", {{"x1", tail},
                       {"y1", cy - shift - 3},
                       {"x2", tail},
                       {"y2", cy - shift + 3},
                       {"stroke", palette::kMuted},
                       {"stroke-width", 1}});
      const std::string days = fmt::format("{} d", *t.total_float);
      const double tx = std::min(tail + 3, width - 2 - TextWidth(days, kFloatFont));
      w.Text(
          {{"x", tx}, {"y", cy - shift + 3}, {"font-size", kFloatFont}, {"fill", palette::kMuted}},
          days);
    }
  }
  DrawMarkers(w, plot, markers, layout);
  if (cut) {
    w.Text({{"x", 8}, {"y", height - 5}, {"font-size", kLabelFont}, {"fill", palette::kMuted}},
           fmt::format("Showing {} of {} tasks: the critical path, milestones and the least float "
                       "first.",
                       shown.size(), input.tasks.size()));
  }
  return w.Finish();
}

}  // namespace tpmkit::report::svg
