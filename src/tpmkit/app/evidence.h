// Audit evidence on disk: SHA-256 of evidence files (base/sha256.h), the evidence states
// of a program (computations.md §8), recording new evidence and signoffs, and the audit
// pack (a zip written with formats::ZipWriter: index.html, the evidence files, a
// manifest of their hashes, the audit trail as JSON and its verification).
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/store.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::app {

// Lowercase hex SHA-256 (tpmkit::Sha256Hex) of a file's contents. kInvalidInput when it
// cannot be read.
Result<std::string> Sha256File(const std::filesystem::path& path);

// Where relative evidence paths resolve: `evidence_root` when given, else `base_dir`
// (the program file's folder), else the current folder.
std::filesystem::path EvidenceRoot(const std::optional<std::filesystem::path>& evidence_root,
                                   const std::filesystem::path& base_dir);

// Where an evidence path of a program leads. Evidence is read only from inside the
// evidence root: an absolute path, a path with a ".." part, or a path whose file (every
// symbolic link followed) lies outside the root is refused, never read and never packed.
struct EvidenceLocation {
  std::filesystem::path file;  // the regular file it names (symbolic links resolved); empty
                               // when refused or when there is no such regular file
  std::string refused;         // why the path is refused ("an absolute path; ..."); empty if not
};

// Resolves `path` (as written in a program) under `root` (canonicalized, so a root that is
// itself a symbolic link is fine). Touches the file system (stat, no reads); a path is
// resolved again where it is read, which opens the file without following a last
// symbolic link and reads only a regular file.
EvidenceLocation ResolveEvidencePath(std::string_view path, const std::filesystem::path& root);

// The name of an evidence path inside the zip: "evidence/" + the path's '/'-separated parts
// ("." and empty parts dropped; a path already starting with evidence/ is not nested
// twice), each part made safe for every unzip tool: a backslash, ':' or a control
// character becomes '_', ".." becomes "__". Always a formats::ZipWriter::IsSafeName.
std::string PackedName(std::string_view path);

// The actual SHA-256 of every path evidence of the program whose file is under `root`
// (path as written -> hex hash); absent files and refused paths (ResolveEvidencePath) are
// not keys (§8: missing).
std::map<std::string, std::string> HashEvidence(const model::Program& program,
                                                const std::filesystem::path& root);

// The evidence paths of the program that ResolveEvidencePath refuses under `root`.
std::set<std::string> RefusedEvidence(const model::Program& program,
                                      const std::filesystem::path& root);

// `audit evidence add ITEM FILE`: hashes FILE and records {path, sha256} on the item
// (creating the item, not_started, when it is a default id the program leaves out).
// The stored path is FILE relative to `root` (symbolic links resolved), where `audit`
// looks for it. Evidence with the same path is replaced (its hash refreshed).
// Errors: kInvalidInput when FILE cannot be read or does not lie under `root`; kNotFound
// for an item that is neither in the program nor a default id. Returns the SHA-256 stored.
Result<std::string> AddEvidence(model::Program& program, const std::string& item,
                                const std::filesystem::path& file,
                                const std::filesystem::path& root);

// `audit signoff ITEM --by NAME --on DATE`: sets the item's signoff (creating a default
// item as above). Errors: kNotFound as above; kInvalidInput for an empty name.
Status SignOff(model::Program& program, const std::string& item, const std::string& by, Date on);

struct AuditPackInput {
  model::Program program;
  toolkit::AuditReadiness readiness;
  std::filesystem::path evidence_root;
  // The audit trail of the program (newest first, as ReadLog returns it) and the
  // verification of the whole chain; nullopt for a program read from a file.
  std::optional<std::vector<store::AuditEntry>> trail;
  std::optional<store::VerifyResult> verification;
  // The date in force (--as-of, else status_date, else today): printed in the index and
  // the modification time (00:00 UTC) of the files the pack generates, so that packing
  // the same workspace on the same date gives the same index, manifest and trail files.
  Date generated_on;
};

struct AuditPackSummary {
  size_t files = 0;           // entries written to the zip
  size_t evidence_files = 0;  // evidence files included
  size_t missing = 0;         // evidence paths not packed: file absent, or path refused
};

// Writes the zip: index.html; evidence/<path> (PackedName) for each present evidence file
// under the evidence root (with the file's own modification time; the generated files carry
// `generated_on`), each file once, and a name that meets an earlier one (ignoring ASCII
// case) numbered "~2", "~3" before its extension; manifest.json
// [{"item","path","packed_as","sha256","expected","state"}] (state "refused" for a path
// ResolveEvidencePath refuses) and manifest.sha256 ("HASH  evidence/PATH" lines, as
// sha256sum -c reads them); audit-trail.json
// {"program","entries":[...],"verification":{"ok","entries","first_bad","reason"}} (the
// entries are null and verification null for a file). The documents are report/'s
// (audit_pack_index.h, audit_text.h); this gathers the files. Written with WriteTextFile
// (a new temporary beside `out`, renamed over it), so a failed pack leaves nothing behind.
// Errors: kInvalidInput when the output cannot be written.
Result<AuditPackSummary> WriteAuditPack(const std::filesystem::path& out,
                                        const AuditPackInput& input);

}  // namespace tpmkit::app
