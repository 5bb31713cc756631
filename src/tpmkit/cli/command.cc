#include "tpmkit/cli/command.h"

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <ostream>

#include "tpmkit/base/limits.h"
#include "tpmkit/base/text.h"

namespace tpmkit::cli {

ExitCode ExitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kCheckFailed:
      return ExitCode::kCheckFailed;
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
    case ErrorCode::kStale:
    case ErrorCode::kUnauthorized:
    case ErrorCode::kThrottled:
      return ExitCode::kBadInput;
    case ErrorCode::kStorage:
    case ErrorCode::kBusy:
    case ErrorCode::kInternal:
      return ExitCode::kWorkspace;
  }
  return ExitCode::kWorkspace;
}

app::ProgramSource SourceArgs::Source() const {
  app::ProgramSource s;
  if (!file.empty()) s.file = file;
  if (!program.empty()) s.program_id = program;
  return s;
}

std::optional<std::string> SourceArgs::ProgramId() const {
  if (program.empty()) return std::nullopt;
  return program;
}

void AddSourceOptions(CLI::App& command, SourceArgs& source) {
  auto* f = command.add_option("-f,--file", source.file,
                               "Read this program file directly (nothing is stored)");
  auto* p = command.add_option("-p,--program", source.program,
                               "A program of the workspace (optional when it holds one)");
  f->excludes(p);
}

void AddProgramOption(CLI::App& command, std::string& program) {
  command.add_option("-p,--program", program,
                     "A program of the workspace (optional when it holds one)");
}

void BindRun(CLI::App& command, Invocation& invocation, RunAny run, BindOptions options) {
  CLI::App* self = &command;
  command.callback([self, &invocation, run = std::move(run), options] {
    if (options.unless_subcommand && !self->get_subcommands().empty()) return;
    invocation.run = run;
    invocation.creates_workspace = options.creates_workspace;
  });
}

ExitCode Fail(std::ostream& err, const Error& error) {
  // Messages quote names, paths and values from files and arguments: escaped, so that each
  // is one line and nothing in it reaches the terminal as a control sequence.
  const std::string message = EscapeControls(error.message);
  if (!error.diagnostics.empty()) {
    for (const auto& d : error.diagnostics) err << FormatDiagnostic(d) << '\n';
    if (error.diagnostics.size() > 1 || error.message.find("problem") != std::string::npos) {
      err << "tpmkit: " << message << '\n';
    }
  } else {
    err << "tpmkit: " << message << '\n';
  }
  return ExitCodeFor(error.code);
}

void PrintWarnings(std::ostream& err, const std::vector<Diagnostic>& warnings) {
  for (auto d : warnings) {
    d.message = "warning: " + d.message;
    err << FormatDiagnostic(d) << '\n';
  }
}

void Print(std::ostream& out, const std::string& text) {
  out << text;
  if (text.empty() || text.back() != '\n') out << '\n';
  out.flush();
}

Result<Date> DateArg(const std::string& flag, const std::string& text) {
  auto d = Date::Parse(text);
  if (!d) return Error::Usage(flag + ": expected a date YYYY-MM-DD, got '" + text + "'");
  // The bounds every stored date keeps (base/limits.h), so that no computation meets a
  // date the program file could not hold.
  if (!limits::InDateRange(*d)) {
    return Error::Usage(flag + ": expected a date from " + limits::kMinDate.ToString() + " to " +
                        limits::kMaxDate.ToString() + ", got '" + text + "'");
  }
  return *d;
}

Result<std::optional<Date>> OptionalDateArg(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  TPMKIT_ASSIGN_OR_RETURN(Date d, DateArg(flag, text));
  return std::optional<Date>(d);
}

CLI::Validator SeedRange() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        uint64_t seed = 0;
        const char* end = text.data() + text.size();
        auto [at, ec] = std::from_chars(text.data(), end, seed);
        if (ec == std::errc() && at == end && !text.empty() && seed <= limits::kMaxSeed) return "";
        return "a seed is a whole number from 0 to " + std::to_string(limits::kMaxSeed) +
               " (2^63-1), got '" + text + "'";
      },
      "", "seed");
}

Result<double> NumberArg(const std::string& flag, const std::string& text) {
  try {
    size_t used = 0;
    double d = std::stod(text, &used);
    if (used == text.size()) return d;
  } catch (const std::exception&) {
  }
  return Error::Usage(flag + ": expected a number, got '" + text + "'");
}

}  // namespace tpmkit::cli
