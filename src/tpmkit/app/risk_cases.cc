#include "tpmkit/app/risk_cases.h"

#include <utility>

#include "tpmkit/app/analysis.h"
#include "tpmkit/base/money.h"

namespace tpmkit::app {

namespace {

void ApplyPatch(const RiskPatch& f, model::Risk& r) {
  if (f.title) r.title = *f.title;
  if (f.category) r.category = *f.category;
  if (f.owner) r.owner = *f.owner;
  if (f.mitigation) r.mitigation = *f.mitigation;
  if (f.trigger) r.trigger = *f.trigger;
  if (f.status) r.status = *f.status;
  if (f.probability) r.probability = *f.probability;
  if (f.severity) r.severity = *f.severity;
  if (f.response_due) r.response_due = *f.response_due;
  if (f.raised) r.raised = *f.raised;
  if (f.impact_schedule || f.impact_cost || f.impact_tasks) {
    if (!r.impact) r.impact = model::RiskImpact{};
    if (f.impact_schedule) r.impact->schedule = *f.impact_schedule;
    if (f.impact_cost) r.impact->cost = Money::FromDouble(*f.impact_cost);
    if (f.impact_tasks) r.impact->tasks = *f.impact_tasks;
  }
  if (f.residual_probability || f.residual_severity) {
    if (!r.residual) r.residual = model::Residual{};
    if (f.residual_probability) r.residual->probability = *f.residual_probability;
    if (f.residual_severity) r.residual->severity = *f.residual_severity;
  }
}

model::Risk* FindRisk(model::Program& p, const std::string& id) {
  model::Risk* found = nullptr;
  for (auto& r : p.risks) {
    if (r.id == id) found = &r;
  }
  return found;
}

Result<RiskEditResponse> EditRisk(Env& env, const std::optional<std::string>& program_id,
                                  const std::string& risk_id, const EditFn& edit) {
  TPMKIT_ASSIGN_OR_RETURN(ApplyResult applied, EditProgram(env, program_id, edit));
  return RiskEditResponse{applied.program, risk_id, applied.changed};
}

}  // namespace

Result<ShowScorecardResponse> ShowScorecard(Env& env, const ShowScorecardRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  ShowScorecardResponse response{std::move(loaded), {}, std::nullopt};
  const model::Program& program = response.loaded.program;
  response.scorecard = toolkit::ComputeScorecard(program);
  if (request.suggest) {
    const Date as_of = DateInForce(program, request.as_of, env.clock);
    ForecastRequest forecast{request.iterations, request.seed, 0, {}};
    TPMKIT_ASSIGN_OR_RETURN(auto inputs, SuggestInputsOf(program, as_of, forecast));
    response.suggested = toolkit::SuggestRatings(program, inputs);
  }
  return response;
}

Result<AssessScorecardResponse> AssessScorecard(Env& env, const AssessScorecardRequest& request) {
  model::Assessment a;
  a.by = request.by;
  a.notes = request.notes;
  a.ratings = request.ratings;
  toolkit::ScorecardResult scorecard;
  TPMKIT_ASSIGN_OR_RETURN(ApplyResult applied,
                          EditProgram(env, request.program_id, [&](model::Program& p) -> Status {
                            a.date = DateInForce(p, request.as_of, env.clock);
                            if (!p.scorecard) p.scorecard = model::Scorecard{};
                            p.scorecard->assessments.push_back(a);
                            scorecard = toolkit::ComputeScorecard(p);
                            return OkStatus();
                          }));
  return AssessScorecardResponse{std::move(applied), a.date, std::move(scorecard)};
}

Result<ListRisksResponse> ListRisks(Env& env, const ListRisksRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  auto risks = toolkit::ComputeRiskRegister(loaded.program);
  return ListRisksResponse{std::move(loaded), std::move(risks)};
}

std::optional<model::RiskStatus> ParseRiskStatus(std::string_view name) {
  return model::Parse<model::RiskStatus>(name);
}

Result<RiskEditResponse> AddRisk(Env& env, const AddRiskRequest& request) {
  return EditRisk(env, request.program_id, request.risk_id, [&](model::Program& p) -> Status {
    if (FindRisk(p, request.risk_id)) {
      return Error::Conflict("risk " + request.risk_id + " already exists in program " + p.id);
    }
    model::Risk r;
    r.id = request.risk_id;
    ApplyPatch(request.fields, r);
    p.risks.push_back(std::move(r));
    return OkStatus();
  });
}

Result<RiskEditResponse> UpdateRisk(Env& env, const UpdateRiskRequest& request) {
  return EditRisk(env, request.program_id, request.risk_id, [&](model::Program& p) -> Status {
    model::Risk* found = FindRisk(p, request.risk_id);
    if (!found) return Error::NotFound("no risk " + request.risk_id + " in program " + p.id);
    ApplyPatch(request.fields, *found);
    return OkStatus();
  });
}

Result<RiskEditResponse> CloseRisk(Env& env, const CloseRiskRequest& request) {
  return EditRisk(env, request.program_id, request.risk_id, [&](model::Program& p) -> Status {
    model::Risk* found = FindRisk(p, request.risk_id);
    if (!found) return Error::NotFound("no risk " + request.risk_id + " in program " + p.id);
    found->status = model::RiskStatus::kClosed;
    return OkStatus();
  });
}

}  // namespace tpmkit::app
