// Change control for people and as the JSON documents of cli.md: the list of change
// requests with the budget position (changes), the assessment of one change (changes
// assess) and what approving, rejecting or implementing one did.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/money_position.h"

namespace tpmkit::report {

// The table of change requests (proposed ones in yellow with colour) and the money
// position (report/money_text.h); a sentence when the program has none.
std::string ChangeListText(const model::Program& program, const toolkit::MoneyPosition& money,
                           const RegisterTextOptions& o);
// {"changes":[{"id","title","requested_by","requested_on","status","schedule_days","cost",
// "adds_tasks","approvals":[{"by","on","decision","note"}]}],"remaining_budget" (the
// contingency left),"money":{MoneyJsonFields}}
std::string ChangeListJson(const model::Program& program, const toolkit::MoneyPosition& money);

// How a change was simulated.
struct SimulationRun {
  int iterations = 0;
  uint64_t seed = 0;
};

// The without/with table, the reason and the reply to the requester.
std::string ChangeAssessmentText(const model::Program& program,
                                 const toolkit::ChangeAssessment& assessment, SimulationRun run,
                                 const RegisterTextOptions& o);
// {"id","title","finish_before","finish_after","p80_before","p80_after","p_on_time_before",
// "p_on_time_after","p_on_time_target","cost_before","cost_after","cost_delta",
// "remaining_budget" (the contingency
// left),"money":{MoneyJsonFields},"finish_delay_days","p80_delay_days","iterations","seed",
// "recommendation","reason","reply"}
std::string ChangeAssessmentJson(const toolkit::ChangeAssessment& assessment, SimulationRun run);

// What an edit of a change did.
struct ChangeEdit {
  std::string id;
  model::ChangeStatus status = model::ChangeStatus::kProposed;  // after the edit
  std::string by;                                               // who decided (approve, reject)
  size_t tasks_added = 0;                                       // implement
  size_t changed = 0;                                           // audit entries written
};
// "Change CR-03 is approved by NAME (1 entry in the audit trail)." or, once implemented,
// "Change CR-03 is implemented: 2 tasks added to the plan (...)."
std::string ChangeEditText(const ChangeEdit& edit);
// {"id","status","tasks_added","changed"}
std::string ChangeEditJson(const ChangeEdit& edit);

}  // namespace tpmkit::report
