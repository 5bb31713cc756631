// SimulateChange lives apart from the rules so that they can be used (and tested)
// without the forecast engine.
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/option_simulation.h"

namespace tpmkit::toolkit {

namespace {

// The program as it stands and the program with the change are the two options.
Result<ChangeMetrics> Measure(const model::Program& program, const SimulationOptions& options) {
  TPMKIT_ASSIGN_OR_RETURN(OptionMetrics m, SimulateOption(program, Money{}, options));
  return ChangeMetrics{m.finish, m.p80_finish, m.p_on_time, m.cost};
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
  TPMKIT_ASSIGN_OR_RETURN(MoneyPosition money, MoneyPositionAsOf(program, options.as_of));
  // Costs are forecast final costs; the change's cost is what it asks for, whether or not
  // its tasks carry costs.
  before.cost = Money::FromDouble(money.forecast_final_cost);
  after.cost = before.cost + ChangeCost(*change);
  return AssessChange(program, *change, before, after, money);
}

}  // namespace tpmkit::toolkit
