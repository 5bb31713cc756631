// The weekly status report (`status`), its snapshots (`status --snapshot`) and the
// portfolio of every program in the workspace: the figures only; report/status_report.h
// writes the words and charts. Everything is as of the date in force.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/store/store.h"
#include "tpmkit/toolkit/status.h"

namespace tpmkit::app {

// The figures as a snapshot's named values, and back (unknown names are ignored, so an
// older binary reads a newer snapshot).
store::SnapshotRecord ToSnapshot(const std::string& program, const toolkit::StatusFigures& figures);
toolkit::StatusFigures FromSnapshot(const store::SnapshotRecord& snapshot);

struct ProgramStatusRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  ForecastRequest forecast;
  // Store the headline figures as the snapshot of the date in force (workspace programs
  // only), replacing one of the same date, with an audit entry.
  bool snapshot = false;
};

struct ProgramStatusResponse {
  LoadedProgram loaded;
  toolkit::StatusReport status;
};

// Errors: those of LoadProgram and of the schedule; kUsage for --snapshot on a file;
// kStorage.
Result<ProgramStatusResponse> ProgramStatus(Env& env, const ProgramStatusRequest& request);

// The status report's figures of `program` as of `as_of` (schedule, forecast, earned
// value, readiness, health; no snapshots or trail): what `status` and `show` lead with.
// Errors: those of the schedule, the forecast and earned value.
Result<toolkit::StatusReport> StatusOf(const model::Program& program, Date as_of,
                                       const ForecastRequest& forecast);

// portfolio: every program of the workspace, its headline figures (p80 vs target, score,
// readiness, budget vs EAC) and health, by id.
struct PortfolioRequest {
  std::optional<Date> as_of;
  ForecastRequest forecast;
  std::optional<std::vector<std::string>> only;  // these programs (the server: those visible)
};
struct PortfolioEntry {
  std::string id;
  std::string name;
  std::string currency;
  std::optional<toolkit::StatusFigures> figures;  // absent when the plan cannot be scheduled
  std::string problem;                            // why not, in that case
};
struct PortfolioResponse {
  std::vector<PortfolioEntry> programs;
};
Result<PortfolioResponse> Portfolio(Env& env, const PortfolioRequest& request);

}  // namespace tpmkit::app
