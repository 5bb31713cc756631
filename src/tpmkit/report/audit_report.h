// Audit readiness for people (the checklist with states, the automatic checks, the
// gaps) and as the JSON of `tpmkit audit --json` (cli.md).
#pragma once

#include <string>

#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::report {

std::string AuditText(const toolkit::AuditReadiness& audit, const RegisterTextOptions& o);

// {"as_of","readiness","done","applicable","overdue","unsupported","items":[{"id","status",
// "owner","due","unsupported","overdue","signoff":{"by","on"},"evidence":[{"ref","kind",
// "state"}]}],"automatic":[{"id","ok","reason"}],"gaps":[{"item","kind","text"}]};
// absent values null.
std::string AuditJson(const toolkit::AuditReadiness& audit);

}  // namespace tpmkit::report
