// Audit readiness (computations.md section 8): the checklist with each item's state,
// the readiness percentage, evidence states, the gaps in words, and the automatic
// checks of what the workspace itself can prove. Hashing files is the caller's job:
// the actual SHA-256 of each evidence path comes in as a map.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

enum class EvidenceState {
  kVerified,    // path + sha256, and the file's SHA-256 matches
  kChanged,     // path + sha256, and the file's SHA-256 differs
  kMissing,     // path, and the file is absent
  kUnverified,  // path without sha256, and the file is present: nothing to compare
  kUnchecked,   // path, and the caller looked at no files (AuditInputs::file_sha256 absent)
  kLinked,      // url only: tpmkit does not fetch links
  kRefused,     // path outside the evidence root (absolute, "..", a link out): never read
};
std::string_view EvidenceStateName(EvidenceState s);

struct EvidenceRow {
  std::string ref;  // the path, else the url
  bool is_path = false;
  EvidenceState state = EvidenceState::kLinked;
};

struct AuditItemRow {
  std::string id;
  bool default_item = false;  // one of model::DefaultAuditItemIds()
  bool in_file = false;       // false: a default item the file leaves out (not_started)
  model::AuditStatus status = model::AuditStatus::kNotStarted;
  std::string owner;
  std::optional<Date> due;
  std::optional<model::Signoff> signoff;
  std::string note;
  bool unsupported = false;  // done, but without evidence or without signoff
  bool overdue = false;      // due < as_of, and neither done nor not_applicable
  std::vector<EvidenceRow> evidence;
};

// A check of something the workspace can prove by itself. `ok` is nullopt when it
// cannot tell (change_trail read from a file).
struct AutomaticCheck {
  std::string id;  // the checklist item it supports
  std::optional<bool> ok;
  std::string reason;  // one sentence with the numbers
};

enum class GapKind {
  kUnsupported,
  kOverdue,
  kNotStarted,
  kEvidenceChanged,
  kEvidenceMissing,
  kEvidenceRefused,
  kContradicted,  // marked done, but the automatic check of the item fails
};
std::string_view GapKindName(GapKind k);

struct Gap {
  std::string item;
  GapKind kind = GapKind::kNotStarted;
  std::string text;  // one or two sentences, ready to print
};

struct AuditInputs {
  Date as_of;
  // Evidence path (as written in the file) -> the file's actual SHA-256 in hex; a path
  // that is not a key is a missing file. nullopt: no file was looked at, so path
  // evidence is `unchecked`.
  std::optional<std::map<std::string, std::string>> file_sha256;
  // Whether the workspace's audit trail verifies; nullopt when unknown (a file).
  std::optional<bool> trail_verified;
  // Evidence paths refused because they lie outside the evidence root; `refused`, not
  // `missing`, whatever file_sha256 says.
  std::set<std::string> refused_paths;
};

struct AuditReadiness {
  Date as_of;
  std::optional<double> readiness;  // 100 * done / applicable; nullopt when none applies
  int done = 0;
  int applicable = 0;
  int overdue = 0;
  int unsupported = 0;
  std::optional<int> retention_years;
  std::vector<AuditItemRow> items;  // the ten default ids in order, then the file's others
  std::vector<AutomaticCheck> automatic;
  std::vector<Gap> gaps;  // in item order; per item: the item's state, then its evidence
};

// The automatic checks, in this order: change_trail, approvals, risk_assessments,
// compliance_escalation.
std::vector<AutomaticCheck> AutomaticAuditChecks(const model::Program& program,
                                                 const AuditInputs& inputs);

// Section 8 over program.audit (absent: every default item is not_started).
AuditReadiness ComputeAuditReadiness(const model::Program& program, const AuditInputs& inputs);

}  // namespace tpmkit::toolkit
