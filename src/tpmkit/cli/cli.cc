#include "tpmkit/cli/cli.h"

#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <iostream>

namespace tpmkit::cli {

int ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kCheckFailed:
      return kExitCheckFailed;
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
      return kExitBadInput;
    case ErrorCode::kStorage:
    case ErrorCode::kBusy:
    case ErrorCode::kInternal:
      return kExitWorkspace;
  }
  return kExitWorkspace;
}

namespace {
std::string EnvOr(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : fallback;
}
std::string OsUser() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  return EnvOr("USER", "unknown");
}
}  // namespace

app::Session Cli::Session() const {
  app::Session s;
  s.db_url = !global.db.empty() ? global.db : EnvOr("TPMKIT_DB", "tpmkit.db");
  s.actor = !global.actor.empty() ? global.actor : EnvOr("TPMKIT_ACTOR", OsUser());
  return s;
}

Result<std::optional<Date>> Cli::AsOf() const {
  if (global.as_of.empty()) return std::optional<Date>();
  auto d = Date::Parse(global.as_of);
  if (!d) return Error::Usage("--as-of: expected a date YYYY-MM-DD, got '" + global.as_of + "'");
  return std::optional<Date>(*d);
}

bool Cli::Color() const { return !std::getenv("NO_COLOR") && isatty(fileno(stdout)); }

app::ProgramSource SourceOptions::Source() const {
  app::ProgramSource s;
  if (!file.empty()) s.file = file;
  if (!program.empty()) s.program_id = program;
  return s;
}

void AddSourceOptions(CLI::App& command, SourceOptions& options) {
  auto* f = command.add_option("-f,--file", options.file,
                               "Read this program file directly (nothing is stored)");
  auto* p = command.add_option("-p,--program", options.program,
                               "A program of the workspace (optional when it holds one)");
  f->excludes(p);
}

int Fail(const Error& error) {
  if (!error.diagnostics.empty()) {
    for (const auto& d : error.diagnostics) std::cerr << FormatDiagnostic(d) << '\n';
    if (error.diagnostics.size() > 1 || error.message.find("problem") != std::string::npos) {
      std::cerr << "tpmkit: " << error.message << '\n';
    }
  } else {
    std::cerr << "tpmkit: " << error.message << '\n';
  }
  return ExitCodeFor(error.code);
}

void PrintWarnings(const std::vector<Diagnostic>& warnings) {
  for (auto d : warnings) {
    d.message = "warning: " + d.message;
    std::cerr << FormatDiagnostic(d) << '\n';
  }
}

void Print(const std::string& text) {
  std::cout << text;
  if (text.empty() || text.back() != '\n') std::cout << '\n';
  std::cout.flush();
}

}  // namespace tpmkit::cli
