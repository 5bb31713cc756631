// The documents of an audit pack: the index page (index.html: the checklist with each
// item's state, its evidence with the hashes, the automatic checks, the gaps and the audit
// trail's verification, readable in any browser without network access) and the manifest
// of the packed evidence (manifest.json, manifest.sha256). The pack's audit-trail.json is
// PackTrailJson (audit_text.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::report {

struct PackedEvidence {
  std::string item;
  std::string path;       // as written in the program
  std::string packed_as;  // path inside the zip; empty when the file is missing
  std::string sha256;     // actual hash; empty when missing
  std::string expected;   // hash recorded in the program; may be empty
  std::string state;      // toolkit::EvidenceStateName
};

struct TrailSummary {
  bool known = false;  // false for a program read from a file
  bool ok = false;
  long entries = 0;  // entries of the whole workspace chain
  long program_entries = 0;
  std::optional<long> first_bad;
  std::string reason;
};

struct AuditPackIndex {
  std::string program_id;
  std::string program_name;
  std::string generated_on;
  toolkit::AuditReadiness readiness;
  std::vector<PackedEvidence> evidence;
  TrailSummary trail;
};

// A complete HTML5 document; every text is HTML-escaped.
std::string AuditPackIndexHtml(const AuditPackIndex& index);

// manifest.json, the file's contents (ending in a newline): one object per evidence row,
// in the given order, [{"item", "path", "packed_as", "sha256", "expected", "state"}];
// empty packed_as, sha256 and expected are null.
std::string PackManifestJson(const std::vector<PackedEvidence>& evidence);

// manifest.sha256, as `sha256sum -c` reads it: "SHA256  PACKED_AS\n" for the first row of
// each packed path (missing files and repeated paths have no line).
std::string PackManifestSha256(const std::vector<PackedEvidence>& evidence);

// `text` with & < > " ' escaped.

}  // namespace tpmkit::report
