// The schedule for people (an aligned table and a terminal Gantt chart) and as the JSON
// document of `tpmkit schedule --json` (spec/cli.md).
#pragma once

#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::report {

struct ScheduleTextOptions {
  bool color = false;  // ANSI red for critical tasks; the CLI turns it on for a terminal only
  int width = 100;     // total width of the Gantt chart in columns (at least 40 is used)
};

// `schedule` must come from `program` (tasks in file order).
// One row per task: mark (`*` = critical), id, name, start, finish, total float
// ("done" for a finished task), with a summary line above.
std::string ScheduleTable(const model::Program& program, const plan::Schedule& schedule);

// One row per task: the id, then a bar over a time axis from the first start to the finish,
// scaled to fit `options.width`. Bars: `=` a task, `#` a critical task, `o` a milestone,
// `@` a critical milestone, `.` a finished task. Vertical lines mark the status date (`:`)
// and the target (`|`; the axis stretches to it, up to twice the plan's span). A legend
// follows.
std::string ScheduleGantt(const model::Program& program, const plan::Schedule& schedule,
                          const ScheduleTextOptions& options = {});

// Table, a blank line, the chart.
std::string ScheduleText(const model::Program& program, const plan::Schedule& schedule,
                         const ScheduleTextOptions& options = {});

// {"start","finish","target","status_date","finish_position",
//  "tasks":[{"id","name","start","finish","early_start","early_finish","late_start",
//            "late_finish","total_float","free_float","critical","deadline_missed",
//            "deadline","float_to_target","milestone","progress"}],
//  "critical_path":[ids]}. Dates "YYYY-MM-DD"; absent values null.
std::string ScheduleJson(const model::Program& program, const plan::Schedule& schedule);

}  // namespace tpmkit::report
