// The money of a program in one model (docs/computations-notes.md, "Money, one model"):
// the approved budget, the planned cost (BAC), the contingency the budget holds above it,
// the approved changes not yet in the plan, the estimate at completion (EAC) from earned
// value, the forecast final cost and the headroom. `evm`, `changes`, `decide`,
// `escalate`, `show`, `review` and `status` quote these figures under these names.
#pragma once

#include <optional>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/evm.h"

namespace tpmkit::toolkit {

struct MoneyPosition {
  bool budget_approved = false;  // program.budget is given (else budget = planned)
  Money budget;                  // the approved budget (the planned cost when none is given)
  Money planned;                 // BAC: the sum of task costs
  Money contingency;             // budget - planned: the reserve the budget holds
  Money approved_changes;        // approved changes not yet implemented (not in the plan)
  Money contingency_left;        // contingency - approved_changes (status: "contingency left")
  std::optional<double> eac;     // EVM's EAC = BAC / CPI; nullopt without a CPI
  std::optional<double> cpi;
  // What the program is forecast to cost in the end: EAC when known (else the planned
  // cost) plus the approved changes, which the plan and so the EAC do not hold yet.
  double forecast_final_cost = 0;
  double headroom = 0;  // budget - forecast_final_cost (negative: the forecast overruns)
};

// The money position of `program`; `evm` is its earned value on the date in force
// (nullopt when there is none, e.g. no as-of date: the EAC is then unknown). Pure, O(tasks
// + changes).
MoneyPosition ComputeMoneyPosition(const model::Program& program,
                                   const std::optional<plan::EvmResult>& evm);

// The same, computing earned value as of `as_of` when given. Errors: those of
// plan::ComputeEvm (the schedule's). O(tasks + links).
Result<MoneyPosition> MoneyPositionAsOf(const model::Program& program, std::optional<Date> as_of);

// What an option that adds `cost_delta` to the program's cost (negative: a saving) is
// forecast to cost in the end: the program's forecast final cost plus the delta.
inline double ForecastFinalCostWith(const MoneyPosition& money, double cost_delta) {
  return money.forecast_final_cost + cost_delta;
}

}  // namespace tpmkit::toolkit
