// The words of `tpmkit migrate`: what was copied from one workspace to another.
#pragma once

#include <cstddef>
#include <string>

namespace tpmkit::report {

struct MigrationCounts {
  std::string from;  // the workspaces as shown (a database URL without its password)
  std::string to;
  size_t programs = 0;
  size_t audit_entries = 0;
  size_t snapshots = 0;
  size_t users = 0;
  size_t grants = 0;
  size_t sessions = 0;
  size_t tokens = 0;
};

// "Copied the workspace FROM to TO:" and one line per kind of record.
std::string MigrateText(const MigrationCounts& counts);
// {"from", "to", "programs", "audit_entries", "snapshots", "users", "grants", "sessions",
// "tokens", "verified": true}
std::string MigrateJson(const MigrationCounts& counts);

}  // namespace tpmkit::report
