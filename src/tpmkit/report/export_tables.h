// The registers of a program as Tables for the spreadsheet and CSV exports: the plan with
// its schedule, risks, stakeholders, decisions, changes, the audit checklist and the
// KPIs. Column titles are words, so they live here; the writers in formats/ only lay
// the tables out. docs/formats/xlsx.md lists every column.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/table.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/health.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

// The register names of the exports, in sheet order: tasks, risks, stakeholders,
// decisions, changes, audit, kpis. Each is the `name` of its table.
const std::vector<std::string_view>& ExportRegisterNames();

// One row per task in file order (the schedule's order): project, id, name, owner,
// milestone, planned duration, the early and late dates, total float (late dates and float
// empty for a finished task), critical, progress, actual and baseline dates, deadline (red
// when the schedule misses it), cost.
Table TasksTable(const model::Program& program, const plan::Schedule& schedule);

// The register in its order: the scores coloured as the heat map (green up to 4, amber
// from 5, red from toolkit::kHighRiskScore), probability as a percentage, exposure in
// the program's currency and in working days, response due, mitigation.
Table RisksTable(const model::Program& program, const toolkit::RiskRegister& reg);

// The matrix in its order, with cadence, last and next contact (red when overdue).
Table StakeholdersTable(const toolkit::StakeholderMatrix& matrix);

// The decisions in file order: question, status, the number of options, the chosen one's
// name, who decided and when, the rationale.
Table DecisionsTable(const model::Program& program);

// The change requests in file order: who asked and when, status, schedule impact, the
// money asked for (toolkit::ChangeCost) and the approvals in one cell.
Table ChangesTable(const model::Program& program);

// The checklist (default items first), with due dates red when overdue, evidence count,
// sign-off, and whether a done item lacks support.
Table AuditTable(const toolkit::AuditReadiness& readiness);

// The six KPIs (spi, cpi, p_on_time, readiness, satisfaction, risk_score) with their
// values, and for those with a target the target and the rating, coloured.
Table KpisTable(const toolkit::KpiValues& values, const std::optional<toolkit::Health>& health);

}  // namespace tpmkit::report
