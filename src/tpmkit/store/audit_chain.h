// The audit chain's operations, shared by every backend: read the head, append entries
// chained to it, decode stored rows, verify the whole chain. A backend provides only
// the rows (AuditLog, in its own SQL); the hashing and the rules live here once, so
// every backend writes and verifies the same chain.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/store/audit_trail.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store {

// One stored entry as a backend keeps it: `action` spelled as model::Name, `changes` as
// CanonicalChangesJson.
struct AuditRow {
  int64_t seq = 0;
  std::string at;
  std::string actor;
  std::string program;
  std::string entity;
  std::string entity_id;
  std::string action;
  std::string changes;
  std::string prev_hash;
  std::string hash;
};

// What the trail must hold for one program, kept apart from the trail and written with
// every append: the number of its entries and the hash of its newest one. Deleting or
// truncating the trail (with its head) leaves the anchor behind, so it is detected.
struct TrailAnchor {
  std::string program;
  int64_t entries = 0;
  std::string last_hash;
};

// The rows of a backend's audit trail, inside the caller's transaction.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  // The head record; nullopt when the store has none (removed, or never created).
  virtual Result<std::optional<AuditHead>> ReadHead() = 0;
  virtual Status WriteHead(const AuditHead& head) = 0;
  virtual Status Insert(const AuditRow& row) = 0;
  // Calls fn for every row in ascending seq order.
  virtual Status ForEachRow(const std::function<void(const AuditRow&)>& fn) = 0;
  // The anchor of `program`; nullopt when it has none (no entries yet, or removed).
  virtual Result<std::optional<TrailAnchor>> ReadAnchor(const std::string& program) = 0;
  // Creates or replaces the anchor of anchor.program.
  virtual Status WriteAnchor(const TrailAnchor& anchor) = 0;
  // Every anchor, by program id.
  virtual Result<std::vector<TrailAnchor>> ReadAnchors() = 0;
};

struct DecodeOptions {
  // Also refuse changes that are valid JSON but not in canonical form (verification
  // hashes the canonical form, so such a row could not be checked faithfully).
  bool require_canonical = false;
};

// The entry a row holds. kStorage, with the reason, when the action is unknown or the
// changes are not valid JSON (or not canonical, under options.require_canonical).
Result<AuditEntry> DecodeAuditRow(const AuditRow& row, DecodeOptions options = {});

// Appends one entry per change to `log`, chained to its head, all stamped with one read
// of `clock` (the system clock when empty) as UTC "YYYY-MM-DDTHH:MM:SSZ", and moves the
// head to the last one and the program's anchor (TrailAnchor) along. Returns the entries as
// written. kStorage when the head record is missing (the chain cannot be extended safely); the
// backend's errors otherwise. O(size of the changes).
Result<std::vector<AuditEntry>> AppendToChain(
    AuditLog& log, const std::function<std::chrono::system_clock::time_point()>& clock,
    const std::string& actor, const std::string& program,
    const std::vector<model::EntityChange>& changes);

// Writes `entries` (oldest first) into the empty `log` as they are, then the head and the
// anchors they imply (Transaction::CopyAudit). kConflict when the log has entries already.
Status CopyToChain(AuditLog& log, const std::vector<AuditEntry>& entries);

// Recomputes the whole chain of `log` against its head (see ChainVerifier); rows that
// cannot be decoded count as bad entries. Then checks each program's entries against its
// anchor: fewer or more entries than the anchor records, a newest hash that differs, or
// entries of a program without an anchor are reported (first_bad: the seq after the
// program's last entry left, 1 when none is left; its last entry when only the hash
// differs). O(total size of the trail).
Result<VerifyResult> VerifyAuditLog(AuditLog& log);

}  // namespace tpmkit::store
