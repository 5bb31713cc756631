// Semantic validation of a Program: ranges, enums already typed, unique ids,
// references that must resolve, estimate ordering, progress rules, dependency cycles.
// The file reader and every command that edits a program call the same function.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::model {

// A problem with one element of the program. `path` locates it in the program file's
// structure: keys joined by '.', list items as [i] (0-based), e.g.
// "projects[0].tasks[3].depends[1].task" or "risks[2].category". The file reader maps
// a path to the line and column of that node (or its nearest present ancestor).
struct ValidationIssue {
  std::string path;
  std::string message;
  friend bool operator==(const ValidationIssue&, const ValidationIssue&) = default;
};

// All problems found, in the order of the file (top to bottom). Empty when valid.
// Linear in the size of the program (the cycle check is a DFS).
std::vector<ValidationIssue> Validate(const Program& program);

// What is valid but probably not meant, in the same form, in file order: a contact, last
// contact or sign-off dated after the program's status date (a user may mean it: the
// register was updated after the status date was last moved, and then the reports, as
// of the status date, do not see it yet). Empty without a status date. Linear.
std::vector<ValidationIssue> ValidationWarnings(const Program& program);

}  // namespace tpmkit::model
