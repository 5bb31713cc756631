// decide [--memo] [--choose]: the command's arguments and Run (decide_commands.cc).
#pragma once

#include <cstdint>
#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct DecideArgs {
  Common common;
  SourceArgs source;
  std::string id;
  bool memo = false;
  std::string output;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;
  std::string choose;  // when given: record the choice instead of analysing
  std::string by;
  std::string rationale;
  std::string on;
};
ExitCode RunDecide(const DecideArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
