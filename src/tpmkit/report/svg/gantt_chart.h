// The Gantt chart of the schedule: one bar per task on a date axis, grouped under a row per
// project; critical tasks in red (and bold), finished tasks pale, milestones as diamonds,
// each task's baseline as a thin grey bar under it, its total float as a thin tail to its
// late finish with the days written after it, and the target and status date as lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct GanttTask {
  std::string project;  // the group: a header row starts where it changes
  std::string label;    // shortened with "…" to fit the label column
  Date start;
  Date finish;  // the last day of the task, inclusive (a milestone: its day)
  bool milestone = false;
  bool critical = false;
  bool done = false;
  // Working days the task may slip without moving the finish; none for a finished task.
  // Drawn as a tail from `finish` to `late_finish` when both are given and the float is
  // above zero.
  std::optional<int> total_float;
  std::optional<Date> late_finish;
  std::optional<Date> baseline_start;
  std::optional<Date> baseline_finish;
};

struct GanttInput {
  std::vector<GanttTask> tasks;  // top to bottom as given
  std::optional<Date> target;
  std::optional<Date> status_date;
  // At most this many task rows (at least 1). A longer plan keeps the tasks that matter
  // most to the finish (critical ones, then milestones, then the least float, ties in the
  // given order), shown in the given order, and says how many it left out.
  int max_rows = 60;
};

// The chart as an SVG document; the default id is "gantt-chart". Its height follows the
// rows as Roadmap's does (22 px each while that fits in `options.height`, down to 14 px,
// then the chart grows). With no tasks it says "No tasks yet".
std::string GanttChart(const GanttInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
