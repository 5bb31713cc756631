#include "tpmkit/toolkit/option_simulation.h"

#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::toolkit {

Result<OptionMetrics> SimulateOption(const model::Program& program, Money extra_cost,
                                     const SimulationOptions& options) {
  plan::ScheduleOptions so;
  so.as_of = options.as_of;
  TPMKIT_ASSIGN_OR_RETURN(auto schedule, plan::ComputeSchedule(program, so));
  plan::ForecastOptions fo;
  fo.as_of = options.as_of;
  fo.iterations = options.iterations;
  fo.seed = options.seed;
  fo.threads = options.threads;
  fo.forced_risks = options.forced_risks;
  TPMKIT_ASSIGN_OR_RETURN(auto forecast, plan::RunForecast(program, fo));
  OptionMetrics m;
  m.cost = program.TotalTaskCost() + extra_cost;
  m.finish = schedule.finish;
  m.p80_finish = forecast.p80.date;
  m.p_on_time = forecast.p_on_time;
  m.target = program.target;
  return m;
}

Result<OptionMetrics> SimulateOption(const plan::ScenarioProgram& option,
                                     const SimulationOptions& options) {
  return SimulateOption(option.program, option.extra_cost, options);
}

}  // namespace tpmkit::toolkit
