// Use cases on the risk scorecard and the risk register (computations.md section 4):
// scorecard [--suggest], scorecard assess, risks, risk add|update|close. Edits go through
// EditProgram: validated as a file is, one audit entry per changed entity; an invalid
// value changes nothing.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::app {

// scorecard: the latest assessment and the trend; with `suggest`, the ratings the data
// suggests (p_on_time from the forecast when the program has a target, CPI from earned
// value), both as of the date in force.
struct ShowScorecardRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  bool suggest = false;
  int iterations = 10000;  // forecast iterations for p_on_time
  uint64_t seed = 1;
};
struct ShowScorecardResponse {
  LoadedProgram loaded;
  toolkit::ScorecardResult scorecard;
  std::optional<toolkit::SuggestedRatings> suggested;  // only with `suggest`
};
Result<ShowScorecardResponse> ShowScorecard(Env& env, const ShowScorecardRequest& request);

// scorecard assess: records an assessment dated the date in force. Errors: those of
// EditProgram (an unknown criterion or a rating out of 1..5 is a diagnostic).
struct AssessScorecardRequest {
  std::optional<std::string> program_id;
  std::optional<Date> as_of;
  std::map<std::string, int> ratings;  // criterion id -> rating
  std::string by;
  std::string notes;
};
struct AssessScorecardResponse {
  ApplyResult applied;
  Date date;                           // the assessment's date
  toolkit::ScorecardResult scorecard;  // the scorecard once recorded
};
Result<AssessScorecardResponse> AssessScorecard(Env& env, const AssessScorecardRequest& request);

// risks: the register in its order, with the heat map.
struct ListRisksRequest {
  ProgramSource source;
};
struct ListRisksResponse {
  LoadedProgram loaded;
  toolkit::RiskRegister risks;
};
Result<ListRisksResponse> ListRisks(Env& env, const ListRisksRequest& request);

// The fields of a risk that an add or an update sets; absent ones are left as they are.
struct RiskPatch {
  std::optional<std::string> title;
  std::optional<std::string> category;
  std::optional<std::string> owner;
  std::optional<model::RiskStatus> status;
  std::optional<double> probability;
  std::optional<int> severity;
  std::optional<double> impact_schedule;  // working days
  std::optional<double> impact_cost;      // currency units
  std::optional<std::vector<std::string>> impact_tasks;
  std::optional<std::string> mitigation;
  std::optional<std::string> trigger;
  std::optional<Date> response_due;
  std::optional<Date> raised;
  std::optional<double> residual_probability;
  std::optional<int> residual_severity;
};

// The status named `name` (open, mitigating, closed, realized); nullopt when unknown.
std::optional<model::RiskStatus> ParseRiskStatus(std::string_view name);

// What a risk edit did.
struct RiskEditResponse {
  std::string program;
  std::string risk;
  size_t changed = 0;  // audit entries written; 0 when nothing changed
};

// risk add ID: a new risk with the patch's fields. Errors: kConflict when the id exists;
// those of EditProgram.
struct AddRiskRequest {
  std::optional<std::string> program_id;
  std::string risk_id;
  RiskPatch fields;
};
Result<RiskEditResponse> AddRisk(Env& env, const AddRiskRequest& request);

// risk update ID: changes the patch's fields. Errors: kNotFound for an unknown id; those
// of EditProgram.
struct UpdateRiskRequest {
  std::optional<std::string> program_id;
  std::string risk_id;
  RiskPatch fields;
};
Result<RiskEditResponse> UpdateRisk(Env& env, const UpdateRiskRequest& request);

// risk close ID: sets the status to closed. Errors: kNotFound for an unknown id.
struct CloseRiskRequest {
  std::optional<std::string> program_id;
  std::string risk_id;
};
Result<RiskEditResponse> CloseRisk(Env& env, const CloseRiskRequest& request);

}  // namespace tpmkit::app
