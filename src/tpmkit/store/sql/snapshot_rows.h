// A program's snapshots as rows of the workspace schema (each backend's
// migrations/005_snapshots.sql): one row per figure. Private to store/.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/store/sql/sql_db.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::sql {

// The program's snapshots, oldest first, each with its figures sorted by name.
Result<std::vector<SnapshotRecord>> ReadSnapshotRows(SqlDb& db, const std::string& program);

// Stores `snapshot` in place of any of the same program and date.
Status PutSnapshotRows(SqlDb& db, const SnapshotRecord& snapshot);

}  // namespace tpmkit::store::sql
