// One SQLite connection as the adapter's files use it: prepared statements cached by
// their SQL literal, C++ values bound to parameters, typed reading of result rows.
// Private to store/sqlite/; sqlite3.h stays in the .cc files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/enums.h"

struct sqlite3;
struct sqlite3_stmt;

namespace tpmkit::store::sqlite {

// "the workspace holds data this version cannot read: <what>" (kStorage).
Error Corrupt(std::string what);

// Binding of C++ values to statement parameters (1-based). Text is bound without a copy:
// every argument of Db::Run/ForEach outlives the step (the statement is reset before
// they return, and each use binds every parameter again).
void BindOne(sqlite3_stmt* s, int i, std::nullptr_t);
void BindOne(sqlite3_stmt* s, int i, int64_t v);
void BindOne(sqlite3_stmt* s, int i, int v);
void BindOne(sqlite3_stmt* s, int i, size_t v);
void BindOne(sqlite3_stmt* s, int i, bool v);
void BindOne(sqlite3_stmt* s, int i, double v);
void BindOne(sqlite3_stmt* s, int i, std::string_view v);
void BindOne(sqlite3_stmt* s, int i, const std::string& v);
void BindOne(sqlite3_stmt* s, int i, const char* v);
void BindOne(sqlite3_stmt* s, int i, Date v);
void BindOne(sqlite3_stmt* s, int i, Money v);
template <typename T>
void BindOne(sqlite3_stmt* s, int i, const std::optional<T>& v) {
  if (v) {
    BindOne(s, i, *v);
  } else {
    BindOne(s, i, nullptr);
  }
}

// One result row; conversion problems are collected in `error` (the first one wins) and
// stop the iteration after the row.
class Row {
 public:
  Row(sqlite3_stmt* s, std::optional<Error>& error) : s_(s), error_(error) {}
  bool Null(int c) const;
  int64_t Int(int c) const;
  double Real(int c) const;
  std::string Text(int c) const;
  Money Cents(int c) const { return Money::FromCents(Int(c)); }
  Date Day(int c) const;
  std::optional<double> OptReal(int c) const {
    return Null(c) ? std::nullopt : std::optional(Real(c));
  }
  std::optional<int> OptInt(int c) const {
    return Null(c) ? std::nullopt : std::optional(static_cast<int>(Int(c)));
  }
  std::optional<Money> OptCents(int c) const {
    return Null(c) ? std::nullopt : std::optional(Cents(c));
  }
  std::optional<Date> OptDay(int c) const { return Null(c) ? std::nullopt : std::optional(Day(c)); }
  template <typename E>
  E Enum(int c) const {
    std::string t = Text(c);
    auto v = model::Parse<E>(t);
    if (!v) {
      Fail("'" + t + "' is not a known value");
      return E{};
    }
    return *v;
  }
  // A position used as an index into a list of `size` elements.
  size_t Index(int c, size_t size) const;
  // The element of `v` at the position in column c; a scratch element (and an error)
  // when the position is out of range, so that a damaged file cannot index past the end.
  template <typename V>
  typename V::value_type& Elem(V& v, int c) const {
    size_t i = Index(c, v.size());
    if (i < v.size() && !error_) return v[i];
    static thread_local typename V::value_type scratch;
    scratch = {};
    return scratch;
  }
  void Fail(std::string what) const {
    if (!error_) error_ = Corrupt(std::move(what));
  }

 private:
  sqlite3_stmt* s_;
  std::optional<Error>& error_;
};

class Db {
 public:
  // Takes ownership of an open connection (closed by the destructor).
  explicit Db(sqlite3* db) : db_(db) {}
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  sqlite3* handle() const { return db_; }

  // Runs one or more statements without parameters. kBusy when another writer holds the
  // lock past the busy timeout, kStorage otherwise.
  Status Exec(const std::string& sql);

  // Runs a statement that returns no rows. `sql` must be a literal (it keys the cache).
  template <typename... A>
  Status Run(const char* sql, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, args...));
    return Finish(s, Step(s), std::nullopt);
  }

  // Calls fn(const Row&) for each row. `sql` must be a literal (it keys the cache).
  template <typename Fn, typename... A>
  Status ForEach(const char* sql, Fn&& fn, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, args...));
    std::optional<Error> error;
    Row row(s, error);
    int rc;
    while ((rc = Step(s)) == kRowResult) {
      fn(row);
      if (error) break;
    }
    return Finish(s, rc, std::move(error));
  }

  // The rowid of the last INSERT and the rows changed by the last statement.
  int64_t LastInsertRowid() const;
  int Changes() const;

 private:
  static const int kRowResult;  // SQLITE_ROW

  Result<sqlite3_stmt*> Prepare(const char* sql);
  template <typename... A>
  Result<sqlite3_stmt*> Bound(const char* sql, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Prepare(sql));
    int i = 0;
    (BindOne(s, ++i, args), ...);
    return s;
  }
  static int Step(sqlite3_stmt* s);
  // Resets the statement; the row error if any, else an error for a failed step.
  Status Finish(sqlite3_stmt* s, int rc, std::optional<Error> row_error);

  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> statements_;
};

}  // namespace tpmkit::store::sqlite
