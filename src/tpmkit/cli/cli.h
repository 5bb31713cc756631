// What every command shares: the global options, the program source (-f/-p), output
// helpers and the one mapping from ErrorCode to exit status (cli.md).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"

namespace CLI {
class App;
}

namespace tpmkit::cli {

enum ExitCode { kExitOk = 0, kExitCheckFailed = 1, kExitBadInput = 2, kExitWorkspace = 3 };

int ExitCodeFor(ErrorCode code);

struct GlobalOptions {
  std::string db;     // --db; empty: $TPMKIT_DB, else ./tpmkit.db
  std::string actor;  // --actor; empty: $TPMKIT_ACTOR, else the OS user
  std::string as_of;  // --as-of DATE
  bool json = false;  // --json
};

// The command line being run: global options and the action the chosen command set.
struct Cli {
  GlobalOptions global;
  std::function<int()> run;

  app::Session Session() const;
  // --as-of parsed; kUsage when malformed. nullopt when not given.
  Result<std::optional<Date>> AsOf() const;
  bool Color() const;  // stdout is a terminal and NO_COLOR is unset
};

// -f FILE / -p ID options of a read command.
struct SourceOptions {
  std::string file;
  std::string program;
  app::ProgramSource Source() const;
};
void AddSourceOptions(CLI::App& command, SourceOptions& options);

// Prints an error (each diagnostic on its own line, else "tpmkit: message") to stderr
// and returns its exit status.
int Fail(const Error& error);

// Prints an import's warnings to stderr, one FILE:LINE:COLUMN: warning: ... per line.
void PrintWarnings(const std::vector<Diagnostic>& warnings);

// Prints text to stdout, adding a final newline when missing.
void Print(const std::string& text);

// Each command file registers its subcommand(s) on the root app.
void RegisterWorkspaceCommands(CLI::App& app, Cli& cli);  // init, apply, export, check, show
void RegisterLogCommands(CLI::App& app, Cli& cli);        // log, audit verify
void RegisterPlanCommands(CLI::App& app, Cli& cli);       // schedule, forecast, import
void RegisterRiskCommands(CLI::App& app, Cli& cli);       // scorecard [assess], risks, risk ...
void RegisterEvmCommands(CLI::App& app, Cli& cli);        // evm
void RegisterEscalateCommand(CLI::App& app, Cli& cli);    // escalate
void RegisterReviewCommand(CLI::App& app, Cli& cli);      // review
void RegisterDecideCommand(CLI::App& app, Cli& cli);      // decide
void RegisterStakeholderCommands(CLI::App& app,
                                 Cli& cli);            // stakeholders [plan], stakeholder contact
void RegisterAuditCommands(CLI::App& app, Cli& cli);   // audit, audit evidence add|signoff|pack
void RegisterChangeCommands(CLI::App& app, Cli& cli);  // changes [assess|approve|reject|implement]

}  // namespace tpmkit::cli
