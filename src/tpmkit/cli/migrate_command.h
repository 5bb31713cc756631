// migrate: copies a workspace into a new one on another backend (migrate_command.cc).
#pragma once

#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct MigrateArgs {
  Common common;
  std::string from;  // empty: the workspace (common.db_url)
  std::string to;
};
ExitCode RunMigrate(const MigrateArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
