// Applies a decision option's scenario (computations.md §7) to a copy of the program, so
// that the schedule and the forecast can be run on "the program if we chose this option";
// and draws a risk into the plan (the program if the risk happened).
#pragma once

#include <string>

#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/program.h"

namespace tpmkit::plan {

// A program with a scenario applied, and the money the scenario adds on top of the
// program's task costs.
struct ScenarioProgram {
  model::Program program;
  Money extra_cost;  // scenario.cost (0 when absent)
};

// Applies `scenario` to a copy of `program`:
// - `duration_factor` multiplies `duration` and the three points of `estimate` of each
//   listed task (a milestone stays a milestone of duration 0);
// - `remove_tasks` deletes each listed task. Its links are reconnected so that its
//   predecessors drive its successors: for a link P -(t1, l1)-> X and a link
//   X -(t2, l2)-> S, the removed task X is treated as an instantaneous event (its start
//   and finish coincide), which gives the link P -(t, l1 + l2)-> S whose type t takes the
//   predecessor's end from t1 and the successor's end from t2 (ComposeLinkType: FS then
//   SF gives FF). Tasks are removed one at a time in the listed order, so a chain of
//   removed tasks composes. When P already has a link of that type to S, the larger lag
//   is kept. References to a removed task in external dependencies and in risks'
//   impact.tasks are dropped; an actual booked against it keeps its amount and loses
//   its task reference (money spent stays spent);
// - `target` replaces program.target;
// - `cost` is returned as extra_cost (it belongs to no task).
// Errors (kInvalidInput): a listed task that does not exist, a factor <= 0.
// O(tasks + links) per removed task.
Result<ScenarioProgram> ApplyScenario(const model::Program& program,
                                      const model::Scenario& scenario);

// The type of the link composed from P -(first)-> X -(second)-> S through a removed
// instantaneous X: the first letter of `first` (P's start or finish) and the second
// letter of `second` (S's start or finish). FS+FS = FS, SS+FF = SF, FF+SS = FS, ...
model::LinkType ComposeLinkType(model::LinkType first, model::LinkType second);

// The cost of a scenario program: the sum of its task costs plus the scenario's cost.
Money ScenarioCost(const ScenarioProgram& scenario_program);

// A copy of `program` with `risk` happening in the plan as drawn, for the deterministic
// schedule (the forecast forces risks through ForecastOptions::forced_risks instead):
// impact.schedule working days are added to each task that impact.tasks names (by task id
// or "project.task"): to its duration, or to each of the three points of its estimate; a
// milestone it names becomes a task of that many days. The copy is unchanged when the risk
// states no impact.schedule; ids that name no task are ignored. O(tasks * impact.tasks).
model::Program WithRiskHappening(const model::Program& program, const model::Risk& risk);

}  // namespace tpmkit::plan
