// impact [--format text|md]: quantified outcome statements (impact_command.cc).
#pragma once

#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct ImpactArgs {
  Common common;
  SourceArgs source;
  std::string format = "text";  // text | md; --json wins
};
ExitCode RunImpact(const ImpactArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
