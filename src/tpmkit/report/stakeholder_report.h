// The stakeholder matrix and the communication plan for people (a table, the 2x2
// influence x impact matrix, the plan) and as the JSON of `tpmkit stakeholders --json`.
#pragma once

#include <optional>
#include <string>

#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

// The table of stakeholders in matrix order, with cadence and next contact; overdue
// contacts are flagged (red with colour).
std::string StakeholderTableText(const toolkit::StakeholderMatrix& m, const RegisterTextOptions& o);

// The 2x2 grid: influence rows (high on top), impact columns (low left, high right);
// each quadrant lists "Name (id)" of its stakeholders in matrix order.
std::string StakeholderGridText(const toolkit::StakeholderMatrix& m, const RegisterTextOptions& o);

// The communication plan: one short paragraph per stakeholder, in matrix order: how and
// when to talk next, the one key message (CommunicationEntry::key) with what to ask of
// them, and how many other open items concern them.
std::string CommunicationPlanText(const toolkit::CommunicationPlan& plan,
                                  const RegisterTextOptions& o);

// {"as_of","overdue","stakeholders":[{"id","name","role","quadrant","priority","influence",
// "impact","stance","channel","cadence_days","last_contact","next_contact","overdue"}],
// "communication_plan":[{"stakeholder","channel","cadence_days","next_contact",
// "contact_on","key_message","topics":[{"kind","id","title","why","text"}]}]}; the plan key is null
// when `plan` is absent.
std::string StakeholdersJson(const toolkit::StakeholderMatrix& m,
                             const std::optional<toolkit::CommunicationPlan>& plan);

}  // namespace tpmkit::report
