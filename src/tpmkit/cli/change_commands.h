// changes [assess|approve|reject|implement]: each command's arguments and Run
// (change_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct ChangesArgs {
  Common common;
  SourceArgs source;
};
ExitCode RunChanges(const ChangesArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ChangeAssessArgs {
  Common common;
  SourceArgs source;
  std::string id;
  int iterations = 10000;
  uint64_t seed = 1;
};
ExitCode RunChangeAssess(const ChangeAssessArgs& args, app::Env& env, std::ostream& out,
                         std::ostream& err);

// changes approve|reject ID --by NAME [--note TEXT] [--on DATE]
struct ChangeDecisionArgs {
  Common common;
  SourceArgs source;  // -f is refused: the decision is recorded in the workspace
  std::string id;
  std::string by;
  std::string note;
  std::string on;
};
ExitCode RunChangeApprove(const ChangeDecisionArgs& args, app::Env& env, std::ostream& out,
                          std::ostream& err);
ExitCode RunChangeReject(const ChangeDecisionArgs& args, app::Env& env, std::ostream& out,
                         std::ostream& err);

struct ChangeImplementArgs {
  Common common;
  SourceArgs source;  // -f is refused
  std::string id;
};
ExitCode RunChangeImplement(const ChangeImplementArgs& args, app::Env& env, std::ostream& out,
                            std::ostream& err);

}  // namespace tpmkit::cli
