#include "tpmkit/app/analysis.h"

#include <fmt/format.h>

#include <cmath>

#include "tpmkit/app/workspace.h"
#include "tpmkit/formats/language_bank.h"
#include "tpmkit/plan/network.h"
#include "tpmkit/toolkit/scorecard.h"

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

}  // namespace

Result<plan::Schedule> ScheduleOf(const model::Program& program, Date as_of) {
  plan::ScheduleOptions o;
  o.as_of = as_of;
  return plan::ComputeSchedule(program, o);
}

Result<plan::Forecast> ForecastOf(const model::Program& program, const ForecastRequest& request,
                                  Date as_of) {
  plan::ForecastOptions options = ToOptions(request);
  options.as_of = as_of;
  return plan::RunForecast(program, options);
}

Result<plan::EvmResult> EvmOf(const model::Program& program, Date as_of) {
  return plan::ComputeEvm(program, as_of);
}

toolkit::AuditReadiness ReadinessOf(const model::Program& program, Date as_of) {
  toolkit::AuditInputs in;
  in.as_of = as_of;
  return toolkit::ComputeAuditReadiness(program, in);
}

Result<toolkit::SuggestInputs> SuggestInputsOf(const model::Program& program, Date as_of,
                                               const ForecastRequest& request) {
  toolkit::SuggestInputs in;
  if (program.target) {
    TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, request, as_of));
    in.p_on_time = f.p_on_time;
  }
  TPMKIT_ASSIGN_OR_RETURN(plan::EvmResult e, EvmOf(program, as_of));
  in.cpi = e.cpi;
  return in;
}

Result<toolkit::KpiValues> KpiValuesOf(const model::Program& program, Date as_of,
                                       const ForecastRequest& request,
                                       const plan::Forecast* forecast) {
  toolkit::KpiValues v;
  TPMKIT_ASSIGN_OR_RETURN(plan::EvmResult e, EvmOf(program, as_of));
  v.spi = e.spi;
  v.cpi = e.cpi;
  v.readiness = ReadinessOf(program, as_of).readiness;
  if (program.target && program.targets && program.targets->p_on_time) {
    if (forecast) {
      v.p_on_time = forecast->p_on_time;
    } else {
      TPMKIT_ASSIGN_OR_RETURN(plan::Forecast f, ForecastOf(program, request, as_of));
      v.p_on_time = f.p_on_time;
    }
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

Result<ReviewReport> ReviewOf(const model::Program& program, Date as_of,
                              const ForecastRequest& request,
                              const std::vector<toolkit::BankOverride>& bank) {
  ReviewReport report;
  report.as_of = as_of;
  report.bank = toolkit::ApplyBankOverrides(toolkit::DefaultLanguageBank(), bank);
  TPMKIT_ASSIGN_OR_RETURN(plan::Schedule schedule, ScheduleOf(program, as_of));
  toolkit::ReviewInputs in;
  in.as_of = as_of;
  in.schedule = &schedule;
  // One forecast serves the worst case (p90) and the p_on_time KPI.
  std::optional<plan::Forecast> forecast;
  if (program.target && AnyEstimate(program)) {
    TPMKIT_ASSIGN_OR_RETURN(forecast, ForecastOf(program, request, as_of));
    in.p90_finish = forecast->p90.date;
  }
  if (program.targets) {
    TPMKIT_ASSIGN_OR_RETURN(toolkit::KpiValues v,
                            KpiValuesOf(program, as_of, request, forecast ? &*forecast : nullptr));
    in.health = toolkit::ComputeHealth(*program.targets, v);
  }
  report.findings = toolkit::ReviewProgram(program, in, report.bank);
  return report;
}

Result<toolkit::Escalation> Escalate(const model::Program& program, const EscalateRequest& req) {
  TPMKIT_ASSIGN_OR_RETURN(toolkit::EscalationSubject subject,
                          toolkit::CheckEscalation(program, req.risk, req.decision, req.to));
  toolkit::SimulationOptions sim;
  sim.iterations = req.forecast.iterations;
  sim.seed = req.forecast.seed;
  sim.threads = req.forecast.threads;
  sim.as_of = req.as_of;
  return toolkit::SimulateEscalation(program, subject, req.as_of, req.from, sim);
}

}  // namespace tpmkit::app
