// Change control: the change requests of a program, what each would do to the plan
// (simulated with and without it), and a recommendation to approve or reject it by rule,
// with the reason in words and a short reply to the requester.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/money_position.h"

namespace tpmkit::toolkit {

// The money a change asks for: impact.cost when given (the requester's estimate of the
// whole change), else the sum of the costs of its adds_tasks.
Money ChangeCost(const model::Change& change);

// The budget left for new changes: budget (program.budget, else the sum of task costs)
// minus what is committed: the sum of task costs in the plan (implemented changes'
// tasks are in it) plus ChangeCost of every approved change not yet implemented.
struct BudgetPosition {
  Money budget;
  Money planned;           // sum of task costs
  Money approved_changes;  // approved, not implemented
  Money remaining;         // budget - planned - approved_changes (may be negative)
};
BudgetPosition ComputeBudgetPosition(const model::Program& program);

// The project that receives a change's adds_tasks: the project of the first task named
// by a `depends` entry of the added tasks (in order) that is already in the plan; the
// last project when none is.
size_t TargetProject(const model::Program& program, const model::Change& change);

// The program with the change's work in the plan, for simulation:
// - with adds_tasks: they are added to TargetProject (costs included);
// - without adds_tasks and with impact.schedule > 0: one task of that many working days,
//   id "change-<id>" (lower case; "-2", "-3"... appended if taken), no cost, that
//   depends (FS) on every task that nothing depends on, so the deterministic finish
//   moves by exactly impact.schedule working days;
// - otherwise the plan is unchanged.
// Errors (kInvalidInput): an added task whose id is already a task of the plan.
Result<model::Program> ProgramWithChange(const model::Program& program,
                                         const model::Change& change);

// `changes implement`: the program with the change's adds_tasks added to the plan (as
// ProgramWithChange does; no synthetic task) and the change's status set to implemented.
// Errors: kNotFound for an unknown id; kConflict unless the change is approved;
// kInvalidInput for an added task id that is already taken.
Status ImplementChange(model::Program& program, const std::string& change_id);

// `changes approve|reject`: appends the approval and sets the status (approved or
// rejected). Allowed while the change is proposed or approved (another approver may add
// a decision; a rejection overturns an approval); kConflict once it is rejected or
// implemented. Errors: kNotFound for an unknown id, kInvalidInput for an empty `by`.
Status RecordChangeDecision(model::Program& program, const std::string& change_id,
                            const model::Approval& approval);

struct ChangeMetrics {
  Date finish;                      // deterministic schedule
  std::optional<Date> p80_finish;   // forecast
  std::optional<double> p_on_time;  // forecast; nullopt without a target
  // The forecast final cost (money_position.h) without the change; with it, that plus
  // the change's cost.
  Money cost;
};

enum class ChangeRecommendation { kApprove, kReject };
std::string_view ChangeRecommendationName(ChangeRecommendation r);  // approve, reject

struct ChangeAssessment {
  std::string id;
  std::string title;
  std::string requested_by;
  ChangeMetrics before;
  ChangeMetrics after;
  Money cost_delta;                   // ChangeCost
  int finish_delay_days = 0;          // working days from the finish before to the finish after
  std::optional<int> p80_delay_days;  // likewise for the p80 finish
  BudgetPosition budget;
  MoneyPosition money;                     // the program's money as it stands
  std::optional<double> p_on_time_target;  // targets.p_on_time
  ChangeRecommendation recommendation = ChangeRecommendation::kApprove;
  // Reject when (a) targets.p_on_time is set, the program has a target, and p_on_time
  // after the change is below targets.p_on_time; or (b) cost_delta exceeds the
  // contingency left or the headroom (budget - forecast final cost), whichever is
  // smaller. Otherwise approve.
  bool below_p_on_time_target = false;
  bool over_budget = false;
  std::string reason;  // the rule applied, in words, with the numbers
  std::string reply;   // a short polite reply to the requester
};

// Applies the rule to simulated metrics. `before` and `after` come from the program
// without and with ProgramWithChange; `money` is the program's money position (without
// it: no earned value, so the forecast final cost stands on the planned cost). Pure; O(1)
// apart from the calendar.
ChangeAssessment AssessChange(const model::Program& program, const model::Change& change,
                              const ChangeMetrics& before, const ChangeMetrics& after,
                              const MoneyPosition& money);
ChangeAssessment AssessChange(const model::Program& program, const model::Change& change,
                              const ChangeMetrics& before, const ChangeMetrics& after);

// Simulates the program without and with the change (schedule and forecast with the
// given iterations and seed, same seed both times) and assesses it, with the money
// position as of options.as_of (earned value; none without an as-of date).
// Errors: kNotFound for an unknown id; those of ProgramWithChange, the schedule and the
// forecast.
Result<ChangeAssessment> SimulateChange(const model::Program& program, const std::string& change_id,
                                        const SimulationOptions& options);

}  // namespace tpmkit::toolkit
