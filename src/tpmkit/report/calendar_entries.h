// The dates of a program worth a calendar entry, in words: the target, milestones, task
// deadlines, the next contact with each stakeholder and audit items' due dates. The
// iCalendar writer (formats/ics.h) lays them out; docs/formats/ics.md lists them.
#pragma once

#include <vector>

#include "tpmkit/base/calendar_entry.h"
#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

// The entries, ordered by date then key. Keys (stable across exports):
// - "target": the program's target, when it has one;
// - "milestone-ID": each milestone on its scheduled day;
// - "deadline-ID": each task deadline (noting a scheduled finish that misses it);
// - "contact-ID": each stakeholder's next contact; an overdue or never-contacted
//   stakeholder on the matrix's as_of (when to talk next);
// - "audit-ID": each audit item with a due date.
// `schedule` is the program's; `matrix` and `readiness` are as of the same date.
std::vector<CalendarEntry> ProgramCalendar(const model::Program& program,
                                           const plan::Schedule& schedule,
                                           const toolkit::StakeholderMatrix& matrix,
                                           const toolkit::AuditReadiness& readiness);

}  // namespace tpmkit::report
