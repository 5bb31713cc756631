// Use cases on change control: the change requests with the budget position (changes),
// assessing one by simulating the program with and without it (changes assess),
// approving or rejecting it (changes approve|reject) and implementing it (changes
// implement). Edits go through EditProgram; a refused edit writes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/money_position.h"

namespace tpmkit::app {

// changes: the program's change requests (in loaded.program.changes) and its money
// position as of the date in force (without an EAC when the plan cannot be scheduled).
// Errors: those of the program.
struct ListChangesRequest {
  ProgramSource source;
  std::optional<Date> as_of;
};
struct ListChangesResponse {
  LoadedProgram loaded;
  toolkit::MoneyPosition money;
};
Result<ListChangesResponse> ListChanges(Env& env, const ListChangesRequest& request);

// changes assess ID: the program simulated without and with the change (same iterations
// and seed) as of the date in force, and the recommendation by rule. Errors: kUsage for
// iterations < 1; kNotFound for an unknown change; those of the program and the
// simulation. O(iterations * (tasks + links)).
struct AssessChangeRequest {
  ProgramSource source;
  std::string change_id;
  std::optional<Date> as_of;
  int iterations = 10000;
  uint64_t seed = 1;
};
struct AssessChangeResponse {
  LoadedProgram loaded;
  Date as_of;  // the date in force
  int iterations = 0;
  uint64_t seed = 0;
  toolkit::ChangeAssessment assessment;
};
Result<AssessChangeResponse> AssessChange(Env& env, const AssessChangeRequest& request);

// changes approve|reject ID --by NAME: appends the approval (or rejection), dated `on`,
// else the date in force, and sets the change's status. Errors: kUsage for an empty
// `by`; those of toolkit::RecordChangeDecision (kNotFound, kConflict) and EditProgram.
struct DecideChangeRequest {
  std::optional<std::string> program_id;
  std::string change_id;
  model::ApprovalDecision decision = model::ApprovalDecision::kApproved;
  std::string by;
  std::string note;
  std::optional<Date> on;
  std::optional<Date> as_of;
};
struct DecideChangeResponse {
  ApplyResult applied;
  std::string change_id;
  model::ChangeStatus status = model::ChangeStatus::kProposed;  // after the decision
  model::Approval approval;                                     // as recorded
};
Result<DecideChangeResponse> DecideChange(Env& env, const DecideChangeRequest& request);

// changes implement ID: adds an approved change's tasks to the plan and marks it
// implemented. Errors: those of toolkit::ImplementChange (kNotFound, kConflict unless
// approved, kInvalidInput for a task id already taken) and EditProgram.
struct ImplementChangeRequest {
  std::optional<std::string> program_id;
  std::string change_id;
};
struct ImplementChangeResponse {
  ApplyResult applied;
  std::string change_id;
  size_t tasks_added = 0;
};
Result<ImplementChangeResponse> ImplementChange(Env& env, const ImplementChangeRequest& request);

}  // namespace tpmkit::app
