// The e2e suite on PostgreSQL: when TPMKIT_TEST_DB names a PostgreSQL server
// (scripts/with-postgres.sh sets "postgresql://"), every SQLite workspace a test names in
// its temporary folder becomes a PostgreSQL workspace of its own, in a schema created for
// it and dropped with the folder. The tests stay written against files; this is the one
// place that knows the difference.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace tpmkit::e2e::postgres {

// True when TPMKIT_TEST_DB is a postgresql:// or postgres:// URL.
bool Enabled();

// Rewrites one tpmkit run: `--db FILE` (or `--db=FILE`) and the default workspace (TPMKIT_DB
// in `env`, else tpmkit.db in `cwd`) become the PostgreSQL workspace that stands for that
// file, when the file lies in a live TempDir. Nothing else changes. Only when Enabled().
void MapWorkspaces(std::vector<std::string>& args, const std::filesystem::path& cwd,
                   std::map<std::string, std::string>& env);

// Runs `sql` in the PostgreSQL workspace that stands for `file` (as Sql() does on a SQLite
// file: the first column of each row of the last statement). False when `file` lies in no
// live TempDir. Only when Enabled().
bool Query(const std::filesystem::path& file, const std::string& sql,
           std::vector<std::string>& rows);

// A TempDir's lifetime: the workspaces of files in `dir` are dropped with it.
void Register(const std::filesystem::path& dir);
void DropWorkspaces(const std::filesystem::path& dir);

}  // namespace tpmkit::e2e::postgres
