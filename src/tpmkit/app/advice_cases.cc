#include "tpmkit/app/advice_cases.h"

namespace tpmkit::app {

Result<EscalateRiskResponse> EscalateRisk(Env& env, const EscalateRiskRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  const Date as_of = DateInForce(loaded.program, request.as_of, env.clock);
  EscalateRequest req;
  req.risk = request.risk;
  req.decision = request.decision;
  req.to = request.to;
  // Empty: the escalation is signed from the program (its sponsor, or its team when it
  // goes to the sponsor), never by the account or OS user running the command.
  req.from = request.from;
  req.as_of = as_of;
  req.forecast = {request.iterations, request.seed, 0, {}};
  TPMKIT_ASSIGN_OR_RETURN(auto escalation, Escalate(loaded.program, req));
  return EscalateRiskResponse{std::move(loaded), as_of, std::move(escalation)};
}

Result<ReviewPlanResponse> ReviewPlan(Env& env, const ReviewPlanRequest& request) {
  std::vector<toolkit::BankOverride> bank;
  if (request.bank) {
    TPMKIT_ASSIGN_OR_RETURN(bank, LoadLanguageBank(*request.bank));
  }
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  const Date as_of = DateInForce(loaded.program, request.as_of, env.clock);
  TPMKIT_ASSIGN_OR_RETURN(auto review,
                          ReviewOf(loaded.program, as_of,
                                   ForecastRequest{request.iterations, request.seed, 0, {}}, bank));
  return ReviewPlanResponse{std::move(loaded), std::move(review)};
}

}  // namespace tpmkit::app
