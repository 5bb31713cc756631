// Use cases on whole programs: create a workspace, apply, check, import and export a
// program file, and show a program at a glance.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/model/plan_merge.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/status.h"

namespace tpmkit::app {

// init: makes sure the workspace exists (idempotent).
struct InitWorkspaceRequest {};
struct InitWorkspaceResponse {};
Result<InitWorkspaceResponse> InitWorkspace(Env& env, const InitWorkspaceRequest& request);

// apply FILE: validates the file, then stores its program (create or replace) with one
// audit entry per changed entity, and the file's folder as the program's evidence root
// (StoreProgramOptions: audited when it changes), in one transaction. An invalid file
// changes nothing and does not create the workspace.
struct ApplyFileRequest {
  std::filesystem::path file;
};
struct ApplyFileResponse {
  ApplyResult applied;
  std::filesystem::path evidence_root;  // absolute
  std::vector<Diagnostic> warnings;     // model::ValidationWarnings, located in the file
};
Result<ApplyFileResponse> ApplyFile(Env& env, const ApplyFileRequest& request);

// apply over the API: a program file's text (YAML, or JSON which is YAML too), MS
// Project XML or a Jira CSV export, stored like apply FILE. Diagnostics name the document
// `name`.
struct ApplyDocumentRequest {
  std::string text;
  std::string name = "request body";
  std::string format = "yaml";  // yaml | mspdi | jira
  // The id the program must have (yaml), or the one it is given (mspdi, jira); empty: its
  // own.
  std::string program_id;
};
struct ApplyDocumentResponse {
  ApplyResult applied;
  std::vector<Diagnostic> warnings;  // what an import could not represent
};
// Errors: kUsage for an unknown format; the document's diagnostics (kInvalidInput);
// kInvalidInput when the program's id is not `program_id`; those of StoreProgram.
Result<ApplyDocumentResponse> ApplyDocument(Env& env, const ApplyDocumentRequest& request);

// check -f FILE: validates only. Errors: the file's diagnostics (kInvalidInput).
struct CheckFileRequest {
  std::filesystem::path file;
};
struct CheckFileResponse {
  size_t tasks = 0;
  size_t projects = 0;
  std::vector<Diagnostic> warnings;
};
Result<CheckFileResponse> CheckFile(Env& env, const CheckFileRequest& request);

// import mspdi|jira FILE: MS Project XML or a Jira CSV export into the workspace. A new
// program is stored like apply. Into a program already stored (--id EXISTING) the plan is
// merged (model::MergePlan: the projects, tasks and links, and from MS Project the start,
// status date, calendar and resources) and every register is kept. References from the
// registers to tasks the new plan lacks refuse the import (kConflict, one diagnostic each,
// nothing written) unless `prune`, which drops them (listed in `pruned`). With `dry_run`
// nothing is written and `changes` says what would change. A Jira export without any date
// starts on today (with a warning). Errors: kUsage for another format, or a project key
// given to mspdi; the file's (kInvalidInput); kConflict as above; those of StoreProgram.
struct ImportPlanRequest {
  std::string format;  // "mspdi" | "jira"
  std::filesystem::path file;
  std::string program_id;  // empty: from the file name
  std::string project;     // jira: only the issues of this Jira project key; empty: all
  bool prune = false;      // drop register references to tasks the new plan lacks
  bool dry_run = false;    // say what would change, write nothing
};
struct ImportPlanResponse {
  ApplyResult applied;  // dry run: what would be written
  size_t tasks = 0;
  std::vector<Diagnostic> warnings;
  bool merged = false;                       // into a stored program, registers kept
  std::vector<model::TaskReference> pruned;  // references dropped (prune)
  std::vector<model::EntityChange> changes;  // dry run: what would change
};
Result<ImportPlanResponse> ImportPlan(Env& env, const ImportPlanRequest& request);

// export: the program as a program file (yaml) or MS Project XML (mspdi), written to
// `output` atomically when given.
struct ExportProgramRequest {
  ProgramSource source;
  std::string format = "yaml";
  std::optional<std::filesystem::path> output;
};
struct ExportProgramResponse {
  std::string text;  // the document (also when written to `output`)
  std::vector<Diagnostic> warnings;
};
Result<ExportProgramResponse> ExportProgram(Env& env, const ExportProgramRequest& request);

// The programs of the workspace, by id.
Result<std::vector<store::ProgramSummary>> ListPrograms(Env& env);

// show: the program at a glance, as of the date in force, led by the figures the weekly
// status report gives (StatusOf): the forecast against the target and health by area.
struct ShowProgramRequest {
  ProgramSource source;
  std::optional<Date> as_of;
};
struct ShowProgramResponse {
  LoadedProgram loaded;
  Date as_of;
  std::optional<plan::Schedule> schedule;  // absent when the plan cannot be scheduled
  toolkit::ScorecardResult scorecard;
  toolkit::AuditReadiness readiness;
  // The status report's figures (forecast, health by area, earned value) with the status
  // command's defaults; absent when the plan cannot be scheduled.
  std::optional<toolkit::StatusReport> status;
};
Result<ShowProgramResponse> ShowProgram(Env& env, const ShowProgramRequest& request);

}  // namespace tpmkit::app
