// escalate and review: each command's arguments and Run (advice_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct EscalateArgs {
  Common common;
  SourceArgs source;
  std::string risk;
  std::string decision;
  std::string to;
  std::string from;
  std::string format = "text";
  int iterations = 10000;
  uint64_t seed = 1;
};
ExitCode RunEscalate(const EscalateArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ReviewArgs {
  Common common;
  SourceArgs source;
  bool strict = false;
  std::string bank;
  int iterations = 10000;
  uint64_t seed = 1;
};
// Exit 1 (kCheckFailed) with --strict when there is any finding.
ExitCode RunReview(const ReviewArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
