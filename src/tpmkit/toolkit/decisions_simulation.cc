// MeasureOptions lives apart from the scoring so that the scoring can be used (and
// tested) without the forecast engine.
#include "tpmkit/plan/scenario.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/money_position.h"
#include "tpmkit/toolkit/option_simulation.h"

namespace tpmkit::toolkit {

Result<std::map<std::string, OptionMetrics>> MeasureOptions(const model::Program& program,
                                                            const model::Decision& decision,
                                                            const SimulationOptions& options) {
  std::map<std::string, OptionMetrics> out;
  TPMKIT_ASSIGN_OR_RETURN(
      MoneyPosition money,
      MoneyPositionAsOf(program, options.as_of ? options.as_of : program.status_date));
  const Money planned = program.TotalTaskCost();
  for (const auto& option : decision.options) {
    auto applied = plan::ApplyScenario(program, option.scenario.value_or(model::Scenario{}));
    if (!applied.ok()) {
      Error e = applied.error();
      e.message = "decision " + decision.id + ", option " + option.id + ": " + e.message;
      return e;
    }
    TPMKIT_ASSIGN_OR_RETURN(OptionMetrics m, SimulateOption(*applied, options));
    // The cost an executive weighs is what the program will have cost in the end with the
    // option: the forecast final cost plus what the option adds to the plan's cost.
    m.cost = Money::FromDouble(ForecastFinalCostWith(money, (m.cost - planned).ToDouble()));
    out.emplace(option.id, m);
  }
  return out;
}

}  // namespace tpmkit::toolkit
