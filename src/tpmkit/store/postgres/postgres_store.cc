// The PostgreSQL Store: migrating the schema, transactions on pooled connections, and the
// glue from the Transaction interface to the shared row code (store/sql/).
#include "tpmkit/store/postgres/postgres_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <string_view>
#include <utility>

#include "tpmkit/store/audit_chain.h"
#include "tpmkit/store/postgres/pg_db.h"
#include "tpmkit/store/postgres/pg_pool.h"
#include "tpmkit/store/sql/account_rows.h"
#include "tpmkit/store/sql/audit_rows.h"
#include "tpmkit/store/sql/program_rows.h"
#include "tpmkit/store/sql/snapshot_rows.h"

namespace tpmkit::store::postgres {

namespace {

struct Migration {
  std::string_view name;  // NNN_what.sql
  std::string_view sql;
};

constexpr Migration kMigrations[] = {
#include "tpmkit_postgres_migrations.inc"
};

// The workspace's write lock: a transaction-scoped advisory lock keyed by "tpmk" and the
// schema, so that workspaces in different schemas of one database do not wait for each
// other. Released by COMMIT or ROLLBACK, also when the session dies.
constexpr const char* kWriteLock =
    "SELECT pg_advisory_xact_lock(1953525099, hashtext(current_schema()))";

// A read transaction sees one snapshot of the workspace, as SQLite's does.
constexpr const char* kBeginRead = "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY";

// A savepoint before each operation keeps the transaction usable after a failed
// statement (PostgreSQL would refuse everything after it until ROLLBACK), as SQLite's is.
constexpr const char* kFirstSavepoint = "SAVEPOINT tpmkit_op";
constexpr const char* kNextSavepoint = "RELEASE SAVEPOINT tpmkit_op; SAVEPOINT tpmkit_op";

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

struct PostgresStore::Impl {
  std::shared_ptr<ConnectionPool> pool;
  std::string shown_url;  // the URL without its password
  std::function<std::chrono::system_clock::time_point()> clock;
  bool read_only = false;
  std::atomic<bool> in_transaction = false;

  // A connection on which `begin` succeeded. A pooled connection may have died while idle
  // (the database restarted): then the idle ones are dropped and a new one is tried, once.
  Result<ConnectionPool::Lease> Begin(TxnMode mode) {
    for (int attempt = 0;; ++attempt) {
      TPMKIT_ASSIGN_OR_RETURN(ConnectionPool::Lease c, pool->Take());
      Status s = c->Exec(mode == TxnMode::kWrite ? "BEGIN" : kBeginRead);
      if (s.ok() && mode == TxnMode::kWrite) {
        s = c->ForEach(kWriteLock, [](const Row&) {});
        if (!s.ok() && !c->lost()) (void)c->Exec("ROLLBACK");
      }
      if (s.ok()) return c;
      if (!c->lost() || attempt > 0) return s.error();
      pool->DropIdle();
    }
  }

  Result<int> Version(Connection& c) {
    bool exists = false;
    TPMKIT_RETURN_IF_ERROR(c.ForEach("SELECT to_regclass('schema_migrations') IS NOT NULL",
                                     [&](const Row& r) { exists = r.Text(0) == "t"; }));
    if (!exists) return 0;
    int v = 0;
    TPMKIT_RETURN_IF_ERROR(c.ForEach("SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                                     [&](const Row& r) { v = static_cast<int>(r.Int(0)); }));
    return v;
  }

  Status Migrate(int target, bool create) {
    TPMKIT_ASSIGN_OR_RETURN(ConnectionPool::Lease c, pool->Take());
    TPMKIT_ASSIGN_OR_RETURN(int current, Version(*c));
    if (current == 0 && !create) {
      return Error::NotFound(fmt::format("no workspace at {} (run `tpmkit init`)", shown_url));
    }
    if (current > LatestSchemaVersion()) {
      return Error::Storage(fmt::format(
          "the workspace has schema version {}, newer than this tpmkit knows ({}); upgrade tpmkit",
          current, LatestSchemaVersion()));
    }
    if (current >= target) return OkStatus();
    if (read_only) {
      return Error::Storage(fmt::format(
          "the workspace {} has schema version {} and this tpmkit reads version {}; it cannot "
          "be upgraded because it was opened for reading only: run any command once with write "
          "access to it",
          shown_url, current, target));
    }
    // Under the write lock: another process may be migrating too.
    auto apply = [&]() -> Status {
      TPMKIT_RETURN_IF_ERROR(c->Exec("BEGIN"));
      TPMKIT_RETURN_IF_ERROR(c->ForEach(kWriteLock, [](const Row&) {}));
      TPMKIT_RETURN_IF_ERROR(
          c->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
                  "name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"));
      TPMKIT_ASSIGN_OR_RETURN(int now, Version(*c));
      for (int v = now + 1; v <= target; ++v) {
        TPMKIT_RETURN_IF_ERROR(c->Exec(std::string(kMigrations[v - 1].sql)));
        TPMKIT_RETURN_IF_ERROR(c->Run("INSERT INTO schema_migrations (version, name) VALUES (?, ?)",
                                      v, kMigrations[v - 1].name));
      }
      return c->Commit();
    };
    Status s = apply();
    if (!s.ok()) {
      if (!c->lost()) (void)c->Exec("ROLLBACK");
      return Error{s.error().code, "cannot update the workspace schema: " + s.error().message, {}};
    }
    return OkStatus();
  }
};

namespace {

// One transaction on a connection of its own.
class PgTransaction : public Transaction {
 public:
  PgTransaction(PostgresStore::Impl* s, ConnectionPool::Lease c, TxnMode mode)
      : s_(s),
        c_(std::move(c)),
        mode_(mode),
        accounts_(*c_, [this](bool write) { return Usable(write); }) {}
  ~PgTransaction() override {
    if (done_) return;  // Commit let the store begin the next one
    if (!c_->lost()) {
      c_->set_savepoint(std::nullopt);
      (void)c_->Exec("ROLLBACK");
    }
    s_->in_transaction = false;
  }

  Result<std::vector<ProgramSummary>> ListPrograms() override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&]() -> Result<std::vector<ProgramSummary>> {
      std::vector<ProgramSummary> out;
      TPMKIT_RETURN_IF_ERROR(
          c_->ForEach("SELECT id, name FROM programs ORDER BY id", [&](const Row& r) {
            out.push_back({r.Text(0), r.Text(1)});
          }));
      return out;
    });
  }

  Result<std::optional<model::Program>> LoadProgram(const std::string& id) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&] { return sql::LoadProgramRows(*c_, id); });
  }

  Status PutProgram(const model::Program& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    return sql::PutProgramRows(*c_, program);
  }

  Status DeleteProgram(const std::string& id) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    TPMKIT_RETURN_IF_ERROR(c_->Run("DELETE FROM programs WHERE id = ?", id));
    if (c_->Changes() == 0) {
      return Error::NotFound(fmt::format("no program '{}' in the workspace", id));
    }
    return c_->Run("DELETE FROM snapshot_figures WHERE program = ?", id);
  }

  Result<std::vector<AuditEntry>> AppendAudit(
      const std::string& actor, const std::string& program,
      const std::vector<model::EntityChange>& changes) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    // The write lock taken at Begin makes this the only append in flight on the workspace.
    sql::SqlAuditLog log(*c_);
    return AppendToChain(log, s_->clock, actor, program, changes);
  }

  Status CopyAudit(const std::vector<AuditEntry>& entries) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    sql::SqlAuditLog log(*c_);
    return CopyToChain(log, entries);
  }

  Result<std::vector<AuditEntry>> ReadAudit(const AuditFilter& filter) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&] { return sql::ReadAuditRows(*c_, filter); });
  }

  Result<VerifyResult> VerifyAudit() override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&] {
      sql::SqlAuditLog log(*c_);
      return VerifyAuditLog(log);
    });
  }

  Result<std::string> ProgramVersion(const std::string& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&]() -> Result<std::string> {
      sql::SqlAuditLog log(*c_);
      TPMKIT_ASSIGN_OR_RETURN(std::optional<TrailAnchor> anchor, log.ReadAnchor(program));
      return anchor ? anchor->last_hash : std::string();
    });
  }

  Result<std::vector<SnapshotRecord>> ReadSnapshots(const std::string& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return Read([&] { return sql::ReadSnapshotRows(*c_, program); });
  }

  Status PutSnapshot(const SnapshotRecord& snapshot) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    return sql::PutSnapshotRows(*c_, snapshot);
  }

  AccountRows& Accounts() override { return accounts_; }

  Status Commit() override {
    if (done_) return Error{ErrorCode::kInternal, "the transaction is already finished", {}};
    c_->set_savepoint(std::nullopt);
    done_ = true;
    s_->in_transaction = false;
    return c_->Commit();
  }

 private:
  // The transaction's checks, then a fresh savepoint for the operation that follows.
  Status Usable(bool write) {
    if (done_) return Error{ErrorCode::kInternal, "the transaction is already finished", {}};
    if (write && mode_ != TxnMode::kWrite) {
      return Error{ErrorCode::kInternal, "a write in a read transaction", {}};
    }
    c_->set_savepoint(std::nullopt);
    Status s = c_->Exec(savepoint_set_ ? kNextSavepoint : kFirstSavepoint);
    if (!s.ok() && Repeatable()) s = Reconnect();
    if (!s.ok()) return s;
    savepoint_set_ = true;
    c_->set_savepoint("tpmkit_op");
    return OkStatus();
  }

  // Whether what failed may be run again on a new connection: a read transaction that has
  // had no answer yet, whose connection is gone.
  bool Repeatable() const { return mode_ == TxnMode::kRead && !answered_ && c_->lost(); }

  // The lost connection opened again, in a new read transaction. (The same Connection
  // object: the account rows hold it.) The pool's idle connections are lost too.
  Status Reconnect() {
    s_->pool->DropIdle();
    c_->set_savepoint(std::nullopt);
    TPMKIT_RETURN_IF_ERROR(c_->Reset());
    TPMKIT_RETURN_IF_ERROR(c_->Exec(kBeginRead));
    TPMKIT_RETURN_IF_ERROR(c_->Exec(kFirstSavepoint));
    savepoint_set_ = true;
    c_->set_savepoint("tpmkit_op");
    return OkStatus();
  }

  // Runs a read; once more on a new connection when the first try lost its connection
  // before any answer of this transaction.
  template <typename F>
  auto Read(F&& read) -> decltype(read()) {
    auto r = read();
    if (!r.ok() && Repeatable() && Reconnect().ok()) r = read();
    if (r.ok()) answered_ = true;
    return r;
  }

  PostgresStore::Impl* s_;
  ConnectionPool::Lease c_;
  TxnMode mode_;
  bool done_ = false;
  bool savepoint_set_ = false;
  bool answered_ = false;
  sql::SqlAccountRows accounts_;
};

}  // namespace

PostgresStore::PostgresStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresStore::~PostgresStore() = default;

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url,
                                                           const OpenOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->pool = ConnectionPool::For(url, options.busy_timeout_ms);
  impl->shown_url = RedactUrl(url);
  impl->clock = options.clock;
  impl->read_only = options.read_only;
  int target = options.schema_version > 0 ? std::min(options.schema_version, LatestSchemaVersion())
                                          : LatestSchemaVersion();
  TPMKIT_RETURN_IF_ERROR(impl->Migrate(target, options.create));
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(impl)));
}

Result<std::unique_ptr<Transaction>> PostgresStore::Begin(TxnMode mode) {
  if (mode == TxnMode::kWrite && impl_->read_only) {
    return Error::Storage(
        fmt::format("cannot write to the workspace {}: it was opened for "
                    "reading only",
                    impl_->shown_url));
  }
  if (impl_->in_transaction.exchange(true)) {
    return Error{ErrorCode::kInternal, "a transaction is already open on this workspace", {}};
  }
  auto c = impl_->Begin(mode);
  if (!c.ok()) {
    impl_->in_transaction = false;
    return c.error();
  }
  return std::unique_ptr<Transaction>(
      std::make_unique<PgTransaction>(impl_.get(), std::move(c).value(), mode));
}

Status PostgresStore::ExecRaw(const std::string& sql) {
  TPMKIT_ASSIGN_OR_RETURN(ConnectionPool::Lease c, impl_->pool->Take());
  return c->Exec(sql);
}

Result<int> PostgresStore::SchemaVersion() {
  TPMKIT_ASSIGN_OR_RETURN(ConnectionPool::Lease c, impl_->pool->Take());
  return impl_->Version(*c);
}

}  // namespace tpmkit::store::postgres
