// Simulating an option, in one place for change control, decisions and escalation: the
// deterministic schedule and the Monte Carlo forecast of "the program if we took this
// option", run with the same iterations and seed for every option so that the differences
// between options come from the options and not from the random draws.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/scenario.h"

namespace tpmkit::toolkit {

struct SimulationOptions {
  int iterations = 10000;
  uint64_t seed = 1;
  std::optional<Date> as_of;  // overrides the program's status_date (schedule and forecast)
  int threads = 0;            // 0: all cores; the numbers do not depend on it
  // Risks forced to happen in every run of the forecast (the escalation simulates its
  // options with the escalated risk happening). Empty: risks are drawn as usual.
  std::vector<std::string> forced_risks;
};

// What simulating an option gives.
struct OptionMetrics {
  Money cost;                       // task costs after the option + the option's own cost
  Date finish;                      // the deterministic schedule's finish date
  std::optional<Date> p80_finish;   // the forecast's p80 finish
  std::optional<double> p_on_time;  // 0..1; nullopt when the program has no target
  std::optional<Date> target;       // the target in force under the option
};

// Simulates `program`, a program as an option leaves it: plan::ComputeSchedule and
// plan::RunForecast, both with `options.as_of`; cost is the program's task costs plus
// `extra_cost` (money the option spends outside any task). Errors: those of the schedule
// and the forecast (kNotFound for a forced risk the program does not have).
// O(iterations * (tasks + links)).
Result<OptionMetrics> SimulateOption(const model::Program& program, Money extra_cost,
                                     const SimulationOptions& options);

// The same for a program with a scenario applied (plan::ApplyScenario): the scenario's
// cost is the extra cost, so cost is plan::ScenarioCost.
Result<OptionMetrics> SimulateOption(const plan::ScenarioProgram& option,
                                     const SimulationOptions& options);

}  // namespace tpmkit::toolkit
