// Words and JSON documents (cli.md) for the whole-program commands: init, apply, check,
// import and show.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/diagnostic.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/scorecard.h"

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

std::string ImportText(const StoredProgram& stored, const std::string& file, size_t tasks,
                       size_t warnings);
std::string ImportJson(const StoredProgram& stored, size_t warnings);

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

// What `show` adds to the file's own content: the plan's span and headline numbers.
struct ShowFigures {
  const std::optional<plan::Schedule>& schedule;
  const toolkit::ScorecardResult& scorecard;
  const toolkit::AuditReadiness& readiness;
};
std::string ShowText(const model::Program& program, const ShowFigures& figures);
std::string ShowJson(const model::Program& program, const ShowFigures& figures);

}  // namespace tpmkit::report
