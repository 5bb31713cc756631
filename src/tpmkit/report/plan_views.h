// The plan and forecast pages' words and charts (the web app's Plan and Forecast pages):
// the schedule as a Gantt chart, a task table and a milestone roadmap; the forecast as its
// percentiles against the target, a histogram and an S-curve of the finish, the most
// critical tasks and a tornado of the most sensitive ones. Built from the same schedule and
// forecast as `tpmkit schedule` and `tpmkit forecast`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::report {

// One task of the schedule, each cell as the page prints it. `schedule` must come from
// `program` (tasks in file order).
struct PlanTaskWords {
  std::string project;  // the project's name (its id when unnamed)
  std::string id, name;
  std::string start, finish;  // "2026-06-15"
  std::string total_float;    // "12 d", "done" for a finished task
  bool critical = false;
  bool milestone = false;
  std::string deadline;  // "2026-07-01 (missed)", "2026-07-01", "" without one
};
std::vector<PlanTaskWords> PlanTasksOf(const model::Program& program,
                                       const plan::Schedule& schedule);

// The Gantt chart (id "gantt-chart"): tasks grouped by project, the critical path,
// baselines, float, milestones, the target and the status date; at most 60 rows.
std::string GanttSvg(const model::Program& program, const plan::Schedule& schedule);

// The milestone roadmap (id "roadmap"): each milestone's baseline finish as the planned
// date (the scheduled one when it has no baseline) and its scheduled finish as the forecast.
std::string PlanRoadmapSvg(const model::Program& program, const plan::Schedule& schedule);

// The forecast's headline figures, as the page prints them.
struct ForecastWords {
  std::string iterations;  // "10,000"
  std::string seed;
  std::string p50, p80, p90, mean;  // dates
  std::string target;               // "2026-09-30", "no target"
  std::string chance;               // "71%", "" without a target
  struct Task {
    std::string id, name;
    std::string criticality;  // "64%"
    std::string sensitivity;  // "+0.42"
  };
  // Tasks on the critical path in at least one iteration, most critical first (ties in
  // file order), at most `top`.
  std::vector<Task> critical;
};
ForecastWords ForecastWordsOf(const model::Program& program, const plan::Forecast& forecast,
                              int top = 15);

// The histogram of the finish (id "finish-histogram"): the forecast's 100 percentile dates,
// each standing for 1 % of the iterations, with P50/P80/P90 and the target.
std::string FinishHistogramSvg(const model::Program& program, const plan::Forecast& forecast);

// The S-curve of the finish (id "finish-chart"), as the status report draws it.
std::string FinishCurveSvg(const model::Program& program, const plan::Forecast& forecast,
                           std::optional<Date> status_date);

// The tornado of the `top` most sensitive tasks (id "tornado").
std::string SensitivityTornadoSvg(const model::Program& program, const plan::Forecast& forecast,
                                  int top = 10);

}  // namespace tpmkit::report
