// The command table and the command line as a function (Main): global options, the
// clock (TPMKIT_NOW fixes it for reproducible runs), the workspace opened once, and the
// mapping of the outcome to an exit status.
#include <pwd.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <new>
#include <ostream>
#include <string_view>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/base/clock.h"
#include "tpmkit/base/text.h"
#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

namespace {

// Every command group, in the order `tpmkit --help` lists them.
constexpr DefineFn kCommandTable[] = {
    DefineWorkspaceCommands, DefineLogCommands,    DefinePlanCommands,        DefineRiskCommands,
    DefineAdviceCommands,    DefineDecideCommand,  DefineStakeholderCommands, DefineAuditCommands,
    DefineChangeCommands,    DefineStatusCommands, DefineImpactCommand,       DefineServeCommand,
    DefineAccountCommands,   DefineMigrateCommand,
};

struct GlobalArgs {
  std::string db;
  std::string actor;
  std::string as_of;
  std::string program;  // -p before the command: handed to the command's own -p
  bool json = false;
};

// `tpmkit help [COMMAND...]` is `tpmkit [COMMAND...] --help`: the arguments to parse in its
// place, or nullopt when the command is not `help`. Global options before it are skipped
// with their values.
std::optional<std::vector<std::string>> HelpArguments(const std::vector<std::string>& args) {
  static constexpr std::string_view kWithValue[] = {"--db", "--actor", "--as-of", "-p",
                                                    "--program"};
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i].starts_with("-")) {
      if (std::ranges::find(kWithValue, args[i]) != std::end(kWithValue)) ++i;
      continue;
    }
    if (args[i] != "help") return std::nullopt;
    std::vector<std::string> topic(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, args.end());
    topic.push_back("--help");
    return topic;
  }
  return std::nullopt;
}

// The command chosen and its chosen subcommands, the root first: {root, risk, add} for
// `tpmkit risk add`.
std::vector<CLI::App*> ChosenPath(CLI::App& root) {
  std::vector<CLI::App*> path{&root};
  for (;;) {
    auto chosen = path.back()->get_subcommands();
    if (chosen.empty()) return path;
    path.push_back(chosen.front());
  }
}

// "tpmkit risk add" for {root, risk, add}.
std::string CommandName(const std::vector<CLI::App*>& path) {
  std::string name = "tpmkit";
  for (size_t i = 1; i < path.size(); ++i) name += " " + path[i]->get_name();
  return name;
}

// The commands of a group (CLI11 keeps option groups as subcommands without a name).
std::vector<CLI::App*> Subcommands(CLI::App& group) {
  return group.get_subcommands([](CLI::App* sub) { return !sub->get_name().empty(); });
}

// Edit distance where a swapped pair of neighbours counts as one edit (optimal string
// alignment): the typos people make most are one letter wrong, missing, extra or swapped.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The commands of `group` nearest to `typed`, best first (ties in the order --help lists
// them): within two edits (one for words of three letters or fewer), or starting with it.
std::vector<std::string> Nearest(CLI::App& group, const std::string& typed) {
  const size_t most = typed.size() <= 3 ? 1 : 2;
  std::vector<std::pair<size_t, std::string>> near;
  for (CLI::App* sub : Subcommands(group)) {
    const std::string& name = sub->get_name();
    size_t distance = EditDistance(typed, name);
    if (typed.size() >= 3 && name.starts_with(typed)) distance = std::min<size_t>(distance, 1);
    if (distance <= most) near.emplace_back(distance, name);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> names;
  for (const auto& [distance, name] : near) {
    if (distance != near.front().first || names.size() == 3) break;
    names.push_back(name);
  }
  return names;
}

// "tpmkit: unknown command 'risk ad'; did you mean 'risk add'?" and where the list is.
ExitCode UnknownCommand(std::ostream& err, const std::vector<CLI::App*>& path,
                        const std::string& typed) {
  std::string group = CommandName(path).substr(std::string_view("tpmkit").size());
  if (!group.empty()) group = group.substr(1) + " ";
  err << "tpmkit: unknown command '" << EscapeControls(group + typed) << "'";
  const auto near = Nearest(*path.back(), typed);
  for (size_t i = 0; i < near.size(); ++i) {
    err << (i == 0                 ? "; did you mean '"
            : i + 1 == near.size() ? "' or '"
                                   : "', '")
        << group << near[i];
  }
  if (!near.empty()) err << "'?";
  err << "\nRun `tpmkit help" << (group.empty() ? "" : " " + group.substr(0, group.size() - 1))
      << "` for the list of commands.\n";
  return ExitCode::kBadInput;
}

// An option given to a command group, or -p given before the command, belongs to the
// command chosen at the end of the path (`tpmkit -p phoenix risks`, `tpmkit audit
// --evidence-root examples pack`): it is handed to that command's option of the same
// name, and refused when that command has none, so that nothing given is silently ignored.
Status HandOptionsDown(const std::vector<CLI::App*>& path) {
  CLI::App* command = path.back();
  const std::string name = CommandName(path);
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    for (CLI::Option* given : path[i]->get_options([](CLI::Option* o) { return o->count() > 0; })) {
      // Of the root's options only -p belongs to a command; the others are global.
      if (i == 0 && !given->check_name("--program")) continue;
      const std::string flag = given->get_name(false, true);
      CLI::Option* own = command->get_option_no_throw(given->get_name());
      if (own == nullptr) {
        // -f of a group whose subcommand edits: that subcommand takes the workspace's -p.
        if (given->check_name("--file") && command->get_option_no_throw("--program")) {
          return Error::Usage(flag + ": `" + name + "` edits the workspace; use -p, not -f");
        }
        return Error::Usage(flag + ": `" + name + "` has no such option; see `" + name +
                            " --help`");
      }
      if (own->count() > 0) {
        if (own->results() == given->results()) continue;
        return Error::Usage(flag + ": given twice, before and after the command");
      }
      for (const CLI::Option* other : own->get_excludes()) {
        if (other->count() > 0) {
          return Error::Usage(flag + " and " + other->get_name(false, true) +
                              " exclude each other");
        }
      }
      try {
        own->add_result(given->results());
        own->run_callback();
      } catch (const CLI::ParseError& e) {
        return Error::Usage(e.what());
      }
    }
  }
  return OkStatus();
}

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
                 "Workspace: a SQLite file path or a postgresql:// URL (default $TPMKIT_DB, "
                 "else ./tpmkit.db)");
  app.add_flag("--json", global.json, "Print one JSON document on stdout");
  app.add_option("--actor", global.actor,
                 "Who is acting, for the audit trail (default $TPMKIT_ACTOR, else the OS user)");
  app.add_option("--as-of", global.as_of,
                 "The date in force (YYYY-MM-DD); default: the program's status_date, else today");
  app.add_option("-p,--program", global.program,
                 "A program of the workspace, for the command that follows (its own -p)");
  app.footer(
      "Exit status: 0 done; 1 a check asked for failed; 2 bad usage or input; "
      "3 the workspace could not be read or written.\n"
      "Run `tpmkit help COMMAND` (or `tpmkit COMMAND --help`) for a command's options and an "
      "example.\n"
      "Examples:\n  tpmkit apply examples/phoenix.yaml\n  tpmkit -p phoenix risks\n"
      "  tpmkit help risk add");
  for (DefineFn define : kCommandTable) define(app, invocation);
  // Listed with the commands; HelpArguments answers it before parsing.
  app.add_subcommand("help", "This usage, or a command's options and example: tpmkit help COMMAND")
      ->allow_extras();

  if (auto help = HelpArguments(args)) return Dispatch(*help, out, err, options);
  try {
    // CLI11 parses the arguments in reverse order from a vector.
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const auto path = ChosenPath(app);
    if (!Subcommands(*path.back()).empty()) {
      // A word no command took where a command was due: a typo, also before --help.
      const auto unknown = app.remaining();
      if (!unknown.empty() && !unknown.front().starts_with("-")) {
        return UnknownCommand(err, path, unknown.front());
      }
      // `tpmkit` alone, or a command group without its subcommand: the usage.
      if (unknown.empty() && dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
        err << app.help();
        return ExitCode::kBadInput;
      }
    }
    // CLI11's own output: help and version on `out` (exit 0), parse errors on `err`.
    return app.exit(e, out, err) == 0 ? ExitCode::kOk : ExitCode::kBadInput;
  }
  if (Status handed = HandOptionsDown(ChosenPath(app)); !handed.ok()) {
    return Fail(err, handed.error());
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
  const auto env_db = options.getenv("TPMKIT_DB");
  const bool from_env = global.db.empty() && env_db && !env_db->empty();
  app::DeferredStore store(
      common.db_url, *clock,
      {.create = invocation.creates_workspace, .origin = from_env ? "TPMKIT_DB" : ""});
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
  } catch (const std::bad_alloc&) {
    // Not a bug: the input or the options ask for more memory than this machine has.
    err << "tpmkit: out of memory: the program or the options (such as --iterations) need "
           "more memory than is available\n";
    return ExitCode::kBadInput;
  } catch (const std::exception& e) {
    // The last resort: a bug, reported without hiding it.
    err << "tpmkit: internal error: " << e.what() << '\n';
    return ExitCode::kWorkspace;
  }
}

}  // namespace tpmkit::cli
