// schedule, forecast, evm, import: each command's arguments and Run (plan_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct ScheduleArgs {
  Common common;
  SourceArgs source;
  bool gantt = false;
  int width = 100;
};
ExitCode RunSchedule(const ScheduleArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ForecastArgs {
  Common common;
  SourceArgs source;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;
};
ExitCode RunForecast(const ForecastArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct EvmArgs {
  Common common;
  SourceArgs source;
};
ExitCode RunEvm(const EvmArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ImportArgs {
  Common common;
  std::string format, file, program;
  std::string project;   // jira: a Jira project key
  bool prune = false;    // drop register references to tasks the new plan lacks
  bool dry_run = false;  // say what would change, write nothing
};
ExitCode RunImport(const ImportArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
