// init, apply, check, export, show: each command's arguments and Run (workspace_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct InitArgs {
  Common common;
};
ExitCode RunInit(const InitArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ApplyArgs {
  Common common;
  std::string file;
};
ExitCode RunApply(const ApplyArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct CheckArgs {
  Common common;
  std::string file;
};
ExitCode RunCheck(const CheckArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ExportArgs {
  Common common;
  SourceArgs source;
  std::string output;
  std::string format = "yaml";
  std::string register_name;  // --register, csv only
};
ExitCode RunExport(const ExportArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct ShowArgs {
  Common common;
  SourceArgs source;
};
ExitCode RunShow(const ShowArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
