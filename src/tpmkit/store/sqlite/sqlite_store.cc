// The SQLite Store: opening and migrating the file, transactions, and the glue from the
// Transaction interface to the row functions (program_rows.h, audit_rows.h,
// account_rows.h).
#include "tpmkit/store/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <string_view>
#include <utility>

#include "tpmkit/store/audit_chain.h"
#include "tpmkit/store/sql/account_rows.h"
#include "tpmkit/store/sql/audit_rows.h"
#include "tpmkit/store/sql/program_rows.h"
#include "tpmkit/store/sql/snapshot_rows.h"
#include "tpmkit/store/sqlite/sqlite_db.h"

namespace tpmkit::store::sqlite {

namespace {

struct Migration {
  std::string_view name;  // NNN_what.sql
  std::string_view sql;
};

constexpr Migration kMigrations[] = {
#include "tpmkit_sqlite_migrations.inc"
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

namespace {

// Why this process cannot write the existing workspace file at `path` ("" when it can):
// the file itself, or its folder, where SQLite must create the -wal file (unless one is
// there already).
std::string WhyNotWritable(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(path, ec)) return "";
  if (access(path.c_str(), W_OK) != 0) {
    return errno == EROFS ? "it is on a read-only file system" : "the file is read-only";
  }
  fs::path folder = fs::path(path).parent_path();
  if (folder.empty()) folder = ".";
  if (!fs::exists(path + "-wal", ec) && access(folder.c_str(), W_OK) != 0) {
    return fmt::format("its folder {} is not writable", folder.string());
  }
  return "";
}

// `path` as an SQLite URI that reads the file as immutable (no locks, no -shm file).
std::string ImmutableUri(const std::string& path) {
  std::string uri = "file:";
  for (char c : path) {
    if (c == '%' || c == '?' || c == '#') {
      uri += fmt::format("%{:02X}", static_cast<unsigned char>(c));
    } else {
      uri += c;
    }
  }
  return uri + "?immutable=1";
}

}  // namespace

struct SqliteStore::Impl {
  explicit Impl(sqlite3* handle) : db(handle) {}

  Db db;
  std::function<std::chrono::system_clock::time_point()> clock;
  bool in_transaction = false;
  std::string path;
  std::string read_only;  // why the workspace is read-only; "" when it is not

  Result<int> UserVersion() {
    int v = 0;
    TPMKIT_RETURN_IF_ERROR(
        db.ForEach("PRAGMA user_version", [&](const Row& r) { v = static_cast<int>(r.Int(0)); }));
    return v;
  }

  Status Migrate(int target) {
    TPMKIT_ASSIGN_OR_RETURN(int current, UserVersion());
    if (current > LatestSchemaVersion()) {
      return Error::Storage(fmt::format(
          "the workspace has schema version {}, newer than this tpmkit knows ({}); upgrade tpmkit",
          current, LatestSchemaVersion()));
    }
    if (current >= target) return OkStatus();
    if (!read_only.empty()) {
      return Error::Storage(fmt::format(
          "the workspace {} has schema version {} and this tpmkit reads version {}; it cannot "
          "be upgraded because {}: run any command once with write access to it",
          path, current, target, read_only));
    }
    TPMKIT_RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
    // Another process may have migrated between the check and the lock.
    auto apply = [&]() -> Status {
      TPMKIT_ASSIGN_OR_RETURN(int now, UserVersion());
      for (int v = now + 1; v <= target; ++v) {
        TPMKIT_RETURN_IF_ERROR(db.Exec(std::string(kMigrations[v - 1].sql)));
      }
      if (now < target)
        TPMKIT_RETURN_IF_ERROR(db.Exec(fmt::format("PRAGMA user_version = {}", target)));
      return db.Exec("COMMIT");
    };
    Status s = apply();
    if (!s.ok()) {
      (void)db.Exec("ROLLBACK");
      return Error{s.error().code, "cannot update the workspace schema: " + s.error().message, {}};
    }
    return OkStatus();
  }
};

namespace {

// One transaction on the store's connection.
class SqliteTransaction : public Transaction {
 public:
  SqliteTransaction(SqliteStore::Impl* s, TxnMode mode)
      : s_(s), mode_(mode), accounts_(s->db, [this](bool write) { return Usable(write); }) {}
  ~SqliteTransaction() override {
    if (done_) return;
    (void)s_->db.Exec("ROLLBACK");
    s_->in_transaction = false;
  }

  Result<std::vector<ProgramSummary>> ListPrograms() override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    std::vector<ProgramSummary> out;
    TPMKIT_RETURN_IF_ERROR(
        s_->db.ForEach("SELECT id, name FROM programs ORDER BY id", [&](const Row& r) {
          out.push_back({r.Text(0), r.Text(1)});
        }));
    return out;
  }

  Result<std::optional<model::Program>> LoadProgram(const std::string& id) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return sql::LoadProgramRows(s_->db, id);
  }

  Status PutProgram(const model::Program& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    return sql::PutProgramRows(s_->db, program);
  }

  Status DeleteProgram(const std::string& id) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    TPMKIT_RETURN_IF_ERROR(s_->db.Run("DELETE FROM programs WHERE id = ?", id));
    if (s_->db.Changes() == 0) {
      return Error::NotFound(fmt::format("no program '{}' in the workspace", id));
    }
    return s_->db.Run("DELETE FROM snapshot_figures WHERE program = ?", id);
  }

  Result<std::vector<AuditEntry>> AppendAudit(
      const std::string& actor, const std::string& program,
      const std::vector<model::EntityChange>& changes) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    sql::SqlAuditLog log(s_->db);
    return AppendToChain(log, s_->clock, actor, program, changes);
  }

  Status CopyAudit(const std::vector<AuditEntry>& entries) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    sql::SqlAuditLog log(s_->db);
    return CopyToChain(log, entries);
  }

  Result<std::vector<AuditEntry>> ReadAudit(const AuditFilter& filter) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return sql::ReadAuditRows(s_->db, filter);
  }

  Result<VerifyResult> VerifyAudit() override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    sql::SqlAuditLog log(s_->db);
    return VerifyAuditLog(log);
  }

  Result<std::string> ProgramVersion(const std::string& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    // The anchor holds the newest entry's hash per program, written with every append.
    sql::SqlAuditLog log(s_->db);
    TPMKIT_ASSIGN_OR_RETURN(std::optional<TrailAnchor> anchor, log.ReadAnchor(program));
    return anchor ? anchor->last_hash : std::string();
  }

  Result<std::vector<SnapshotRecord>> ReadSnapshots(const std::string& program) override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    return sql::ReadSnapshotRows(s_->db, program);
  }

  Status PutSnapshot(const SnapshotRecord& snapshot) override {
    TPMKIT_RETURN_IF_ERROR(Usable(true));
    return sql::PutSnapshotRows(s_->db, snapshot);
  }

  AccountRows& Accounts() override { return accounts_; }

  Status Commit() override {
    TPMKIT_RETURN_IF_ERROR(Usable(false));
    TPMKIT_RETURN_IF_ERROR(s_->db.Exec("COMMIT"));
    done_ = true;
    s_->in_transaction = false;
    return OkStatus();
  }

 private:
  Status Usable(bool write) const {
    if (done_) return Error{ErrorCode::kInternal, "the transaction is already finished", {}};
    if (write && mode_ != TxnMode::kWrite) {
      return Error{ErrorCode::kInternal, "a write in a read transaction", {}};
    }
    return OkStatus();
  }

  SqliteStore::Impl* s_;
  TxnMode mode_;
  bool done_ = false;
  sql::SqlAccountRows accounts_;
};

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const OpenOptions& options) {
  const bool memory = path == ":memory:";
  if (!memory && !options.create) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Error::NotFound(fmt::format("no workspace at {} (run `tpmkit init`)", path));
    }
  }
  std::string read_only;
  if (!memory)
    read_only = options.read_only ? "it was opened for reading only" : WhyNotWritable(path);
  int flags = SQLITE_OPEN_NOMUTEX;
  std::string name = path;
  if (read_only.empty()) {
    flags |= SQLITE_OPEN_READWRITE;
    if (options.create || memory) flags |= SQLITE_OPEN_CREATE;
  } else {
    flags |= SQLITE_OPEN_READONLY;
    // A WAL workspace keeps its -wal file while any connection has it open: without one,
    // nobody is writing.
    std::error_code ec;
    if (!std::filesystem::exists(path + "-wal", ec)) {
      flags |= SQLITE_OPEN_URI;
      name = ImmutableUri(path);
    }
  }
  sqlite3* handle = nullptr;
  int rc = sqlite3_open_v2(name.c_str(), &handle, flags, nullptr);
  // The Impl owns the handle from here, also when opening failed (SQLite may still
  // allocate one to carry the error).
  auto impl = std::make_unique<Impl>(handle);
  impl->clock = options.clock;
  impl->path = path;
  impl->read_only = read_only;
  if (rc != SQLITE_OK) {
    return Error::Storage(fmt::format("cannot open the workspace {}: {}", path,
                                      handle ? sqlite3_errmsg(handle) : sqlite3_errstr(rc)));
  }
  sqlite3_extended_result_codes(handle, 0);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  TPMKIT_RETURN_IF_ERROR(impl->db.Exec("PRAGMA foreign_keys = ON"));
  if (!memory && read_only.empty()) {
    TPMKIT_RETURN_IF_ERROR(impl->db.Exec("PRAGMA journal_mode = WAL"));
  }
  TPMKIT_RETURN_IF_ERROR(impl->db.Exec("PRAGMA synchronous = NORMAL"));
  int target = options.schema_version > 0 ? std::min(options.schema_version, LatestSchemaVersion())
                                          : LatestSchemaVersion();
  TPMKIT_RETURN_IF_ERROR(impl->Migrate(target));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TxnMode mode) {
  if (impl_->in_transaction) {
    return Error{ErrorCode::kInternal, "a transaction is already open on this workspace", {}};
  }
  if (mode == TxnMode::kWrite && !impl_->read_only.empty()) {
    return Error::Storage(
        fmt::format("cannot write to the workspace {}: {}", impl_->path, impl_->read_only));
  }
  TPMKIT_RETURN_IF_ERROR(impl_->db.Exec(mode == TxnMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
  impl_->in_transaction = true;
  return std::unique_ptr<Transaction>(std::make_unique<SqliteTransaction>(impl_.get(), mode));
}

Status SqliteStore::ExecRaw(const std::string& sql) { return impl_->db.Exec(sql); }

Result<int> SqliteStore::SchemaVersion() { return impl_->UserVersion(); }

}  // namespace tpmkit::store::sqlite
