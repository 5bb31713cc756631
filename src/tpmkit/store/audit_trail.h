// The tamper-evident audit trail: the canonical form of an entry, its SHA-256 hash
// chained to the previous entry, and the check of a whole chain. Pure functions; every
// Store uses them, so all backends write and verify the same hashes. The format is
// documented in docs/audit-trail.md for auditors who re-verify with other tools.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store {

// The one-row record of the newest entry, written with every append, so that removing
// the newest entries is detected too.
struct AuditHead {
  int64_t last_seq = 0;
  std::string last_hash;  // "" when the trail is empty
};

// The changes as a JSON array in RFC 8785 (JCS) form: [{"field":..,"new":..,"old":..}],
// absent values as null. This is the text stored in the trail's `changes` column.
std::string CanonicalChangesJson(const std::vector<model::FieldChange>& changes);

// Reads text written by CanonicalChangesJson (any valid JSON of that shape is accepted).
// kStorage error when the text is not such JSON.
Result<std::vector<model::FieldChange>> ParseChangesJson(std::string_view json);

// The entry {seq, at, actor, program, entity, entity_id, action, changes} as JCS JSON
// (keys sorted, no whitespace). prev_hash and hash are not part of it.
std::string CanonicalEntryJson(const AuditEntry& entry);

// Lowercase hex SHA-256 (tpmkit::Sha256) of `prev_hash + "\n" + CanonicalEntryJson(entry)`.
std::string ComputeEntryHash(std::string_view prev_hash, const AuditEntry& entry);
// The same, when the caller already holds CanonicalChangesJson(entry.change.changes).
std::string ComputeEntryHash(std::string_view prev_hash, const AuditEntry& entry,
                             std::string_view changes_json);

// Checks a chain entry by entry, so that a store can stream a long trail through it.
// Entries must be added in ascending seq order (the order of the store's key).
class ChainVerifier {
 public:
  void Add(const AuditEntry& entry);
  // The same, with the entry's canonical changes JSON already at hand (a store that has
  // just checked the stored text is canonical), so it is not built again.
  void Add(const AuditEntry& entry, std::string_view changes_json);
  // An entry the store could not even read back (e.g. its changes are not valid JSON).
  void AddUnreadable(int64_t seq, std::string reason);
  // The verdict, given the head record (nullopt when the store has none).
  VerifyResult Finish(const std::optional<AuditHead>& head) const;

 private:
  void Bad(int64_t seq, std::string reason);

  int64_t count_ = 0;
  int64_t expected_seq_ = 1;
  std::string prev_hash_;
  std::optional<int64_t> first_bad_;
  std::string reason_;
};

// Verifies `entries` (ascending seq, as stored) against `head`. Reports the first seq
// that does not verify: an edited entry (its hash no longer matches), a missing entry
// (the gap's first seq), swapped entries (the first of them), entries removed from the
// end (the first removed seq, from the head). O(total size of the entries).
VerifyResult VerifyChain(const std::vector<AuditEntry>& entries,
                         const std::optional<AuditHead>& head);

}  // namespace tpmkit::store
