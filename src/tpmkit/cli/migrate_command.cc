#include "tpmkit/cli/migrate_command.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/migrate_cases.h"
#include "tpmkit/report/migrate_text.h"

namespace tpmkit::cli {

ExitCode RunMigrate(const MigrateArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  // Without --from, the workspace the other commands use (--db, $TPMKIT_DB, ./tpmkit.db).
  auto r = app::MigrateWorkspace(env.clock, {a.from.empty() ? a.common.db_url : a.from, a.to});
  if (!r.ok()) return Fail(err, r.error());
  Print(out, a.common.json ? report::MigrateJson(*r) : report::MigrateText(*r));
  return ExitCode::kOk;
}

void DefineMigrateCommand(CLI::App& root, Invocation& invocation) {
  auto args = std::make_shared<MigrateArgs>();
  auto* migrate = root.add_subcommand(
      "migrate",
      "Copy a workspace (programs, the whole audit trail, snapshots, accounts) into a new "
      "one, e.g. from SQLite to PostgreSQL");
  migrate->add_option("--from", args->from,
                      "The workspace to copy: a file or a database URL (default: the workspace, "
                      "--db)");
  migrate
      ->add_option("--to", args->to,
                   "The new workspace: a file or a database URL (created when absent; it must "
                   "be empty)")
      ->required();
  migrate->footer(
      "A database URL is libpq's: postgresql://USER@HOST/DATABASE (docs/postgres.md).\n"
      "The audit trail keeps its entries' numbers, times and hashes, so `audit verify`\n"
      "passes on the copy. Nothing is written when the target is not empty.\n"
      "Example (the workspace, copied into a new file):\n"
      "  tpmkit migrate --to copy.db");
  Bind(*migrate, invocation, args, RunMigrate);
}

}  // namespace tpmkit::cli
