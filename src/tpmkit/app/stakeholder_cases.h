// Use cases on stakeholders (computations.md section 6): the prioritization matrix with
// the communication plan (stakeholders [plan]) and logging a contact (stakeholder contact).
#pragma once

#include <optional>
#include <string>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::app {

// stakeholders [plan] [--overdue]: the matrix as of the date in force and, with
// `communication_plan`, the plan; with `overdue_only`, only the stakeholders overdue for
// contact in both. Errors: those of the program.
struct ListStakeholdersRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  bool overdue_only = false;
  bool communication_plan = false;
};
struct ListStakeholdersResponse {
  LoadedProgram loaded;
  Date as_of;  // the date in force
  toolkit::StakeholderMatrix matrix;
  std::optional<toolkit::CommunicationPlan> plan;  // only with communication_plan
};
Result<ListStakeholdersResponse> ListStakeholders(Env& env, const ListStakeholdersRequest& request);

// stakeholder contact ID --on DATE --note TEXT: appends the contact to the stakeholder's
// history and moves last_contact to it unless a later contact is already known. Errors:
// kUsage for an empty note; kNotFound for an unknown stakeholder (the known ids listed);
// those of EditProgram. A failed contact writes nothing.
struct LogContactRequest {
  std::optional<std::string> program_id;
  std::string stakeholder_id;
  Date on;
  std::string note;
};
struct LogContactResponse {
  ApplyResult applied;
  std::string stakeholder_id;
  std::string name;  // the stakeholder's name (may be empty)
  Date on;
};
Result<LogContactResponse> LogContact(Env& env, const LogContactRequest& request);

}  // namespace tpmkit::app
