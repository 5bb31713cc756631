// The workspace: where programs and their audit trail live. Store is the seam between
// the use cases (app/) and a database; SQLite (sqlite/sqlite_store.h) and PostgreSQL
// (postgres/postgres_store.h) implement it: OpenStore (store.cc) picks the backend, the
// rows are written by the same code (sql/) and the audit chain's rules are shared
// (audit_chain.h).
//
// Every command that writes opens one write Transaction, loads what it needs, saves
// the new state and appends the audit entries of what changed, then commits: all or
// nothing. A Transaction that is destroyed without Commit() rolls back.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/accounts.h"

namespace tpmkit::store {

struct ProgramSummary {
  std::string id;
  std::string name;
};

// One entry of the tamper-evident audit trail.
struct AuditEntry {
  int64_t seq = 0;  // 1, 2, 3, ... in the order written
  std::string at;   // UTC, "YYYY-MM-DDTHH:MM:SSZ"
  std::string actor;
  std::string program;         // program id
  model::EntityChange change;  // entity, entity_id, action, field changes
  std::string prev_hash;       // hex SHA-256 of the previous entry ("" for seq 1)
  std::string hash;            // hex SHA-256 over prev_hash and the canonical entry
};

struct AuditFilter {
  std::optional<std::string> program;
  std::optional<std::string> entity;
  std::optional<std::string> actor;
  std::optional<std::string> since;  // compared with `at`: "YYYY-MM-DD" or a full timestamp
};

// A field of a stored program whose value is not the one its audit trail implies (a
// direct edit, insert or delete of a data row).
struct DataDifference {
  std::string program;  // program id
  std::string entity;   // as in the trail: "risk", "task", ...
  std::string entity_id;
  std::string field;                  // "" when the entity has no fields on either side
  std::optional<std::string> trail;   // the value the trail implies (nullopt: absent)
  std::optional<std::string> stored;  // the value stored (nullopt: absent)
};

struct VerifyResult {
  bool ok = true;
  int64_t entries = 0;
  std::optional<int64_t> first_bad;  // seq of the first entry that does not verify
  std::string reason;                // in words, when not ok
  // Filled by app::VerifyTrail (the store checks the chain only), when the chain verifies.
  std::vector<DataDifference> differences;
};

// The headline figures of a program on one date (`status --snapshot`), so that a status
// report can say what changed since last week and draw trends. The figures are named
// values in canonical text (numbers as written by the app, dates YYYY-MM-DD); the app
// layer knows their meaning (app/status_cases.h). One snapshot per program and date.
struct SnapshotRecord {
  std::string program;
  std::string taken_on;  // YYYY-MM-DD: the date in force when it was taken
  std::vector<std::pair<std::string, std::string>> figures;  // sorted by name

  friend bool operator==(const SnapshotRecord&, const SnapshotRecord&) = default;
};

enum class TxnMode { kRead, kWrite };

class Transaction {
 public:
  virtual ~Transaction() = default;

  virtual Result<std::vector<ProgramSummary>> ListPrograms() = 0;
  // nullopt when no program has that id.
  virtual Result<std::optional<model::Program>> LoadProgram(const std::string& id) = 0;
  // Stores `program` in place of any program with the same id.
  virtual Status PutProgram(const model::Program& program) = 0;
  virtual Status DeleteProgram(const std::string& id) = 0;

  // Appends one entry per change, chained to the last entry; `at` is the commit's
  // timestamp (UTC). Returns the entries as written.
  virtual Result<std::vector<AuditEntry>> AppendAudit(
      const std::string& actor, const std::string& program,
      const std::vector<model::EntityChange>& changes) = 0;
  // Entries matching the filter, newest first.
  virtual Result<std::vector<AuditEntry>> ReadAudit(const AuditFilter& filter) = 0;
  // Writes `entries` (a whole trail read from another workspace, oldest first) as they
  // are: the same seq, time and hashes, so that the chain still verifies; moves the head
  // and each program's anchor to them. For moving a workspace to another backend
  // (`tpmkit migrate`): kConflict when this trail is not empty.
  virtual Status CopyAudit(const std::vector<AuditEntry>& entries) = 0;
  // Recomputes the whole chain.
  virtual Result<VerifyResult> VerifyAudit() = 0;
  // The version of a program for optimistic concurrency (the server's ETag): the hash of
  // the newest audit entry of `program` ("" when the trail has none). O(1).
  virtual Result<std::string> ProgramVersion(const std::string& program) = 0;

  // The program's snapshots, oldest first.
  virtual Result<std::vector<SnapshotRecord>> ReadSnapshots(const std::string& program) = 0;
  // Stores `snapshot` in place of any of the same program and date.
  virtual Status PutSnapshot(const SnapshotRecord& snapshot) = 0;

  // Users, roles, sessions, tokens and failed logins (accounts.h), in this transaction.
  virtual AccountRows& Accounts() = 0;

  virtual Status Commit() = 0;
};

class Store {
 public:
  virtual ~Store() = default;
  // A write transaction takes the workspace's write lock at once (waiting up to the
  // busy timeout; ErrorCode::kBusy after that).
  virtual Result<std::unique_ptr<Transaction>> Begin(TxnMode mode) = 0;
};

struct OpenOptions {
  bool create = true;           // create the workspace when absent (else kNotFound)
  int busy_timeout_ms = 10000;  // how long a writer waits for another
  // The time that AppendAudit stamps on entries; empty: the system clock. For tests.
  std::function<std::chrono::system_clock::time_point()> clock = nullptr;
  // Bring the schema only up to this version (0: the newest). For migration tests.
  int schema_version = 0;
  // Open for reading only, even when the file could be written. A workspace this process
  // may not write (the file, or its folder) is opened so anyway. Either way reads work and
  // a write transaction is refused (kStorage, saying why).
  bool read_only = false;
};

// Opens the workspace named by `url`: a file path or sqlite://path (SQLite), ":memory:"
// (a private SQLite database), or a postgresql:// or postgres:// URL (PostgreSQL,
// postgres/postgres_store.h).
Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const OpenOptions& options = {});

// `url` as it may be shown: a PostgreSQL URL's password (user:password@, password=) is
// replaced by "***"; other URLs are returned as they are.
std::string RedactUrl(const std::string& url);

}  // namespace tpmkit::store
