// stakeholders [plan], stakeholder contact: each command's arguments and Run
// (stakeholder_commands.cc).
#pragma once

#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct StakeholdersArgs {
  Common common;
  SourceArgs source;
  bool overdue = false;
  bool communication_plan = false;  // `stakeholders plan`
};
ExitCode RunStakeholders(const StakeholdersArgs& args, app::Env& env, std::ostream& out,
                         std::ostream& err);

struct ContactArgs {
  Common common;
  std::string program;
  std::string id;
  std::string on;
  std::string note;
};
ExitCode RunContact(const ContactArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
