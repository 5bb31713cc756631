// Words and JSON documents (cli.md) for the whole-program commands: init, apply, check,
// import and show.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/diagnostic.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/model/plan_merge.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/status.h"

namespace tpmkit::report {

std::string InitText(const std::string& workspace);
std::string InitJson(const std::string& workspace);

// What storing a program did: created, unchanged or how many changes were recorded.
struct StoredProgram {
  std::string program;
  bool created = false;
  size_t changed = 0;  // audit entries written
};
std::string ApplyText(const StoredProgram& stored);
std::string ApplyJson(const StoredProgram& stored);  // {"program","created","changed"}
// After `apply` moved a program's evidence root: where `audit` looks now, and looked before.
std::string EvidenceRootMovedText(const std::string& program, const std::string& from,
                                  const std::string& to);

// What an import did (or, in a dry run, would do).
struct ImportOutcome {
  StoredProgram stored;
  std::string file;
  size_t tasks = 0;
  size_t warnings = 0;
  bool merged = false;                              // into a stored program, its registers kept
  bool dry_run = false;                             // nothing was written
  const std::vector<model::TaskReference>& pruned;  // register references dropped
  const std::vector<model::EntityChange>& changes;  // dry run: what would change
};
// One line of what happened; after a merge with --prune the references dropped; in a dry
// run the changes, one line each ("update task build: duration, depends"), at most
// `max_changes` of them (the rest counted: --json lists them all).
std::string ImportText(const ImportOutcome& outcome, size_t max_changes = 40);
// {"program","created","changed","warnings","merged","dry_run","pruned":[{"path","owner",
// "task"}]} and in a dry run "changes":[{"action","entity","id","fields":[{"field","old",
// "new"}]}] (absent values null).
std::string ImportJson(const ImportOutcome& outcome);

std::string CheckOkText(const std::string& file, size_t tasks, size_t projects);
// {"ok", "errors":[{"file","line","column","message"}]}; an error without diagnostics
// is reported at line 0 of `file`.
std::string CheckJson(const std::string& file, const std::vector<Diagnostic>& errors,
                      const std::string& message, bool ok);

// A program as the list of programs shows it, with the reader's role on it.
struct ListedProgram {
  std::string id;
  std::string name;
  std::string role;  // viewer | editor | owner
};
// {"programs": [{"id","name","role"}]}
std::string ProgramListJson(const std::vector<ListedProgram>& programs);
// One line per program: id and name (and the role when given).
std::string ProgramListText(const std::vector<ListedProgram>& programs);

// What `show` adds to the file's own content: the plan's span and headline numbers, led
// by the status report's figures when there are some (the forecast against the target,
// health by area, the money: the same numbers as `status`).
struct ShowFigures {
  const std::optional<plan::Schedule>& schedule;
  const toolkit::ScorecardResult& scorecard;
  const toolkit::AuditReadiness& readiness;
  const toolkit::StatusReport* status = nullptr;  // null when the plan cannot be scheduled
};
std::string ShowText(const model::Program& program, const ShowFigures& figures);
std::string ShowJson(const model::Program& program, const ShowFigures& figures);

}  // namespace tpmkit::report
