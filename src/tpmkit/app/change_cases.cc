#include "tpmkit/app/change_cases.h"

#include <utility>

namespace tpmkit::app {

Result<ListChangesResponse> ListChanges(Env& env, const ListChangesRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  ListChangesResponse r;
  const Date as_of = DateInForce(loaded.program, request.as_of, env.clock);
  auto money = toolkit::MoneyPositionAsOf(loaded.program, as_of);
  // A plan that cannot be scheduled has no earned value; the list still shows.
  r.money = money.ok() ? *money : toolkit::ComputeMoneyPosition(loaded.program, std::nullopt);
  r.loaded = std::move(loaded);
  return r;
}

Result<AssessChangeResponse> AssessChange(Env& env, const AssessChangeRequest& request) {
  if (request.iterations < 1) return Error::Usage("--iterations must be at least 1");
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  AssessChangeResponse r;
  r.as_of = DateInForce(loaded.program, request.as_of, env.clock);
  r.iterations = request.iterations;
  r.seed = request.seed;
  toolkit::SimulationOptions sim;
  sim.iterations = request.iterations;
  sim.seed = request.seed;
  sim.as_of = r.as_of;
  TPMKIT_ASSIGN_OR_RETURN(r.assessment,
                          toolkit::SimulateChange(loaded.program, request.change_id, sim));
  r.loaded = std::move(loaded);
  return r;
}

Result<DecideChangeResponse> DecideChange(Env& env, const DecideChangeRequest& request) {
  const bool approve = request.decision == model::ApprovalDecision::kApproved;
  if (request.by.empty()) {
    return Error::Usage(std::string(approve ? "approving" : "rejecting") +
                        " a change needs who decides (by)");
  }
  DecideChangeResponse r;
  r.change_id = request.change_id;
  r.status = approve ? model::ChangeStatus::kApproved : model::ChangeStatus::kRejected;
  auto edit = [&](model::Program& p) -> Status {
    r.approval.by = request.by;
    r.approval.note = request.note;
    r.approval.on = request.on ? *request.on : DateInForce(p, request.as_of, env.clock);
    r.approval.decision = request.decision;
    return toolkit::RecordChangeDecision(p, request.change_id, r.approval);
  };
  TPMKIT_ASSIGN_OR_RETURN(r.applied, EditProgram(env, request.program_id, edit));
  return r;
}

Result<ImplementChangeResponse> ImplementChange(Env& env, const ImplementChangeRequest& request) {
  ImplementChangeResponse r;
  r.change_id = request.change_id;
  auto edit = [&](model::Program& p) -> Status {
    const size_t before = p.TaskCount();
    TPMKIT_RETURN_IF_ERROR(toolkit::ImplementChange(p, request.change_id));
    r.tasks_added = p.TaskCount() - before;
    return OkStatus();
  };
  TPMKIT_ASSIGN_OR_RETURN(r.applied, EditProgram(env, request.program_id, edit));
  return r;
}

}  // namespace tpmkit::app
