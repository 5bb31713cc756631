#include "tpmkit/store/postgres/pg_db.h"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include "tpmkit/store/store.h"

namespace tpmkit::store::postgres {

const char* const kCommitUnknown =
    "the connection to the database was lost while the change was being committed: it may or "
    "may not have been saved; look at the audit trail (`tpmkit log`) before trying again";

namespace {

constexpr std::string_view kBusyMessage =
    "workspace busy: another tpmkit command is writing; try again";

// The row files write `?` (or `?N`) as SQLite does; PostgreSQL numbers its parameters.
// Quoted text is copied as it is.
std::string NumberedParameters(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  bool quoted = false;
  for (size_t i = 0; i < sql.size(); ++i) {
    char c = sql[i];
    if (c == '\'') quoted = !quoted;
    if (c != '?' || quoted) {
      out += c;
      continue;
    }
    size_t j = i + 1;
    while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
    out += '$';
    if (j > i + 1) {
      out.append(sql.substr(i + 1, j - i - 1));
      i = j - 1;
    } else {
      out += std::to_string(++next);
    }
  }
  return out;
}

// The text a parameter is sent as (nullopt: NULL). Doubles in their shortest form that
// reads back as the same value.
std::optional<std::string> ParamText(const sql::Param& p) {
  return std::visit(
      [](const auto& v) -> std::optional<std::string> {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::nullptr_t>) {
          return std::nullopt;
        } else if constexpr (std::is_same_v<T, int64_t>) {
          return std::to_string(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{}", v);
        } else {
          return std::string(v);
        }
      },
      p);
}

std::string Trimmed(const char* text) {
  std::string s = text ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

class PgRow : public Row {
 public:
  PgRow(const PGresult* r, std::optional<Error>& error) : Row(error), r_(r) {}
  void at(int row) { row_ = row; }
  bool Null(int c) const override { return PQgetisnull(r_, row_, c) != 0; }
  int64_t Int(int c) const override {
    std::string_view t = View(c);
    int64_t v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size()) {
      Fail(fmt::format("'{}' is not a whole number", t));
      return 0;
    }
    return v;
  }
  // from_chars, not strtod: the same whatever the process's locale. PostgreSQL writes
  // doubles in their shortest exact form, so they read back as the value written.
  double Real(int c) const override {
    std::string_view t = View(c);
    double v = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
    if (ec != std::errc() || end != t.data() + t.size()) {
      Fail(fmt::format("'{}' is not a number", t));
      return 0;
    }
    return v;
  }
  std::string Text(int c) const override { return std::string(View(c)); }

 private:
  std::string_view View(int c) const {
    return {PQgetvalue(r_, row_, c), static_cast<size_t>(PQgetlength(r_, row_, c))};
  }
  const PGresult* r_;
  int row_ = 0;
};

}  // namespace

void Connection::ResultDeleter::operator()(pg_result* r) const { PQclear(r); }

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url, int lock_timeout_ms) {
  // Later keywords win: the URL's own settings override these defaults.
  const char* keys[] = {"connect_timeout", "client_encoding", "application_name", "dbname",
                        nullptr};
  const char* values[] = {"10", "UTF8", "tpmkit", url.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keys, values, 1);
  std::unique_ptr<Connection> c(new Connection(conn, RedactUrl(url)));
  // Notices ("drop cascades to ...", "relation already exists, skipping") are not errors
  // and are not for the user's terminal.
  if (conn)
    PQsetNoticeProcessor(
        conn, [](void*, const char*) {}, nullptr);
  if (conn == nullptr || PQstatus(conn) != CONNECTION_OK) {
    return Error::Storage(fmt::format("cannot reach the database {}: {}", c->shown_url_,
                                      conn ? Trimmed(PQerrorMessage(conn)) : "out of memory"));
  }
  c->lock_timeout_ms_ = lock_timeout_ms;
  TPMKIT_RETURN_IF_ERROR(c->Configure());
  return c;
}

Status Connection::Configure() {
  // A waiting writer gives up after the busy timeout (kBusy), as SQLite's does.
  return ForEach(
      "SELECT set_config('lock_timeout', ?, false)", [](const Row&) {},
      std::to_string(lock_timeout_ms_) + "ms");
}

Status Connection::Reset() {
  PQreset(conn_);
  prepared_.clear();  // they lived in the old session
  changes_ = 0;
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Error::Storage(fmt::format("cannot reach the database {}: {}", shown_url_,
                                      Trimmed(PQerrorMessage(conn_))));
  }
  return Configure();
}

Connection::~Connection() {
  if (conn_) PQfinish(conn_);
}

bool Connection::lost() const { return conn_ == nullptr || PQstatus(conn_) == CONNECTION_BAD; }

Error Connection::ErrorOf(const pg_result* r) const {
  if (lost()) {
    return Error::Storage(fmt::format("lost the connection to the database {}: {}", shown_url_,
                                      Trimmed(PQerrorMessage(conn_))));
  }
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string_view code = state ? state : "";
  // lock_not_available (the lock timeout), serialization_failure, deadlock_detected.
  if (code == "55P03" || code == "40001" || code == "40P01") {
    return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
  }
  const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  return Error::Storage(primary ? std::string(primary) : Trimmed(PQerrorMessage(conn_)));
}

Error Connection::Failed(const pg_result* r) {
  Error e = ErrorOf(r);
  if (savepoint_ && !lost()) {
    PgResult undo(PQexec(conn_, ("ROLLBACK TO SAVEPOINT " + *savepoint_).c_str()));
    if (PQresultStatus(undo.get()) != PGRES_COMMAND_OK) {
      return Error::Storage(
          e.message + "; and the transaction could not be kept: " + ErrorOf(undo.get()).message);
    }
  }
  return e;
}

Status Connection::Exec(const std::string& sql) {
  PgResult r(PQexec(conn_, sql.c_str()));
  auto status = PQresultStatus(r.get());
  if (r && (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)) return OkStatus();
  return ErrorOf(r.get());
}

Status Connection::Commit() {
  PgResult r(PQexec(conn_, "COMMIT"));
  if (!r || lost()) return Error::Storage(kCommitUnknown);
  if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) return ErrorOf(r.get());
  // COMMIT of a transaction that had failed answers ROLLBACK, not an error.
  if (std::string_view(PQcmdStatus(r.get())) != "COMMIT") {
    return Error::Storage("the transaction had failed and was rolled back; nothing was saved");
  }
  return OkStatus();
}

Result<Connection::PgResult> Connection::Execute(const char* sql,
                                                 std::span<const sql::Param> params) {
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    std::string name = "tpmkit_" + std::to_string(prepared_.size());
    PgResult r(PQprepare(conn_, name.c_str(), NumberedParameters(sql).c_str(), 0, nullptr));
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) return Failed(r.get());
    it = prepared_.emplace(sql, std::move(name)).first;
  }
  std::vector<std::optional<std::string>> texts;
  texts.reserve(params.size());
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& p : params) {
    texts.push_back(ParamText(p));
    values.push_back(texts.back() ? texts.back()->c_str() : nullptr);
  }
  PgResult r(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()),
                            values.data(), nullptr, nullptr, 0));
  auto status = PQresultStatus(r.get());
  if (!r || (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)) return Failed(r.get());
  const char* tuples = PQcmdTuples(r.get());
  changes_ = (tuples && *tuples) ? std::atoll(tuples) : 0;
  return r;
}

Status Connection::RunParams(const char* sql, std::span<const sql::Param> params) {
  TPMKIT_ASSIGN_OR_RETURN(PgResult r, Execute(sql, params));
  return OkStatus();
}

Status Connection::ForEachParams(const char* sql, const std::function<void(const Row&)>& fn,
                                 std::span<const sql::Param> params) {
  TPMKIT_ASSIGN_OR_RETURN(PgResult r, Execute(sql, params));
  std::optional<Error> error;
  PgRow row(r.get(), error);
  const int n = PQntuples(r.get());
  for (int i = 0; i < n && !error; ++i) {
    row.at(i);
    fn(row);
  }
  if (error) return *std::move(error);
  return OkStatus();
}

}  // namespace tpmkit::store::postgres
