#include "tpmkit/app/analysis.h"

#include <fmt/format.h>

#include <cmath>

#include "tpmkit/app/workspace.h"
#include "tpmkit/formats/language_bank.h"
#include "tpmkit/plan/calendar.h"
#include "tpmkit/plan/network.h"
#include "tpmkit/plan/scenario.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::app {

namespace {

plan::ForecastOptions ToOptions(const ForecastRequest& r) {
  plan::ForecastOptions o;
  o.iterations = r.iterations;
  o.seed = r.seed;
  o.threads = r.threads;
  o.forced_risks = r.forced_risks;
  return o;
}

bool AnyEstimate(const model::Program& p) {
  for (const auto* t : plan::TasksInFileOrder(p)) {
    if (t->estimate) return true;
  }
  return false;
}

// Simulates one option on `program` (a scenario program) with the risk forced.
struct Simulated {
  Date p80;
  std::optional<double> p_on_time;
};
Result<Simulated> Simulate(const model::Program& program, const EscalateRequest& req) {
  ForecastRequest fr = req.forecast;
  fr.forced_risks = {req.risk};
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, fr, req.as_of));
  return Simulated{f.p80.date, f.p_on_time};
}

Result<toolkit::OptionOutcome> ScenarioOption(const model::Program& program,
                                              const EscalateRequest& req, std::string id,
                                              std::string name, std::string how,
                                              const model::Scenario& scenario, bool count_cost) {
  TPMKIT_ASSIGN_OR_RETURN(plan::ScenarioProgram sp, plan::ApplyScenario(program, scenario));
  TPMKIT_ASSIGN_OR_RETURN(Simulated s, Simulate(sp.program, req));
  toolkit::OptionOutcome o;
  o.id = std::move(id);
  o.name = std::move(name);
  o.how = std::move(how);
  o.simulated = true;
  o.p80 = s.p80;
  o.p_on_time = s.p_on_time;
  o.target = sp.program.target;
  if (count_cost) {
    const double delta = (plan::ScenarioCost(sp) - program.TotalTaskCost()).ToDouble();
    if (delta != 0) o.cost = delta;
  }
  return o;
}

// What a decision option's scenario does, in one sentence.
std::string ScenarioWords(const model::Program& program, const model::Scenario& sc,
                          const std::string& decision) {
  namespace w = toolkit::wording;
  std::vector<std::string> parts;
  if (sc.duration_factor && !sc.duration_factor->tasks.empty()) {
    parts.push_back(fmt::format(
        fmt::runtime(sc.duration_factor->tasks.size() == 1 ? "{} takes {}% of its planned time"
                                                           : "{} take {}% of their planned time"),
        w::JoinList(toolkit::TaskLabels(program, sc.duration_factor->tasks)),
        w::Number(100.0 * sc.duration_factor->factor, 1)));
  }
  if (!sc.remove_tasks.empty()) {
    parts.push_back(
        fmt::format(fmt::runtime(sc.remove_tasks.size() == 1 ? "{} is removed from the plan"
                                                             : "{} are removed from the plan"),
                    w::JoinList(toolkit::TaskLabels(program, sc.remove_tasks))));
  }
  if (sc.target) {
    parts.push_back(fmt::format("the target date moves from {} to {}",
                                program.target ? program.target->ToString() : "none",
                                sc.target->ToString()));
  }
  if (sc.cost) {
    parts.push_back(
        fmt::format("it costs {}", toolkit::WholeAmount(sc.cost->ToDouble(), program.currency)));
  }
  if (parts.empty())
    return fmt::format("As decision {} proposes, the plan stays as it is.", decision);
  return fmt::format("As decision {} proposes: {}.", decision, w::JoinList(parts));
}

Result<std::vector<toolkit::OptionOutcome>> GenericOptions(const model::Program& program,
                                                           const model::Risk& risk,
                                                           const EscalateRequest& req,
                                                           Date p80_after) {
  std::vector<toolkit::OptionOutcome> out;
  // Add resources: the unfinished tasks the risk hits run 20% faster for 25% more money.
  {
    model::Scenario sc;
    sc.duration_factor = model::DurationFactor{};
    sc.duration_factor->factor = 0.8;
    double cost = 0;
    for (const auto* t : plan::TasksInFileOrder(program)) {
      for (const auto& id : risk.impact->tasks) {
        if (t->id == id && !t->milestone && t->PercentComplete() < 100) {
          sc.duration_factor->tasks.push_back(id);
          cost += 0.25 * t->cost.value_or(Money{}).ToDouble();
        }
      }
    }
    if (sc.duration_factor->tasks.empty()) {
      out.push_back({"add-resources", "Add resources",
                     fmt::format("Adding resources cannot be simulated: every task risk {} "
                                 "hits is finished or a milestone.",
                                 risk.id),
                     false, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    } else {
      sc.cost = Money::FromDouble(cost);
      TPMKIT_ASSIGN_OR_RETURN(
          auto o, ScenarioOption(program, req, "add-resources", "Add resources",
                                 fmt::format("Add people to {} so that the remaining work "
                                             "takes 20% less time, at an estimated 25% of its "
                                             "planned cost ({}).",
                                             toolkit::wording::JoinList(toolkit::TaskLabels(
                                                 program, sc.duration_factor->tasks)),
                                             toolkit::WholeAmount(cost, program.currency)),
                                 sc, true));
      out.push_back(std::move(o));
    }
  }
  // Reduce scope: the first scope cut some decision of the program already proposes.
  {
    const model::Option* cut = nullptr;
    const model::Decision* in = nullptr;
    for (const auto& d : program.decisions) {
      for (const auto& o : d.options) {
        if (!cut && o.scenario && !o.scenario->remove_tasks.empty()) {
          cut = &o;
          in = &d;
        }
      }
    }
    if (!cut) {
      out.push_back({"reduce-scope", "Reduce scope",
                     "Reducing scope cannot be simulated: no option of the program's decisions "
                     "names tasks to remove, so tpmkit does not know which work is optional.",
                     false, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
    } else {
      model::Scenario sc;
      sc.remove_tasks = cut->scenario->remove_tasks;
      sc.cost = cut->scenario->cost;
      TPMKIT_ASSIGN_OR_RETURN(
          auto o,
          ScenarioOption(
              program, req, "reduce-scope", "Reduce scope",
              fmt::format("Drop {}, the scope cut that decision {} "
                          "proposes (\"{}\").",
                          toolkit::wording::JoinList(toolkit::TaskLabels(program, sc.remove_tasks)),
                          in->id, cut->name),
              sc, true));
      out.push_back(std::move(o));
    }
  }
  // Extend the deadline to the p80 finish with the risk happening.
  {
    model::Scenario sc;
    sc.target = p80_after;
    TPMKIT_ASSIGN_OR_RETURN(
        auto o, ScenarioOption(program, req, "extend-deadline", "Extend the deadline",
                               fmt::format("Move the target date from {} to {}, the date we "
                                           "are 80% likely to meet with the risk happening.",
                                           program.target->ToString(), p80_after.ToString()),
                               sc, true));
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

std::optional<Date> EffectiveAsOf(const model::Program& program, std::optional<Date> as_of) {
  return as_of ? as_of : program.status_date;
}

Result<Date> RequireAsOf(const model::Program& program, std::optional<Date> as_of,
                         const std::string& what) {
  if (auto d = EffectiveAsOf(program, as_of)) return *d;
  return Error::Invalid(
      fmt::format("{} needs a date: program {} has no status_date and no "
                  "--as-of DATE was given",
                  what, program.id));
}

Result<plan::Schedule> ScheduleOf(const model::Program& program, std::optional<Date> as_of) {
  plan::ScheduleOptions o;
  o.as_of = as_of;
  return plan::ComputeSchedule(program, o);
}

Result<plan::Forecast> ForecastOf(const model::Program& program, const ForecastRequest& request,
                                  std::optional<Date> as_of) {
  return plan::RunForecast(program, ToOptions(request), as_of);
}

Result<plan::EvmResult> EvmOf(const model::Program& program, std::optional<Date> as_of) {
  TPMKIT_ASSIGN_OR_RETURN(Date t, RequireAsOf(program, as_of, "earned value"));
  return plan::ComputeEvm(program, t);
}

toolkit::AuditReadiness ReadinessOf(const model::Program& program, Date as_of) {
  toolkit::AuditInputs in;
  in.as_of = as_of;
  return toolkit::ComputeAuditReadiness(program, in);
}

Result<toolkit::SuggestInputs> SuggestInputsOf(const model::Program& program,
                                               std::optional<Date> as_of,
                                               const ForecastRequest& request) {
  toolkit::SuggestInputs in;
  if (program.target) {
    TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, request, as_of));
    in.p_on_time = f.p_on_time;
  }
  if (EffectiveAsOf(program, as_of)) {
    TPMKIT_ASSIGN_OR_RETURN(plan::EvmResult e, EvmOf(program, as_of));
    in.cpi = e.cpi;
  }
  return in;
}

Result<toolkit::KpiValues> KpiValuesOf(const model::Program& program, std::optional<Date> as_of,
                                       const ForecastRequest& request) {
  toolkit::KpiValues v;
  const auto date = EffectiveAsOf(program, as_of);
  if (date) {
    TPMKIT_ASSIGN_OR_RETURN(plan::EvmResult e, EvmOf(program, as_of));
    v.spi = e.spi;
    v.cpi = e.cpi;
    v.readiness = ReadinessOf(program, *date).readiness;
  }
  if (program.target && program.targets && program.targets->p_on_time) {
    TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, request, as_of));
    v.p_on_time = f.p_on_time;
  }
  v.satisfaction = toolkit::MeanSatisfaction(program);
  v.risk_score = toolkit::ComputeScorecard(program).score;
  return v;
}

Result<std::vector<toolkit::BankOverride>> LoadLanguageBank(const std::filesystem::path& path) {
  TPMKIT_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  TPMKIT_ASSIGN_OR_RETURN(formats::BankFile file,
                          formats::ParseLanguageBankFile(text, path.string()));
  std::vector<toolkit::BankOverride> out;
  Error err = Error::Invalid("the language bank " + path.string() + " names unknown themes");
  for (const auto& t : file.themes) {
    auto theme = toolkit::ParseTheme(t.theme);
    if (!theme) {
      std::vector<std::string> names;
      for (auto th : toolkit::AllThemes()) names.emplace_back(toolkit::ThemeName(th));
      err.diagnostics.push_back({path.string(), t.line, t.column,
                                 fmt::format("unknown theme '{}' (expected one of {})", t.theme,
                                             fmt::join(names, ", "))});
      continue;
    }
    out.push_back({*theme, t.question, t.phrases, file.replace_phrases});
  }
  if (!err.diagnostics.empty()) return err;
  return out;
}

Result<ReviewReport> ReviewOf(const model::Program& program, std::optional<Date> as_of,
                              const ForecastRequest& request,
                              const std::vector<toolkit::BankOverride>& bank) {
  ReviewReport report;
  report.as_of = EffectiveAsOf(program, as_of);
  report.bank = toolkit::ApplyBankOverrides(toolkit::DefaultLanguageBank(), bank);
  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule schedule, ScheduleOf(program, as_of));
  toolkit::ReviewInputs in;
  in.schedule = &schedule;
  if (program.target && AnyEstimate(program)) {
    TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, request, as_of));
    in.p90_finish = f.p90.date;
  }
  if (program.targets) {
    TPMKIT_ASSIGN_OR_RETURN(toolkit::KpiValues v, KpiValuesOf(program, as_of, request));
    in.health = toolkit::ComputeHealth(*program.targets, v);
  }
  report.findings = toolkit::ReviewProgram(program, in, report.bank);
  return report;
}

model::Program WithRiskHappening(const model::Program& program, const model::Risk& risk) {
  model::Program copy = program;
  if (!risk.impact || !risk.impact->schedule) return copy;
  const double days = *risk.impact->schedule;
  for (auto& project : copy.projects) {
    for (auto& t : project.tasks) {
      bool hit = false;
      for (const auto& id : risk.impact->tasks) {
        hit |= id == t.id || id == project.id + "." + t.id;
      }
      if (!hit) continue;
      if (t.milestone) {
        t.milestone = false;
        t.duration = days;
      } else if (t.estimate) {
        t.estimate->optimistic += days;
        t.estimate->likely += days;
        t.estimate->pessimistic += days;
      } else {
        t.duration = t.duration.value_or(0) + days;
      }
    }
  }
  return copy;
}

Result<toolkit::Escalation> Escalate(const model::Program& program, const EscalateRequest& req) {
  TPMKIT_ASSIGN_OR_RETURN(toolkit::EscalationSubject subject,
                          toolkit::CheckEscalation(program, req.risk, req.decision, req.to));
  TPMKIT_ASSIGN_OR_RETURN(Date as_of, RequireAsOf(program, req.as_of, "an escalation"));
  const model::Risk& risk = *subject.risk;

  toolkit::EscalationFacts f;
  f.as_of = as_of;
  f.iterations = req.forecast.iterations;
  f.seed = req.forecast.seed;
  f.from_name = req.from;
  ForecastRequest plain = req.forecast;
  plain.forced_risks.clear();
  ForecastRequest forced = plain;
  forced.forced_risks = {risk.id};
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast before, ForecastOf(program, plain, req.as_of));
  TPMKIT_ASSIGN_OR_RETURN(plan::Forecast after, ForecastOf(program, forced, req.as_of));
  f.p80_before = before.p80.date;
  f.p80_after = after.p80.date;
  f.p_on_time_before = before.p_on_time;
  f.p_on_time_after = after.p_on_time;
  TPMKIT_ASSIGN_OR_RETURN(plan::WorkCalendar cal, plan::WorkCalendar::ForProgram(program));
  f.schedule_days = static_cast<int>(cal.PosEnd(f.p80_after) - cal.PosEnd(f.p80_before));

  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_before, ScheduleOf(program, req.as_of));
  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule s_after,
                          ScheduleOf(WithRiskHappening(program, risk), req.as_of));
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

  EscalateRequest sim = req;
  if (subject.decision) {
    for (const auto& o : subject.decision->options) {
      if (!o.scenario) {
        f.options.push_back({o.id, o.name,
                             fmt::format("{}: option {} of decision {} states no scenario, so "
                                         "it cannot be simulated.",
                                         o.name, o.id, subject.decision->id),
                             false, std::nullopt, std::nullopt, std::nullopt, std::nullopt});
        continue;
      }
      TPMKIT_ASSIGN_OR_RETURN(
          auto outcome, ScenarioOption(program, sim, o.id, o.name,
                                       ScenarioWords(program, *o.scenario, subject.decision->id),
                                       *o.scenario, true));
      f.options.push_back(std::move(outcome));
    }
  } else {
    TPMKIT_ASSIGN_OR_RETURN(f.options, GenericOptions(program, risk, sim, f.p80_after));
  }
  return toolkit::BuildEscalation(program, subject, f);
}

}  // namespace tpmkit::app
