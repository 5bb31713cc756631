// MeasureOptions lives apart from the scoring so that the scoring can be used (and
// tested) without the forecast engine.
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/scenario.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/decisions.h"

namespace tpmkit::toolkit {

Result<std::map<std::string, OptionMetrics>> MeasureOptions(const model::Program& program,
                                                            const model::Decision& decision,
                                                            const SimulationOptions& options) {
  std::map<std::string, OptionMetrics> out;
  for (const auto& option : decision.options) {
    auto applied = plan::ApplyScenario(program, option.scenario.value_or(model::Scenario{}));
    if (!applied.ok()) {
      Error e = applied.error();
      e.message = "decision " + decision.id + ", option " + option.id + ": " + e.message;
      return e;
    }
    plan::ScheduleOptions so;
    so.as_of = options.as_of;
    TPMKIT_ASSIGN_OR_RETURN(auto schedule, plan::ComputeSchedule(applied->program, so));
    plan::ForecastOptions fo;
    fo.iterations = options.iterations;
    fo.seed = options.seed;
    fo.threads = options.threads;
    TPMKIT_ASSIGN_OR_RETURN(auto forecast, plan::RunForecast(applied->program, fo, options.as_of));
    OptionMetrics m;
    m.cost = plan::ScenarioCost(*applied);
    m.finish = schedule.finish;
    m.p80_finish = forecast.p80.date;
    m.p_on_time = forecast.p_on_time;
    m.target = applied->program.target;
    out.emplace(option.id, m);
  }
  return out;
}

}  // namespace tpmkit::toolkit
