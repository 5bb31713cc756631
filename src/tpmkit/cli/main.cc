// tpmkit: the command line. Everything but the process's own streams and environment is
// in Main (commands.cc), so that the whole command line can be run in a test.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

#include "tpmkit/cli/command.h"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  tpmkit::cli::MainOptions options;
  options.getenv = [](const std::string& name) -> std::optional<std::string> {
    const char* v = std::getenv(name.c_str());
    if (!v) return std::nullopt;
    return std::string(v);
  };
  options.out_is_terminal = isatty(fileno(stdout));
  options.err_is_terminal = isatty(fileno(stderr));
  return static_cast<int>(tpmkit::cli::Main(args, std::cout, std::cerr, options));
}
