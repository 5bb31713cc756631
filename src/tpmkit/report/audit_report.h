// Audit readiness for people (the checklist with states, the automatic checks, the
// gaps) and as the JSON of `tpmkit audit --json` (cli.md).
#pragma once

#include <string>

#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::report {

std::string AuditText(const toolkit::AuditReadiness& audit, const RegisterTextOptions& o);

// Why relative evidence paths were looked for where they were.
enum class EvidenceRootSource {
  kOption,         // --evidence-root
  kRecorded,       // the folder of the file `apply` stored the program from
  kProgramFile,    // the folder of the program file read (-f FILE)
  kCurrentFolder,  // a workspace program with no recorded folder
};
// Where evidence was looked for: "Evidence paths were looked for under ROOT (why)." with
// how many are missing or refused there, or "" when every path evidence was found.
std::string EvidenceLookupText(const toolkit::AuditReadiness& audit, const std::string& root,
                               EvidenceRootSource source);
// How many path evidence entries are missing or refused.
size_t MissingEvidence(const toolkit::AuditReadiness& audit);

// {"as_of","readiness","done","applicable","overdue","unsupported","items":[{"id","status",
// "owner","due","unsupported","overdue","signoff":{"by","on"},"evidence":[{"ref","kind",
// "state"}]}],"automatic":[{"id","ok","reason"}],"gaps":[{"item","kind","text"}]};
// absent values null.
std::string AuditJson(const toolkit::AuditReadiness& audit);

}  // namespace tpmkit::report
