// What every command shares: its exit status, the global options in force, the program
// source (-f/-p), output helpers, and the shape of a command: a function
// Run(args, Env&, out, err) over the command's own parsed arguments, so that each command
// can be run and tested without the binary. The command table is in commands.cc.
#pragma once

#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"

namespace CLI {
class App;
class Validator;
}  // namespace CLI

namespace tpmkit::cli {

// Exit status (cli.md): 0 done; 1 a check asked for failed; 2 bad usage or input;
// 3 the workspace could not be read or written; 130 stopped by Ctrl-C.
enum class ExitCode : int {
  kOk = 0,
  kCheckFailed = 1,
  kBadInput = 2,
  kWorkspace = 3,
  kInterrupted = 130,
};

// The one mapping from an error to an exit status.
ExitCode ExitCodeFor(ErrorCode code);

// The global options every command sees, parsed.
struct Common {
  bool json = false;             // --json: one JSON document on stdout
  bool color = false;            // stdout is a terminal and NO_COLOR is unset
  bool out_is_terminal = false;  // stdout is a terminal (no binary output there)
  bool progress = false;         // stderr is a terminal: long runs may draw progress
  std::optional<Date> as_of;     // --as-of
  std::string db_url;            // the workspace, for messages
};

// -f FILE / -p ID of a command that reads a program.
struct SourceArgs {
  std::string file;
  std::string program;
  app::ProgramSource Source() const;
  std::optional<std::string> ProgramId() const;  // -p, when given
};
void AddSourceOptions(CLI::App& command, SourceArgs& source);
// -p ID alone, for commands that edit the workspace.
void AddProgramOption(CLI::App& command, std::string& program);

// A command ready to run once the command line is parsed.
struct Invocation {
  std::function<ExitCode(app::Env&, std::ostream& out, std::ostream& err, const Common&)> run;
  bool creates_workspace = false;  // init, apply, import
};

template <class Args>
using RunFn = ExitCode (*)(const Args&, app::Env&, std::ostream&, std::ostream&);

struct BindOptions {
  bool creates_workspace = false;  // init, apply, import
  bool unless_subcommand = false;  // run only when none of the command's subcommands is chosen
};
using RunAny = std::function<ExitCode(app::Env&, std::ostream&, std::ostream&, const Common&)>;
void BindRun(CLI::App& command, Invocation& invocation, RunAny run, BindOptions options = {});

// Makes `command` run `run` over `args` when it is chosen. Args has a `Common common`
// member, filled with the global options before the run.
template <class Args>
void Bind(CLI::App& command, Invocation& invocation, std::shared_ptr<Args> args, RunFn<Args> run,
          BindOptions options = {}) {
  BindRun(
      command, invocation,
      [args, run](app::Env& env, std::ostream& out, std::ostream& err, const Common& common) {
        args->common = common;
        return run(*args, env, out, err);
      },
      options);
}

// Prints an error (each diagnostic on its own line, else "tpmkit: message") and returns
// its exit status.
ExitCode Fail(std::ostream& err, const Error& error);
// An import's warnings, one FILE:LINE:COLUMN: warning: ... per line.
void PrintWarnings(std::ostream& err, const std::vector<Diagnostic>& warnings);
// Text with a final newline added when missing.
void Print(std::ostream& out, const std::string& text);

// Parses a date argument; kUsage "FLAG: expected a date YYYY-MM-DD, got 'TEXT'".
Result<Date> DateArg(const std::string& flag, const std::string& text);
// The same for an optional flag: nullopt when empty.
Result<std::optional<Date>> OptionalDateArg(const std::string& flag, const std::string& text);
// Parses a number argument; kUsage "FLAG: expected a number, got 'TEXT'".
Result<double> NumberArg(const std::string& flag, const std::string& text);
// The check of every --seed: a whole number from 0 to limits::kMaxSeed (2^63-1).
CLI::Validator SeedRange();

// Each command file defines its commands on the root app (the table in commands.cc).
using DefineFn = void (*)(CLI::App& root, Invocation& invocation);
void DefineWorkspaceCommands(CLI::App& root,
                             Invocation& invocation);               // init apply export check show
void DefineLogCommands(CLI::App& root, Invocation& invocation);     // log
void DefinePlanCommands(CLI::App& root, Invocation& invocation);    // schedule forecast import evm
void DefineRiskCommands(CLI::App& root, Invocation& invocation);    // scorecard [assess] risks risk
void DefineAdviceCommands(CLI::App& root, Invocation& invocation);  // escalate review
void DefineDecideCommand(CLI::App& root, Invocation& invocation);   // decide
void DefineStakeholderCommands(CLI::App& root,
                               Invocation& invocation);              // stakeholders, stakeholder
void DefineAuditCommands(CLI::App& root, Invocation& invocation);    // audit [verify|evidence|...]
void DefineChangeCommands(CLI::App& root, Invocation& invocation);   // changes [...]
void DefineAccountCommands(CLI::App& root, Invocation& invocation);  // user [...], token [...]
void DefineServeCommand(CLI::App& root, Invocation& invocation);     // serve
void DefineImpactCommand(CLI::App& root, Invocation& invocation);    // impact
void DefineStatusCommands(CLI::App& root, Invocation& invocation);   // status portfolio programs
void DefineMigrateCommand(CLI::App& root, Invocation& invocation);   // migrate

// The whole command line as a function: parses `args` (without the program name),
// opens the workspace once when the command needs it, runs the command and returns its
// exit status. `env` supplies TPMKIT_DB, TPMKIT_ACTOR, TPMKIT_NOW and NO_COLOR.
struct MainOptions {
  std::function<std::optional<std::string>(const std::string&)> getenv;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};
ExitCode Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const MainOptions& options);

}  // namespace tpmkit::cli
