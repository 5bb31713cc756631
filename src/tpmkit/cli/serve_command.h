// serve: the web app and REST API over the workspace (spec server.md), until SIGTERM or
// Ctrl-C (serve_command.cc).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct ServeArgs {
  Common common;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;
  std::string public_url;
  std::string evidence_root;  // default: "evidence" beside the workspace file
  double read_timeout = 30;   // seconds
  int max_simulations = 2;
  std::vector<std::string> trusted_proxies;  // whose X-Forwarded-For names the client
};
ExitCode RunServe(const ServeArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

}  // namespace tpmkit::cli
