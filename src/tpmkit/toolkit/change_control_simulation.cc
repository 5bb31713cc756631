// SimulateChange lives apart from the rules so that they can be used (and tested)
// without the forecast engine.
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/change_control.h"

namespace tpmkit::toolkit {

namespace {

Result<ChangeMetrics> Measure(const model::Program& program, const SimulationOptions& options) {
  plan::ScheduleOptions so;
  so.as_of = options.as_of;
  TPMKIT_ASSIGN_OR_RETURN(auto schedule, plan::ComputeSchedule(program, so));
  plan::ForecastOptions fo;
  fo.iterations = options.iterations;
  fo.seed = options.seed;
  fo.threads = options.threads;
  TPMKIT_ASSIGN_OR_RETURN(auto forecast, plan::RunForecast(program, fo, options.as_of));
  ChangeMetrics m;
  m.finish = schedule.finish;
  m.p80_finish = forecast.p80.date;
  m.p_on_time = forecast.p_on_time;
  m.cost = program.TotalTaskCost();
  return m;
}

}  // namespace

Result<ChangeAssessment> SimulateChange(const model::Program& program, const std::string& change_id,
                                        const SimulationOptions& options) {
  const model::Change* change = nullptr;
  for (const auto& c : program.changes) {
    if (c.id == change_id) change = &c;
  }
  if (!change)
    return Error::NotFound("no change request '" + change_id + "' in program " + program.id);
  TPMKIT_ASSIGN_OR_RETURN(auto with, ProgramWithChange(program, *change));
  TPMKIT_ASSIGN_OR_RETURN(auto before, Measure(program, options));
  TPMKIT_ASSIGN_OR_RETURN(auto after, Measure(with, options));
  // The change's cost is what it asks for, whether or not its tasks carry costs.
  after.cost = before.cost + ChangeCost(*change);
  return AssessChange(program, *change, before, after);
}

}  // namespace tpmkit::toolkit
