// One SQLite connection as the store's SQL (sql/sql_db.h): prepared statements cached by
// their SQL literal, parameters bound without copying text, typed reading of result
// rows. Private to store/sqlite/; sqlite3.h stays in the .cc files.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "tpmkit/base/error.h"
#include "tpmkit/store/sql/sql_db.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tpmkit::store::sqlite {

using sql::Corrupt;
using Row = sql::SqlRow;

class Db : public sql::SqlDb {
 public:
  // Takes ownership of an open connection (closed by the destructor).
  explicit Db(sqlite3* db) : db_(db) {}
  ~Db() override;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }

  // Runs one or more statements without parameters. kBusy when another writer holds the
  // lock past the busy timeout, kStorage otherwise.
  Status Exec(const std::string& sql);

  int64_t Changes() const override;

 protected:
  Status RunParams(const char* sql, std::span<const sql::Param> params) override;
  Status ForEachParams(const char* sql, const std::function<void(const Row&)>& fn,
                       std::span<const sql::Param> params) override;

 private:
  Result<sqlite3_stmt*> Prepare(const char* sql);
  Result<sqlite3_stmt*> Bound(const char* sql, std::span<const sql::Param> params);
  // Resets the statement; the row error if any, else an error for a failed step.
  Status Finish(sqlite3_stmt* s, int rc, std::optional<Error> row_error);

  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

}  // namespace tpmkit::store::sqlite
