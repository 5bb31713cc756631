// Analyses that several use cases need from one program, each as of a date the caller
// decided with DateInForce (env.h): the schedule, the forecast (with forced risks),
// earned value, audit readiness, the inputs of the scorecard's suggestions and of
// program health, the plan review, and the escalation of a risk with its simulations.
// Pure over the program except LoadLanguageBank (reads a file).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/evm.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/escalation.h"
#include "tpmkit/toolkit/health.h"
#include "tpmkit/toolkit/review.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::app {

// The forecast a command asks for (cli: --iterations, --seed).
struct ForecastRequest {
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;  // 0: all cores; results do not depend on it
  std::vector<std::string> forced_risks;
};

Result<plan::Schedule> ScheduleOf(const model::Program& program, Date as_of);
Result<plan::Forecast> ForecastOf(const model::Program& program, const ForecastRequest& request,
                                  Date as_of);
// Errors: those of the schedule.
Result<plan::EvmResult> EvmOf(const model::Program& program, Date as_of);
// Readiness without looking at evidence files (they do not change the percentage).
toolkit::AuditReadiness ReadinessOf(const model::Program& program, Date as_of);

// p_on_time (forecast; only with a target) and CPI (earned value) for
// `scorecard --suggest`.
Result<toolkit::SuggestInputs> SuggestInputsOf(const model::Program& program, Date as_of,
                                               const ForecastRequest& request);
// Every KPI of section 9 that the data gives. The forecast runs only when a p_on_time
// target is set, and not at all when `forecast` (the same request, as of the same date)
// is given.
Result<toolkit::KpiValues> KpiValuesOf(const model::Program& program, Date as_of,
                                       const ForecastRequest& request,
                                       const plan::Forecast* forecast = nullptr);

// Reads a --bank file and checks its theme names. Errors: kInvalidInput with
// FILE:LINE:COLUMN diagnostics.
Result<std::vector<toolkit::BankOverride>> LoadLanguageBank(const std::filesystem::path& path);

struct ReviewReport {
  Date as_of;
  toolkit::LanguageBank bank;
  std::vector<toolkit::Finding> findings;
};
// The review of section 10: the schedule as of the date in force, the forecast's p90
// (when some task has an estimate) and KPI health feed the rules.
Result<ReviewReport> ReviewOf(const model::Program& program, Date as_of,
                              const ForecastRequest& request,
                              const std::vector<toolkit::BankOverride>& bank);

struct EscalateRequest {
  std::string risk;
  std::optional<std::string> decision;
  std::string to;
  std::string from;  // who signs
  Date as_of;        // the date in force
  ForecastRequest forecast;
};

// Section 7a: checks the request (toolkit::CheckEscalation), takes the date in force and
// runs toolkit::SimulateEscalation (the options come from the decision, else add
// resources, reduce scope, extend the deadline; docs/commands/escalate.md). `forecast`'s
// forced_risks are ignored. Errors: those of CheckEscalation and SimulateEscalation.
Result<toolkit::Escalation> Escalate(const model::Program& program, const EscalateRequest& request);

}  // namespace tpmkit::app
