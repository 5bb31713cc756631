#include "tpmkit/app/stakeholder_cases.h"

#include <utility>

namespace tpmkit::app {

Result<ListStakeholdersResponse> ListStakeholders(Env& env,
                                                  const ListStakeholdersRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  ListStakeholdersResponse r;
  r.as_of = DateInForce(loaded.program, request.as_of, env.clock);
  r.matrix = toolkit::ComputeStakeholderMatrix(loaded.program, r.as_of);
  if (request.communication_plan) {
    r.plan = toolkit::ComputeCommunicationPlan(loaded.program, r.as_of);
  }
  if (request.overdue_only) {
    std::erase_if(r.matrix.stakeholders, [](const auto& s) { return !s.overdue; });
    if (r.plan)
      std::erase_if(r.plan->entries, [](const auto& e) { return !e.stakeholder.overdue; });
  }
  r.loaded = std::move(loaded);
  return r;
}

Result<LogContactResponse> LogContact(Env& env, const LogContactRequest& request) {
  if (request.note.empty()) return Error::Usage("note: say in a sentence what was discussed");
  LogContactResponse r;
  r.stakeholder_id = request.stakeholder_id;
  r.on = request.on;
  auto edit = [&](model::Program& p) -> Status {
    for (auto& s : p.stakeholders) {
      if (s.id != request.stakeholder_id) continue;
      s.contacts.push_back({request.on, request.note});
      // last_contact is the latest contact, so logging an older one keeps it.
      if (!s.last_contact || *s.last_contact < request.on) s.last_contact = request.on;
      r.name = s.name;
      return OkStatus();
    }
    std::string ids;
    for (const auto& s : p.stakeholders) ids += (ids.empty() ? "" : ", ") + s.id;
    return Error::NotFound("no stakeholder '" + request.stakeholder_id + "' in program " + p.id +
                           (ids.empty() ? " (it has none)" : " (known: " + ids + ")"));
  };
  TPMKIT_ASSIGN_OR_RETURN(r.applied, EditProgram(env, request.program_id, edit));
  return r;
}

}  // namespace tpmkit::app
