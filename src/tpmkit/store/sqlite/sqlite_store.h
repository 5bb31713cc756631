// The SQLite workspace: a normalized schema (a table per entity, migrations/*.sql
// compiled in), WAL mode, one connection per Store, write transactions that take the
// write lock at once (BEGIN IMMEDIATE). OpenStore (store.h) opens one for a path.
#pragma once

#include <memory>
#include <string>

#include "tpmkit/base/error.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::sqlite {

// The schema version this build writes: the number of its migrations.
int LatestSchemaVersion();

class SqliteStore : public Store {
 public:
  // Opens (and creates, when options.create) the SQLite file at `path`, or a private
  // in-memory database for ":memory:", and applies pending migrations in one write
  // transaction. Errors: kNotFound (no file and !create), kBusy (another writer holds
  // the lock past the busy timeout while migrating), kStorage (anything else,
  // including a schema newer than this build knows).
  //
  // Read-only (options.read_only, or a file or folder this process may not write): no
  // migration (an older schema is kStorage), no journal mode change, and Begin(kWrite) is
  // kStorage "cannot write to the workspace PATH: WHY". When no -wal file exists no other
  // connection is writing, and the file is read as immutable, which needs no -shm file
  // beside it (a read-only folder could not hold one); a writer that starts during such a
  // read is not seen.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const OpenOptions& options = {});
  ~SqliteStore() override;

  // One transaction at a time per Store; the Store must outlive it.
  Result<std::unique_ptr<Transaction>> Begin(TxnMode mode) override;

  // Runs SQL directly, outside any Transaction: for maintenance and for tests that
  // tamper with the audit trail. kStorage on failure.
  Status ExecRaw(const std::string& sql);

  // PRAGMA user_version: the migrations applied.
  Result<int> SchemaVersion();

  struct Impl;

 private:
  explicit SqliteStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tpmkit::store::sqlite
