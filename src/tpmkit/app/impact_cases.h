// impact: quantified outcome statements for a review or a promotion case
// (toolkit/impact.h), from the program and, for a workspace program, its audit trail.
#pragma once

#include <optional>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/store/store.h"
#include "tpmkit/toolkit/impact.h"

namespace tpmkit::app {

// The statements as of the date in force. A workspace program's trail (its entries up to
// that date) is read in the same transaction as the program, so the two agree; a file
// (-f) has no trail, so only data-derived statements are made. Errors: those of
// LoadProgram and of reading the trail (kStorage).
struct ImpactStatementsRequest {
  ProgramSource source;
  std::optional<Date> as_of;
};
struct ImpactStatementsResponse {
  LoadedProgram loaded;
  Date as_of;  // the date in force
  toolkit::ImpactReport report;
};
Result<ImpactStatementsResponse> ImpactStatements(Env& env, const ImpactStatementsRequest& request);

// A program's trail entries (any order) as the toolkit reads them, oldest first. An entry
// whose timestamp does not start with a date is a kStorage error.
Result<std::vector<toolkit::TrailEntry>> ToTrailEntries(
    const std::vector<store::AuditEntry>& entries);

}  // namespace tpmkit::app
