// Bringing a plan made in another tool (MS Project, Jira) into a stored program without
// losing what the program keeps beside the plan: the registers (risks, stakeholders,
// decisions, changes, audit...) stay, the plan is replaced, and the references from the
// registers to tasks the new plan no longer has are found (and, when asked, dropped).
// Pure; docs/commands/import.md has the rules.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::model {

struct PlanMergeOptions {
  // Whether the plan's format carries the program start, status date, calendar and
  // resources (MS Project does; a Jira export has none of them, so the program keeps
  // its own).
  bool schedule_settings = true;
};

// `program` with its plan taken from `plan`: the projects with their tasks and links, and
// with options.schedule_settings the start, the status date (when `plan` has one), the
// calendar and the resources (the plan's, then the program's others, so that no rate is
// lost). Everything else is `program`'s: id, name, objective, sponsor, currency, target,
// budget, assumptions, dependencies, actuals, scorecard, risks, stakeholders, decisions,
// changes, audit and targets. The result may hold references to tasks `plan` does not
// have (DanglingTaskReferences).
Program MergePlan(const Program& program, const Program& plan, const PlanMergeOptions& options);

// A reference from outside the plan to a task the program does not have.
struct TaskReference {
  std::string path;   // as model::ValidationIssue's: "risks[2].impact.tasks[0]"
  std::string owner;  // what holds it, in words: "risk R-07", "actual of 2026-03-31"
  std::string task;   // the reference as written
  friend bool operator==(const TaskReference&, const TaskReference&) = default;
};

// Every reference of the registers to a task the plan does not have, in file order:
// dependencies' tasks, actuals' task, risks' impact.tasks, decision options' scenario
// (duration_factor.tasks, remove_tasks) and the links of tasks a change would add (to
// plan tasks; links between the change's own tasks are its own). Linear.
std::vector<TaskReference> DanglingTaskReferences(const Program& program);

// Drops what DanglingTaskReferences finds: list entries are removed, an actual keeps its
// amount and date without a task (money spent stays spent), a link of a task a change
// would add is removed. Returns what was dropped (DanglingTaskReferences before).
std::vector<TaskReference> PruneTaskReferences(Program& program);

}  // namespace tpmkit::model
