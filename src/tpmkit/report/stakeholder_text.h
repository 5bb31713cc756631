// What `stakeholders` and `stakeholder contact` print around the matrix and the plan
// (stakeholder_report.h): which views the listing shows, and the contact logged, in words
// and as JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "tpmkit/base/date.h"
#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

struct StakeholdersTextOptions {
  RegisterTextOptions text;
  bool overdue_only = false;  // the listing holds only the overdue: no 2x2 grid
};
// The communication plan when `plan` is given; else the table, followed by the 2x2 grid
// unless only the overdue stakeholders are listed.
std::string StakeholdersText(const toolkit::StakeholderMatrix& matrix,
                             const std::optional<toolkit::CommunicationPlan>& plan,
                             const StakeholdersTextOptions& o);

// What logging a contact did.
struct LoggedContact {
  std::string stakeholder;  // id
  std::string name;         // may be empty
  Date on;
  size_t changed = 0;  // audit entries written
};
// "Logged a contact with NAME (ID) on DATE."
std::string ContactText(const LoggedContact& contact);
// {"stakeholder","on","changed"}
std::string ContactJson(const LoggedContact& contact);

}  // namespace tpmkit::report
