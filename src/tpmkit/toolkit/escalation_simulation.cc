// SimulateEscalation lives apart from the wording of the escalation so that the wording
// can be used (and tested) without the forecast engine.
#include <cmath>

#include "tpmkit/plan/calendar.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/network.h"
#include "tpmkit/plan/scenario.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/decision_rule.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/escalation.h"
#include "tpmkit/toolkit/money_position.h"
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

// What an option adds to the program's cost, to the cent (none recorded when zero).
std::optional<double> AddedCost(double cost) {
  const double cents = std::round(cost * 100) / 100;
  if (cents == 0) return std::nullopt;
  return cents;
}

OptionOutcome Outcome(const EscalationOption& option, const OptionMetrics& m, double added) {
  OptionOutcome o;
  o.id = option.id;
  o.name = option.name;
  o.how = option.how;
  o.simulated = true;
  o.p80 = m.p80_finish;
  o.p_on_time = m.p_on_time;
  o.target = m.target;
  o.cost = AddedCost(added);
  return o;
}

// An option simulated (with the risk happening when `with_risk` forces it); its cost is
// what it adds to the program's task costs.
Result<OptionOutcome> Simulate(const model::Program& program, const EscalationOption& option,
                               const SimulationOptions& with_risk) {
  if (!option.scenario) {
    OptionOutcome o;
    o.id = option.id;
    o.name = option.name;
    o.how = option.how;
    return o;
  }
  TPMKIT_ASSIGN_OR_RETURN(plan::ScenarioProgram sp, plan::ApplyScenario(program, *option.scenario));
  TPMKIT_ASSIGN_OR_RETURN(OptionMetrics m, SimulateOption(sp, with_risk));
  return Outcome(option, m, (m.cost - program.TotalTaskCost()).ToDouble());
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
  f.freezes = ReadFreezes(program);
  TPMKIT_ASSIGN_OR_RETURN(f.money, MoneyPositionAsOf(program, as_of));
  // A risk to the money alone is not forced: it moves no date.
  const std::vector<std::string> forced =
      subject.schedule_impact ? std::vector<std::string>{risk.id} : std::vector<std::string>{};
  SimulationOptions plain = options;
  plain.as_of = as_of;
  plain.forced_risks.clear();
  SimulationOptions with_risk = plain;
  with_risk.forced_risks = forced;

  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast before, ForecastWith(program, plain, {}));
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast after, ForecastWith(program, plain, forced));
  f.p80_before = before.p80.date;
  f.p80_after = after.p80.date;
  f.p_on_time_before = before.p_on_time;
  f.p_on_time_after = after.p_on_time;
  TPMKIT_ASSIGN_OR_RETURN(plan::WorkCalendar cal, plan::WorkCalendar::ForProgram(program));
  f.schedule_days = static_cast<int>(cal.PosEnd(f.p80_after) - cal.PosEnd(f.p80_before));

  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_before, ScheduleWith(program, plain));
  f.finish_before = s_before.finish;
  f.finish_after = s_before.finish;
  if (subject.schedule_impact) {
    TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_after,
                            ScheduleWith(plan::WithRiskHappening(program, risk), plain));
    f.finish_after = s_after.finish;
    const auto tasks = plan::TasksInFileOrder(program);
    for (size_t i = 0; i < tasks.size(); ++i) {
      if (!tasks[i]->milestone) continue;
      if (s_before.tasks[i].finish != s_after.tasks[i].finish) {
        f.milestones.push_back(
            {tasks[i]->id, tasks[i]->name, s_before.tasks[i].finish, s_after.tasks[i].finish});
      }
    }
  }

  const auto generic = EscalationOptions(program, subject, f.p80_after, f.money);
  if (subject.decision) {
    // The decision's options as `decide` measures them (its ranking and rule), and the
    // same with the risk happening (what the message shows).
    const model::Decision& d = *subject.decision;
    TPMKIT_ASSIGN_OR_RETURN(auto as_is, MeasureOptions(program, d, plain));
    TPMKIT_ASSIGN_OR_RETURN(DecisionAnalysis ranking, AnalyzeDecision(program, d, as_is));
    f.rule = ApplyDecisionRule(program, d, ranking);
    f.ranking = std::move(ranking);
    TPMKIT_ASSIGN_OR_RETURN(auto hit, MeasureOptions(program, d, with_risk));
    TPMKIT_ASSIGN_OR_RETURN(DecisionAnalysis hit_ranking, AnalyzeDecision(program, d, hit));
    f.rule_with_risk = ApplyDecisionRule(program, d, hit_ranking);
    // Presented in the order of decide's ranking, so that option 1 is its top option.
    for (const auto& scored : f.ranking->ranking) {
      for (const auto& option : generic) {
        if (option.id != scored.option) continue;
        const OptionMetrics& m = hit.at(option.id);
        f.options.push_back(Outcome(option, m, m.cost.ToDouble() - f.money.forecast_final_cost));
      }
    }
  } else {
    for (const auto& option : generic) {
      TPMKIT_ASSIGN_OR_RETURN(OptionOutcome o, Simulate(program, option, with_risk));
      f.options.push_back(std::move(o));
    }
  }
  for (auto& o : f.options) {
    if (o.simulated && o.target && program.target && *o.target != *program.target) {
      if (auto hit = FreezeHit(f.freezes, program.target, *o.target)) o.freeze_start = hit->start;
    }
  }
  return BuildEscalation(program, subject, f);
}

}  // namespace tpmkit::toolkit
