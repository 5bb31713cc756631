// Moving a workspace to another backend (`tpmkit migrate`): a team that outgrows its
// SQLite file copies it into PostgreSQL, and back again.
#pragma once

#include <string>

#include "tpmkit/base/clock.h"
#include "tpmkit/base/error.h"
#include "tpmkit/report/migrate_text.h"

namespace tpmkit::app {

// migrate --from URL --to URL: copies every program, the whole audit trail (the same seq,
// times and hashes), the snapshots and the accounts (users, grants, sessions, API tokens;
// not the failed-login counts, which only throttle) from the workspace `from` into the
// workspace `to` (created when absent), in one transaction on the target, then verifies the
// target's chain. The source is only read.
//
// Errors: kUsage (the same workspace twice); kNotFound (no workspace at `from`);
// kConflict (the target holds programs, trail entries or users already: migrate only into
// a new workspace; or the source's trail does not verify: a broken chain is not carried
// over); kStorage or kBusy from either workspace, naming it (never with a password).
// Nothing is written to the target on error.
struct MigrateRequest {
  std::string from;
  std::string to;
};
Result<report::MigrationCounts> MigrateWorkspace(const Clock& clock, const MigrateRequest& request);

}  // namespace tpmkit::app
