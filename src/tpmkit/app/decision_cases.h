// Use cases on trade-off decisions (computations.md section 7): the analysis of a
// decision with each option simulated (decide, with its memo) and recording the option
// chosen (decide --choose).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/report/decision_memo.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::app {

// decide ID: each option simulated with the same iterations and seed as of the date in
// force, the options scored and ranked, and who hears about the decision (the
// communication plan as of that date). With `memo`, the Markdown memo too, written
// atomically to `memo_file` when given. Errors: kUsage for iterations < 1 or threads < 0;
// kNotFound for an unknown decision (the known ids listed); those of the program, the
// scenarios, the simulation and writing the file.
// O(options * iterations * (tasks + links)).
struct AnalyzeDecisionRequest {
  ProgramSource source;
  std::string decision_id;
  std::optional<Date> as_of;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;  // 0: all cores; the numbers do not depend on it
  bool memo = false;
  std::optional<std::filesystem::path> memo_file;  // only with `memo`
};
struct AnalyzeDecisionResponse {
  LoadedProgram loaded;
  model::Decision decision;
  Date as_of;  // the date in force
  int iterations = 0;
  uint64_t seed = 0;
  toolkit::DecisionAnalysis analysis;
  toolkit::CommunicationPlan communication;
  std::optional<std::string> memo;  // the memo document, when asked for
  bool memo_written = false;        // written to the request's memo_file
};
Result<AnalyzeDecisionResponse> AnalyzeDecision(Env& env, const AnalyzeDecisionRequest& request);

// What report/decision_memo renders, pointing into `response` (which must outlive it).
report::DecisionReportInput DecisionReport(const AnalyzeDecisionResponse& response);

// decide ID --choose OPTION: marks the decision decided with the option, who decided,
// why and when (`on`, else the date in force). Errors: kUsage for an empty `by` or
// `rationale`; kNotFound for an unknown decision; kInvalidInput for an option the
// decision does not have (its options listed); those of EditProgram. A failed choice
// writes nothing.
struct ChooseOptionRequest {
  std::optional<std::string> program_id;
  std::string decision_id;
  std::string option_id;
  std::string by;
  std::string rationale;
  std::optional<Date> on;
  std::optional<Date> as_of;
};
struct ChooseOptionResponse {
  ApplyResult applied;
  std::string decision_id;
  std::string option_id;
  std::string decided_by;
  Date decided_on;
};
Result<ChooseOptionResponse> ChooseOption(Env& env, const ChooseOptionRequest& request);

}  // namespace tpmkit::app
