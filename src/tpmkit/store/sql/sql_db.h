// The SQL both backends speak, as the row files (program_rows.h, audit_rows.h,
// account_rows.h) use it: statements with `?` parameters (or `?N`, a numbered one used more
// than once), C++ values bound to them, typed reading of result rows. SQLite
// (sqlite/sqlite_db.h) and PostgreSQL (postgres/pg_db.h) implement it, so that a program
// is written as the same rows on either. Private to store/.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/enums.h"

namespace tpmkit::store::sql {

// "the workspace holds data this version cannot read: <what>" (kStorage).
Error Corrupt(std::string what);

// A bound parameter. Text is a view: every argument of SqlDb::Run/ForEach outlives the
// statement. A date is held as its own text.
using Param = std::variant<std::nullptr_t, int64_t, double, std::string_view, std::string>;

inline Param ToParam(std::nullptr_t) { return nullptr; }
inline Param ToParam(int64_t v) { return v; }
inline Param ToParam(int v) { return int64_t{v}; }
inline Param ToParam(size_t v) { return static_cast<int64_t>(v); }
inline Param ToParam(bool v) { return int64_t{v ? 1 : 0}; }  // INTEGER 0/1 columns
inline Param ToParam(double v) { return v; }
inline Param ToParam(std::string_view v) { return v; }
inline Param ToParam(const std::string& v) { return std::string_view(v); }
inline Param ToParam(const char* v) { return std::string_view(v); }
inline Param ToParam(Date v) { return v.ToString(); }
inline Param ToParam(Money v) { return v.cents(); }
template <typename T>
Param ToParam(const std::optional<T>& v) {
  return v ? ToParam(*v) : Param(nullptr);
}

// One result row; conversion problems are collected in the error the backend passes in
// (the first one wins) and stop the iteration after the row.
class SqlRow {
 public:
  explicit SqlRow(std::optional<Error>& error) : error_(error) {}
  virtual ~SqlRow() = default;

  virtual bool Null(int c) const = 0;
  virtual int64_t Int(int c) const = 0;
  virtual double Real(int c) const = 0;
  virtual std::string Text(int c) const = 0;

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
  // when the position is out of range, so that a damaged row cannot index past the end.
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
  bool failed() const { return error_.has_value(); }

 private:
  std::optional<Error>& error_;
};

class SqlDb {
 public:
  virtual ~SqlDb() = default;

  // Runs a statement that returns no rows. `sql` must be a literal (it keys the backend's
  // cache of prepared statements).
  template <typename... A>
  Status Run(const char* sql, const A&... args) {
    const Param params[] = {Param(nullptr), ToParam(args)...};
    return RunParams(sql, std::span<const Param>(params).subspan(1));
  }

  // Calls fn(const SqlRow&) for each row. `sql` must be a literal.
  template <typename Fn, typename... A>
  Status ForEach(const char* sql, Fn&& fn, const A&... args) {
    const Param params[] = {Param(nullptr), ToParam(args)...};
    return ForEachParams(sql, fn, std::span<const Param>(params).subspan(1));
  }

  // The rows changed by the last statement.
  virtual int64_t Changes() const = 0;

 protected:
  virtual Status RunParams(const char* sql, std::span<const Param> params) = 0;
  // Stops after a row whose reading failed (SqlRow::Fail) and returns that error.
  virtual Status ForEachParams(const char* sql, const std::function<void(const SqlRow&)>& fn,
                               std::span<const Param> params) = 0;
};

}  // namespace tpmkit::store::sql
