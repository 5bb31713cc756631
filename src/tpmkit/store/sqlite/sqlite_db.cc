#include "tpmkit/store/sqlite/sqlite_db.h"

#include <sqlite3.h>

#include <string_view>
#include <type_traits>
#include <variant>

namespace tpmkit::store::sqlite {

namespace {

constexpr std::string_view kBusyMessage =
    "workspace busy: another tpmkit command is writing; try again";

Error SqliteError(sqlite3* db, int rc) {
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
  return Error::Storage(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

// Binds parameter i (1-based). Views are bound without a copy (the caller's values
// outlive the step); owned text (a date) is copied by SQLite.
void Bind(sqlite3_stmt* s, int i, const sql::Param& p) {
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          sqlite3_bind_null(s, i);
        } else if constexpr (std::is_same_v<T, int64_t>) {
          sqlite3_bind_int64(s, i, v);
        } else if constexpr (std::is_same_v<T, double>) {
          sqlite3_bind_double(s, i, v);
        } else if constexpr (std::is_same_v<T, std::string_view>) {
          sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
        } else {
          sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
        }
      },
      p);
}

class SqliteRow : public Row {
 public:
  SqliteRow(sqlite3_stmt* s, std::optional<Error>& error) : Row(error), s_(s) {}
  bool Null(int c) const override { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t Int(int c) const override { return sqlite3_column_int64(s_, c); }
  double Real(int c) const override { return sqlite3_column_double(s_, c); }
  std::string Text(int c) const override {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string();
  }

 private:
  sqlite3_stmt* s_;
};

}  // namespace

Db::~Db() {
  for (auto& [sql, stmt] : statements_) sqlite3_finalize(stmt);
  if (db_) sqlite3_close_v2(db_);
}

Status Db::Exec(const std::string& sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &msg);
  if (rc == SQLITE_OK) return OkStatus();
  std::string text = msg ? msg : sqlite3_errstr(rc);
  sqlite3_free(msg);
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
  return Error::Storage(text);
}

int64_t Db::Changes() const { return sqlite3_changes(db_); }

Status Db::RunParams(const char* sql, std::span<const sql::Param> params) {
  TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, params));
  return Finish(s, sqlite3_step(s), std::nullopt);
}

Status Db::ForEachParams(const char* sql, const std::function<void(const Row&)>& fn,
                         std::span<const sql::Param> params) {
  TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, params));
  std::optional<Error> error;
  SqliteRow row(s, error);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    fn(row);
    if (error) break;
  }
  return Finish(s, rc, std::move(error));
}

Result<sqlite3_stmt*> Db::Prepare(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc);
  statements_.emplace(sql, stmt);
  return stmt;
}

Result<sqlite3_stmt*> Db::Bound(const char* sql, std::span<const sql::Param> params) {
  TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Prepare(sql));
  for (size_t i = 0; i < params.size(); ++i) Bind(s, static_cast<int>(i + 1), params[i]);
  return s;
}

Status Db::Finish(sqlite3_stmt* s, int rc, std::optional<Error> row_error) {
  sqlite3_reset(s);
  if (row_error) return *std::move(row_error);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return SqliteError(db_, rc);
  return OkStatus();
}

}  // namespace tpmkit::store::sqlite
