// Use cases of audit readiness and the audit trail: the readiness checklist (with the
// evidence files' hashes and the trail's verification), recording evidence and signoffs,
// the audit pack, and reading and verifying the tamper-evident trail.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/app/evidence.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/report/audit_report.h"
#include "tpmkit/report/audit_text.h"
#include "tpmkit/store/store.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::app {

// audit: readiness as of the date in force, evidence states from the files under the
// evidence root (`evidence_root`, else the program file's folder, else for a workspace
// program the folder `apply` recorded, else the current folder), and for a workspace
// program whether the whole audit trail verifies. Errors: those of LoadProgram.
struct CheckReadinessRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  std::optional<std::filesystem::path> evidence_root;
};
struct CheckReadinessResponse {
  LoadedProgram loaded;
  std::filesystem::path evidence_root;  // where relative evidence paths were resolved
  report::EvidenceRootSource root_source = report::EvidenceRootSource::kOption;  // and why
  toolkit::AuditReadiness readiness;
  std::optional<store::VerifyResult> verification;  // nullopt for a program read from a file
};
Result<CheckReadinessResponse> CheckReadiness(Env& env, const CheckReadinessRequest& request);

// audit evidence add ITEM FILE: hashes FILE and records it on the item of a workspace
// program (AddEvidence), through EditProgram. The stored path is relative to
// `evidence_root`, else to the folder `apply` recorded (where `audit` looks), else to the
// current folder, when FILE lies under it. Errors: those
// of AddEvidence and EditProgram; nothing is written on error.
struct RecordEvidenceRequest {
  std::optional<std::string> program_id;
  std::string item;
  std::filesystem::path file;
  std::optional<std::filesystem::path> evidence_root;
};
struct RecordEvidenceResponse {
  std::string sha256;  // of FILE, lowercase hex
  size_t changed = 0;  // audit entries written (0: already recorded with that hash)
};
Result<RecordEvidenceResponse> RecordEvidence(Env& env, const RecordEvidenceRequest& request);

// Evidence sent as bytes (the server's upload): kept as EVIDENCE_ROOT/PROGRAM/ITEM/NAME
// (written atomically, never through a symbolic link planted under the root), then
// recorded as RecordEvidence does. The program, item and file names must each be one
// plain segment (letters, digits, '.', '-', '_', not starting with '.', at most 128):
// kInvalidInput otherwise, and for an empty file. A file it wrote for a refused record
// is removed again.
struct UploadEvidenceRequest {
  std::string program_id;
  std::string item;
  std::string name;
  std::string bytes;
  std::filesystem::path evidence_root;
};
struct UploadEvidenceResponse {
  std::string path;  // as recorded, relative to the root: PROGRAM/ITEM/NAME
  RecordEvidenceResponse recorded;
};
Result<UploadEvidenceResponse> UploadEvidence(Env& env, const UploadEvidenceRequest& request);

// audit signoff ITEM --by NAME [--on DATE]: the signoff is dated `on`, else the date in
// force of the program (as_of, status_date, the clock's today). Errors: those of SignOff
// and EditProgram.
struct SignOffItemRequest {
  std::optional<std::string> program_id;
  std::string item;
  std::string by;
  std::optional<Date> on;
  std::optional<Date> as_of;
};
struct SignOffItemResponse {
  Date on;             // the date recorded
  size_t changed = 0;  // audit entries written
};
Result<SignOffItemResponse> SignOffItem(Env& env, const SignOffItemRequest& request);

// audit pack -o ZIP: readiness as above, the program's audit trail (a workspace program)
// and the evidence files, written by WriteAuditPack; generated on the date in force.
// Errors: kUsage when `output` is a folder or in a folder that does not exist;
// kCheckFailed when evidence files are missing or refused and not `allow_missing` (no pack
// written; the message says where they were looked for); those of CheckReadiness, reading
// the trail and WriteAuditPack.
struct PackAuditRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  std::optional<std::filesystem::path> evidence_root;
  std::filesystem::path output;
  bool allow_missing = false;  // write the pack without the evidence that is not there
};
struct PackAuditResponse {
  AuditPackSummary summary;
  Date generated_on;
  std::optional<store::VerifyResult> verification;  // nullopt for a program read from a file
  std::filesystem::path evidence_root;              // where evidence was looked for
};
Result<PackAuditResponse> PackAudit(Env& env, const PackAuditRequest& request);

// log: the audit trail's entries matching `filter`, newest first, at most `limit` of
// them (0: all). Errors: kStorage.
struct ReadLogRequest {
  store::AuditFilter filter;
  size_t limit = 0;
};
struct ReadLogResponse {
  std::vector<store::AuditEntry> entries;
};
Result<ReadLogResponse> ReadLog(Env& env, const ReadLogRequest& request);

// audit verify: recomputes the whole hash chain and checks it against the trail's anchors
// (Transaction::VerifyAudit). When the chain verifies, also replays each program's trail
// (model::ReplayChanges) and compares the state it implies with the stored program: every
// field that differs (a direct edit, insert or delete of a data row) is in `differences`,
// and then ok is false (first_bad stays empty). A program that can no longer be read is
// reported the same way, with the reason. A broken chain or data that differ is a result,
// not an error. Errors: kStorage. O(size of the trail + size of the programs).
struct VerifyTrailRequest {};
using VerifyTrailResponse = store::VerifyResult;
Result<VerifyTrailResponse> VerifyTrail(Env& env, const VerifyTrailRequest& request);

// An entry as report/ reads it (log, log --json, the pack's audit-trail.json); it views
// `entry`, which must outlive it.
report::LogEntry ToLogEntry(const store::AuditEntry& entry);
// Views of `entries`, in their order.
std::vector<report::LogEntry> ToLogEntries(const std::vector<store::AuditEntry>& entries);

// A verification as report/ reads it (audit verify, the pack).
report::TrailVerification ToTrailVerification(const store::VerifyResult& result);

}  // namespace tpmkit::app
