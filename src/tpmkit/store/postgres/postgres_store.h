// The PostgreSQL workspace: the same normalized tables as SQLite's (migrations/*.sql
// compiled in, versioned in schema_migrations), reached through libpq from a per-process
// pool of connections (pg_pool.h), so that several server processes share one database.
// A write transaction takes the workspace's write lock (an advisory lock of the schema)
// before anything else, so that writers, and the audit trail's appends above all, follow
// one another across processes as SQLite's BEGIN IMMEDIATE makes them. OpenStore (store.h)
// opens one for a postgresql:// or postgres:// URL.
#pragma once

#include <memory>
#include <string>

#include "tpmkit/base/error.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::postgres {

// The schema version this build writes: the number of its migrations.
int LatestSchemaVersion();

class PostgresStore : public Store {
 public:
  // Connects to the database named by `url` (a libpq connection URL; the workspace is the
  // schema the connection uses, `public` unless the URL's options say otherwise) and
  // applies pending migrations in one transaction. Errors: kNotFound (no workspace there
  // and !options.create), kBusy (a writer holds the lock past the busy timeout while
  // migrating), kStorage (the database cannot be reached, a schema newer than this build
  // knows, anything else). Messages never show the URL's password.
  //
  // options.read_only: no migration (an older schema is kStorage), and Begin(kWrite) is
  // kStorage "cannot write to the workspace URL: it was opened for reading only".
  static Result<std::unique_ptr<PostgresStore>> Open(const std::string& url,
                                                     const OpenOptions& options = {});
  ~PostgresStore() override;

  // One transaction at a time per Store, as with SQLite (kInternal otherwise); the Store
  // must outlive it. Each transaction has a connection of its own from the pool, which the
  // process's stores on the same URL share: a server gives each worker a Store.
  //
  // A connection found lost when the transaction begins is replaced. In a read
  // transaction, an operation whose connection broke before any answer came is run once
  // more on a new connection (reads can be repeated). A write is never repeated: a lost
  // connection fails it, and a COMMIT whose answer never came is kStorage saying that the
  // outcome is unknown (postgres::kCommitUnknown), not success and not failure.
  Result<std::unique_ptr<Transaction>> Begin(TxnMode mode) override;

  // Runs SQL directly, outside any Transaction: for maintenance and for tests that
  // tamper with the workspace. kStorage on failure.
  Status ExecRaw(const std::string& sql);

  // The newest migration applied.
  Result<int> SchemaVersion();

  struct Impl;

 private:
  explicit PostgresStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace tpmkit::store::postgres
