// The audit trail and the audit commands' outcomes in words and as the JSON documents of
// cli.md: `log` lines, `audit verify`, `audit evidence add`, `audit signoff` and
// `audit pack`, and the audit trail as JSON (log --json and the pack's audit-trail.json).
// Plain values in, so that report/ needs no storage types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/diff.h"

namespace tpmkit::report {

// One audit-trail entry (store::AuditEntry's values), viewed: it refers to the entry it
// was made from, which must outlive it.
struct LogEntry {
  int64_t seq = 0;
  std::string_view at;  // "YYYY-MM-DDTHH:MM:SSZ"
  std::string_view actor;
  std::string_view program;
  const model::EntityChange& change;
  std::string_view prev_hash;  // hex SHA-256 of the entry before ("" for the first)
  std::string_view hash;       // hex SHA-256 over prev_hash and this entry
};

// "   SEQ  AT  ACTOR  ACTION ENTITY ID (PROGRAM)\n", then for an update one
// "        FIELD: OLD -> NEW\n" line per field (values over 40 characters abbreviated,
// absent ones "(none)"); a create or delete is one line (its fields are in --json).
std::string LogEntryText(const LogEntry& entry);
// What `log` prints when no entry matches.
std::string NoLogEntriesText();
// log --json: {"entries": [{"seq", "at", "actor", "program", "entity", "entity_id",
// "action", "changes": {FIELD: {"old", "new"}}, "prev_hash", "hash"}]} in the given order;
// absent values are null.
std::string AuditEntriesJson(const std::vector<LogEntry>& entries);

// A stored field that differs from what the audit trail records (store::DataDifference).
struct TrailDifference {
  std::string program;
  std::string entity;
  std::string entity_id;
  std::string field;                  // "" for an entity without fields
  std::optional<std::string> trail;   // nullopt: absent
  std::optional<std::string> stored;  // nullopt: absent
};

// The audit trail's verification (store::VerifyResult's values).
struct TrailVerification {
  bool ok = true;
  int64_t entries = 0;
  std::optional<int64_t> first_bad;
  std::string reason;
  std::vector<TrailDifference> differences;
};
// The chain's verdict in one line; when the data differ from the trail, a line saying so
// and one line per difference (the first 20, then how many more).
std::string TrailVerificationText(const TrailVerification& v);
// {"ok","entries","first_bad","reason"}, and "differences": [{"program","entity",
// "entity_id","field","trail","stored"}] (absent values null) only when there are some, so
// that the document of a valid workspace is unchanged.
std::string TrailVerificationJson(const TrailVerification& v);

// The audit pack's audit-trail.json, the file's contents (ending in a newline):
// {"program", "entries": [as AuditEntriesJson], "verification": {as TrailVerificationJson}};
// entries and verification are null when not given (a program read from a file).
std::string PackTrailJson(std::string_view program_id,
                          const std::optional<std::vector<LogEntry>>& entries,
                          const std::optional<TrailVerification>& verification);

// audit evidence add: the file recorded on an item (changed 0: already recorded).
struct RecordedEvidence {
  std::string item;
  std::string path;  // as given on the command line
  std::string sha256;
  size_t changed = 0;
};
std::string RecordedEvidenceText(const RecordedEvidence& e);
std::string RecordedEvidenceJson(const RecordedEvidence& e);  // {"item","path","sha256","changed"}

// audit signoff: who signed off an item and on which date.
struct ItemSignoff {
  std::string item;
  std::string by;
  Date on;
  size_t changed = 0;
};
std::string ItemSignoffText(const ItemSignoff& s);
std::string ItemSignoffJson(const ItemSignoff& s);  // {"item","by","on","changed"}

// audit pack: what the zip holds; trail_verified nullopt for a program read from a file.
struct WrittenPack {
  std::string pack;  // the zip's path as given
  size_t files = 0;
  size_t evidence_files = 0;
  size_t missing = 0;
  std::optional<bool> trail_verified;
};
std::string WrittenPackText(const WrittenPack& p);
// {"pack","files","evidence_files","missing","trail_verified"}
std::string WrittenPackJson(const WrittenPack& p);

}  // namespace tpmkit::report
