#include "tpmkit/store/sqlite/sqlite_db.h"

#include <fmt/format.h>
#include <sqlite3.h>

namespace tpmkit::store::sqlite {

namespace {

constexpr std::string_view kBusyMessage =
    "workspace busy: another tpmkit command is writing; try again";

Error SqliteError(sqlite3* db, int rc) {
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
  return Error::Storage(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

}  // namespace

Error Corrupt(std::string what) {
  return Error::Storage("the workspace holds data this version cannot read: " + what);
}

void BindOne(sqlite3_stmt* s, int i, std::nullptr_t) { sqlite3_bind_null(s, i); }
void BindOne(sqlite3_stmt* s, int i, int64_t v) { sqlite3_bind_int64(s, i, v); }
void BindOne(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int64(s, i, v); }
void BindOne(sqlite3_stmt* s, int i, size_t v) {
  sqlite3_bind_int64(s, i, static_cast<int64_t>(v));
}
void BindOne(sqlite3_stmt* s, int i, bool v) { sqlite3_bind_int(s, i, v ? 1 : 0); }
void BindOne(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }
void BindOne(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}
void BindOne(sqlite3_stmt* s, int i, const std::string& v) { BindOne(s, i, std::string_view(v)); }
void BindOne(sqlite3_stmt* s, int i, const char* v) { BindOne(s, i, std::string_view(v)); }
void BindOne(sqlite3_stmt* s, int i, Date v) {
  std::string text = v.ToString();  // a temporary: SQLite copies it
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void BindOne(sqlite3_stmt* s, int i, Money v) { sqlite3_bind_int64(s, i, v.cents()); }

bool Row::Null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
int64_t Row::Int(int c) const { return sqlite3_column_int64(s_, c); }
double Row::Real(int c) const { return sqlite3_column_double(s_, c); }
std::string Row::Text(int c) const {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string();
}

Date Row::Day(int c) const {
  std::string t = Text(c);
  auto d = Date::Parse(t);
  if (!d) {
    Fail(fmt::format("'{}' is not a date", t));
    return Date{};
  }
  return *d;
}

size_t Row::Index(int c, size_t size) const {
  int64_t v = Int(c);
  if (v < 0 || static_cast<uint64_t>(v) >= size) {
    Fail(fmt::format("position {} out of range", v));
    return 0;
  }
  return static_cast<size_t>(v);
}

const int Db::kRowResult = SQLITE_ROW;

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

int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

Result<sqlite3_stmt*> Db::Prepare(const char* sql) {
  auto it = statements_.find(sql);
  if (it != statements_.end()) return it->second;
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return SqliteError(db_, rc);
  statements_.emplace(sql, stmt);
  return stmt;
}

int Db::Step(sqlite3_stmt* s) { return sqlite3_step(s); }

Status Db::Finish(sqlite3_stmt* s, int rc, std::optional<Error> row_error) {
  sqlite3_reset(s);
  if (row_error) return *std::move(row_error);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return SqliteError(db_, rc);
  return OkStatus();
}

}  // namespace tpmkit::store::sqlite
