// Use cases that write advice a person sends as it is: the executive escalation of a
// risk (computations.md section 7a) and the plan review by the language bank (section 10).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/toolkit/escalation.h"

namespace tpmkit::app {

// escalate --risk ID [--decision ID] --to NAME: the escalation with its impact and
// options simulated as of the date in force.
struct EscalateRiskRequest {
  ProgramSource source;
  std::string risk;
  std::optional<std::string> decision;
  std::string to;    // a sponsor or stakeholder id or name
  std::string from;  // who signs; empty: the program's sponsor (its team when to the sponsor)
  std::optional<Date> as_of;
  int iterations = 10000;
  uint64_t seed = 1;
};
struct EscalateRiskResponse {
  LoadedProgram loaded;
  Date as_of;  // the date in force
  toolkit::Escalation escalation;
};
Result<EscalateRiskResponse> EscalateRisk(Env& env, const EscalateRiskRequest& request);

// review: the questions a senior TPM would ask where the plan has no answer.
struct ReviewPlanRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  std::optional<std::filesystem::path> bank;  // a language-bank file (--bank)
  int iterations = 10000;
  uint64_t seed = 1;
};
struct ReviewPlanResponse {
  LoadedProgram loaded;
  ReviewReport review;
};
Result<ReviewPlanResponse> ReviewPlan(Env& env, const ReviewPlanRequest& request);

}  // namespace tpmkit::app
