// One PostgreSQL connection (libpq) as the store's SQL (sql/sql_db.h): statements
// prepared once per connection (keyed by their SQL literal, `?` rewritten to `$N`),
// every value bound as a parameter, typed reading of result rows. Private to
// store/postgres/; libpq-fe.h stays in the .cc files.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "tpmkit/base/error.h"
#include "tpmkit/store/sql/sql_db.h"

struct pg_conn;
struct pg_result;

namespace tpmkit::store::postgres {

using Row = sql::SqlRow;

// The message of a write whose COMMIT was sent but whose answer never came (kStorage).
extern const char* const kCommitUnknown;

class Connection : public sql::SqlDb {
 public:
  // Connects to `url` (a libpq connection URL); `lock_timeout_ms` bounds every wait for a
  // lock (the store's write lock included): past it a statement fails with kBusy. Errors:
  // kStorage "cannot reach the database <redacted url>: why".
  static Result<std::unique_ptr<Connection>> Open(const std::string& url, int lock_timeout_ms);
  ~Connection() override;
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs statements without parameters (the simple query protocol): transaction
  // control, migrations, maintenance.
  Status Exec(const std::string& sql);
  // Runs COMMIT. kStorage kCommitUnknown when the connection broke before the answer
  // came; kStorage when the transaction had failed and was rolled back instead.
  Status Commit();

  // Opens the connection again (after it was lost), with the same settings.
  Status Reset();

  // Whether the connection broke (the server went away, or ended this session): it must
  // be dropped, not reused.
  bool lost() const;

  // While set, a statement that fails inside a transaction rolls the transaction back to
  // the savepoint `name` (set by the caller), so that the transaction stays usable after an
  // error as SQLite's does.
  void set_savepoint(std::optional<std::string> name) { savepoint_ = std::move(name); }

  int64_t Changes() const override { return changes_; }

 protected:
  Status RunParams(const char* sql, std::span<const sql::Param> params) override;
  Status ForEachParams(const char* sql, const std::function<void(const Row&)>& fn,
                       std::span<const sql::Param> params) override;

 private:
  struct ResultDeleter {
    void operator()(pg_result* r) const;
  };
  using PgResult = std::unique_ptr<pg_result, ResultDeleter>;

  Connection(pg_conn* conn, std::string shown_url)
      : conn_(conn), shown_url_(std::move(shown_url)) {}
  // The settings every session starts with.
  Status Configure();
  // Prepares (once) and runs `sql`; the result of a successful run, else the error (after
  // rolling back to the savepoint, when one is set).
  Result<PgResult> Execute(const char* sql, std::span<const sql::Param> params);
  Error ErrorOf(const pg_result* r) const;
  Error Failed(const pg_result* r);

  pg_conn* conn_;
  std::string shown_url_;
  int lock_timeout_ms_ = 0;
  std::unordered_map<const char*, std::string> prepared_;  // SQL literal -> statement name
  std::optional<std::string> savepoint_;
  int64_t changes_ = 0;
};

}  // namespace tpmkit::store::postgres
