// tpmkit: the command line. Parses global options, lets each command register
// itself, runs the chosen one and maps its outcome to an exit status (cli.md).
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "tpmkit/cli/cli.h"

int main(int argc, char** argv) {
  using tpmkit::cli::Cli;
  Cli cli;
  CLI::App app{
      "tpmkit: a workbench for technical program managers.\n"
      "Plans, risks, stakeholders, decisions, changes and audit readiness from one program "
      "file or workspace.",
      "tpmkit"};
  app.set_version_flag("--version", "tpmkit 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", cli.global.db,
                 "Workspace: a SQLite file path (default $TPMKIT_DB, else ./tpmkit.db)");
  app.add_flag("--json", cli.global.json, "Print one JSON document on stdout");
  app.add_option("--actor", cli.global.actor,
                 "Who is acting, for the audit trail (default $TPMKIT_ACTOR, else the OS user)");
  app.add_option("--as-of", cli.global.as_of, "Override the program's status date (YYYY-MM-DD)");
  app.footer(
      "Exit status: 0 done; 1 a check asked for failed; 2 bad usage or input; "
      "3 the workspace could not be read or written.\n"
      "Run `tpmkit COMMAND --help` for a command's options and an example.");

  tpmkit::cli::RegisterWorkspaceCommands(app, cli);
  tpmkit::cli::RegisterLogCommands(app, cli);
  tpmkit::cli::RegisterPlanCommands(app, cli);
  tpmkit::cli::RegisterRiskCommands(app, cli);
  tpmkit::cli::RegisterEvmCommands(app, cli);
  tpmkit::cli::RegisterEscalateCommand(app, cli);
  tpmkit::cli::RegisterReviewCommand(app, cli);
  tpmkit::cli::RegisterDecideCommand(app, cli);
  tpmkit::cli::RegisterStakeholderCommands(app, cli);
  tpmkit::cli::RegisterAuditCommands(app, cli);
  tpmkit::cli::RegisterChangeCommands(app, cli);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : tpmkit::cli::kExitBadInput;
  }
  try {
    return cli.run ? cli.run() : tpmkit::cli::kExitBadInput;
  } catch (const std::exception& e) {
    std::cerr << "tpmkit: internal error: " << e.what() << '\n';
    return tpmkit::cli::kExitWorkspace;
  }
}
