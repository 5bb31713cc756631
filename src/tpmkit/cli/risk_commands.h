// scorecard [--suggest], scorecard assess, risks, risk add|update|close: each command's
// arguments and Run (risk_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct ScorecardArgs {
  Common common;
  SourceArgs source;
  bool suggest = false;
  int iterations = 10000;
  uint64_t seed = 1;
};
ExitCode RunScorecard(const ScorecardArgs& args, app::Env& env, std::ostream& out,
                      std::ostream& err);

struct AssessArgs {
  Common common;
  std::string program;
  std::vector<std::string> ratings;  // KEY=N
  std::string by;
  std::string notes;
};
ExitCode RunAssess(const AssessArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct RisksArgs {
  Common common;
  SourceArgs source;
};
ExitCode RunRisks(const RisksArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

// risk add|update|close ID; a field is set only when its option was given.
struct RiskEditArgs {
  Common common;
  std::string program;
  std::string id;
  std::optional<std::string> title, category, owner, status, probability, severity, mitigation,
      trigger, response_due, raised, impact_schedule, impact_cost, residual_probability,
      residual_severity;
  std::optional<std::vector<std::string>> impact_tasks;
};
ExitCode RunRiskAdd(const RiskEditArgs& args, app::Env& env, std::ostream& out, std::ostream& err);
ExitCode RunRiskUpdate(const RiskEditArgs& args, app::Env& env, std::ostream& out,
                       std::ostream& err);
ExitCode RunRiskClose(const RiskEditArgs& args, app::Env& env, std::ostream& out,
                      std::ostream& err);

}  // namespace tpmkit::cli
