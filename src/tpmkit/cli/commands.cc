// The command table and the command line as a function (Main): global options, the
// clock (TPMKIT_NOW fixes it for reproducible runs), the workspace opened once, and the
// mapping of the outcome to an exit status.
#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <ostream>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/base/clock.h"
#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

namespace {

// Every command group, in the order `tpmkit --help` lists them.
constexpr DefineFn kCommandTable[] = {
    DefineWorkspaceCommands, DefineLogCommands,    DefinePlanCommands,        DefineRiskCommands,
    DefineAdviceCommands,    DefineDecideCommand,  DefineStakeholderCommands, DefineAuditCommands,
    DefineChangeCommands,    DefineStatusCommands, DefineImpactCommand,       DefineServeCommand,
    DefineAccountCommands,
};

struct GlobalArgs {
  std::string db;
  std::string actor;
  std::string as_of;
  bool json = false;
};

std::string OsUser(const MainOptions& options) {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
  return options.getenv("USER").value_or("unknown");
}

std::string EnvOr(const MainOptions& options, const char* name, std::string fallback) {
  auto v = options.getenv(name);
  return v && !v->empty() ? *v : fallback;
}

ExitCode Dispatch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
                  const MainOptions& options) {
  GlobalArgs global;
  Invocation invocation;
  CLI::App app{
      "tpmkit: a workbench for technical program managers.\n"
      "Plans, risks, stakeholders, decisions, changes and audit readiness from one program "
      "file or workspace.",
      "tpmkit"};
  app.set_version_flag("--version", "tpmkit 0.1.0");
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--db", global.db,
                 "Workspace: a SQLite file path (default $TPMKIT_DB, else ./tpmkit.db)");
  app.add_flag("--json", global.json, "Print one JSON document on stdout");
  app.add_option("--actor", global.actor,
                 "Who is acting, for the audit trail (default $TPMKIT_ACTOR, else the OS user)");
  app.add_option("--as-of", global.as_of,
                 "The date in force (YYYY-MM-DD); default: the program's status_date, else today");
  app.footer(
      "Exit status: 0 done; 1 a check asked for failed; 2 bad usage or input; "
      "3 the workspace could not be read or written.\n"
      "Run `tpmkit COMMAND --help` for a command's options and an example.");
  for (DefineFn define : kCommandTable) define(app, invocation);

  try {
    // CLI11 parses the arguments in reverse order from a vector.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    // CLI11's own output (help, version, parse errors) goes to `out`/`err` too.
    return app.exit(e, out, err) == 0 ? ExitCode::kOk : ExitCode::kBadInput;
  }
  if (!invocation.run) return ExitCode::kBadInput;

  Common common;
  common.json = global.json;
  common.color = options.out_is_terminal && !options.getenv("NO_COLOR");
  common.out_is_terminal = options.out_is_terminal;
  common.progress = options.err_is_terminal;
  auto as_of = OptionalDateArg("--as-of", global.as_of);
  if (!as_of.ok()) return Fail(err, as_of.error());
  common.as_of = *as_of;
  std::unique_ptr<Clock> clock;
  if (auto now = options.getenv("TPMKIT_NOW"); now && !now->empty()) {
    auto at = ParseUtcTimestamp(*now);
    if (!at) {
      return Fail(err, Error::Usage("TPMKIT_NOW: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, "
                                    "got '" +
                                    *now + "'"));
    }
    clock = std::make_unique<FixedClock>(*at);
  } else {
    clock = std::make_unique<SystemClock>();
  }
  common.db_url = !global.db.empty() ? global.db : EnvOr(options, "TPMKIT_DB", "tpmkit.db");
  app::DeferredStore store(common.db_url, *clock, {.create = invocation.creates_workspace});
  app::Env env{
      store, *clock,
      !global.actor.empty() ? global.actor : EnvOr(options, "TPMKIT_ACTOR", OsUser(options))};
  return invocation.run(env, out, err, common);
}

}  // namespace

ExitCode Main(const std::vector<std::string>& args, std::ostream& out, std::ostream& err,
              const MainOptions& options) {
  try {
    return Dispatch(args, out, err, options);
  } catch (const std::exception& e) {
    // The last resort: a bug, reported without hiding it.
    err << "tpmkit: internal error: " << e.what() << '\n';
    return ExitCode::kWorkspace;
  }
}

}  // namespace tpmkit::cli
