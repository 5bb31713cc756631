// status, portfolio and programs: each command's arguments and Run (status_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct StatusArgs {
  Common common;
  SourceArgs source;
  std::string format = "text";  // text | md | html | pdf | eml | json
  std::string output;           // -o FILE
  bool snapshot = false;
  std::string to;    // eml: "Name <address>"
  std::string from;  // eml: "Name <address>"; default: the actor
  int iterations = 10000;
  uint64_t seed = 1;
};
ExitCode RunStatus(const StatusArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct PortfolioArgs {
  Common common;
  std::string format = "text";  // text | html | json
  std::string output;
  int iterations = 10000;
  uint64_t seed = 1;
};
ExitCode RunPortfolio(const PortfolioArgs& args, app::Env& env, std::ostream& out,
                      std::ostream& err);

struct ProgramsArgs {
  Common common;
};
ExitCode RunPrograms(const ProgramsArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
