// SimulateEscalation lives apart from the wording of the escalation so that the wording
// can be used (and tested) without the forecast engine.
#include "tpmkit/plan/calendar.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/network.h"
#include "tpmkit/plan/scenario.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/escalation.h"
#include "tpmkit/toolkit/option_simulation.h"

namespace tpmkit::toolkit {

namespace {

Result<plan::Forecast> ForecastWith(const model::Program& program, const SimulationOptions& options,
                                    std::vector<std::string> forced_risks) {
  plan::ForecastOptions fo;
  fo.as_of = options.as_of;
  fo.iterations = options.iterations;
  fo.seed = options.seed;
  fo.threads = options.threads;
  fo.forced_risks = std::move(forced_risks);
  return plan::RunForecast(program, fo);
}

Result<plan::Schedule> ScheduleWith(const model::Program& program,
                                    const SimulationOptions& options) {
  plan::ScheduleOptions so;
  so.as_of = options.as_of;
  return plan::ComputeSchedule(program, so);
}

// An option simulated with the risk happening; its cost is what it adds to the program's
// task costs (none recorded when that is zero).
Result<OptionOutcome> Simulate(const model::Program& program, const EscalationOption& option,
                               const SimulationOptions& with_risk) {
  OptionOutcome o;
  o.id = option.id;
  o.name = option.name;
  o.how = option.how;
  if (!option.scenario) return o;
  TPMKIT_ASSIGN_OR_RETURN(plan::ScenarioProgram sp, plan::ApplyScenario(program, *option.scenario));
  TPMKIT_ASSIGN_OR_RETURN(OptionMetrics m, SimulateOption(sp, with_risk));
  o.simulated = true;
  o.p80 = m.p80_finish;
  o.p_on_time = m.p_on_time;
  o.target = m.target;
  const double delta = (m.cost - program.TotalTaskCost()).ToDouble();
  if (delta != 0) o.cost = delta;
  return o;
}

}  // namespace

Result<Escalation> SimulateEscalation(const model::Program& program,
                                      const EscalationSubject& subject, Date as_of,
                                      const std::string& from_name,
                                      const SimulationOptions& options) {
  const model::Risk& risk = *subject.risk;
  EscalationFacts f;
  f.as_of = as_of;
  f.iterations = options.iterations;
  f.seed = options.seed;
  f.from_name = from_name;
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast before, ForecastWith(program, options, {}));
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast after, ForecastWith(program, options, {risk.id}));
  f.p80_before = before.p80.date;
  f.p80_after = after.p80.date;
  f.p_on_time_before = before.p_on_time;
  f.p_on_time_after = after.p_on_time;
  TPMKIT_ASSIGN_OR_RETURN(plan::WorkCalendar cal, plan::WorkCalendar::ForProgram(program));
  f.schedule_days = static_cast<int>(cal.PosEnd(f.p80_after) - cal.PosEnd(f.p80_before));

  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_before, ScheduleWith(program, options));
  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_after,
                          ScheduleWith(plan::WithRiskHappening(program, risk), options));
  f.finish_before = s_before.finish;
  f.finish_after = s_after.finish;
  const auto tasks = plan::TasksInFileOrder(program);
  for (size_t i = 0; i < tasks.size(); ++i) {
    if (!tasks[i]->milestone) continue;
    if (s_before.tasks[i].finish != s_after.tasks[i].finish) {
      f.milestones.push_back(
          {tasks[i]->id, tasks[i]->name, s_before.tasks[i].finish, s_after.tasks[i].finish});
    }
  }

  SimulationOptions with_risk = options;
  with_risk.forced_risks = {risk.id};
  for (const auto& option : EscalationOptions(program, subject, f.p80_after)) {
    TPMKIT_ASSIGN_OR_RETURN(OptionOutcome o, Simulate(program, option, with_risk));
    f.options.push_back(std::move(o));
  }
  return BuildEscalation(program, subject, f);
}

}  // namespace tpmkit::toolkit
