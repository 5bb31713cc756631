#include "tpmkit/app/decision_cases.h"

#include <utility>

namespace tpmkit::app {

namespace {

std::string JoinIds(const auto& items) {
  std::string ids;
  for (const auto& i : items) ids += (ids.empty() ? "" : ", ") + i.id;
  return ids;
}

}  // namespace

Result<AnalyzeDecisionResponse> AnalyzeDecision(Env& env, const AnalyzeDecisionRequest& request) {
  if (request.iterations < 1) return Error::Usage("--iterations must be at least 1");
  if (request.threads < 0) return Error::Usage("--threads must be 0 (all cores) or more");
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  const model::Program& p = loaded.program;
  const model::Decision* decision = nullptr;
  for (const auto& d : p.decisions) {
    if (d.id == request.decision_id) decision = &d;
  }
  if (!decision) {
    const std::string ids = JoinIds(p.decisions);
    return Error::NotFound("no decision '" + request.decision_id + "' in program " + p.id +
                           (ids.empty() ? " (it has none)" : " (known: " + ids + ")"));
  }
  const Date as_of = DateInForce(p, request.as_of, env.clock);
  toolkit::SimulationOptions sim;
  sim.iterations = request.iterations;
  sim.seed = request.seed;
  sim.threads = request.threads;
  sim.as_of = as_of;
  TPMKIT_ASSIGN_OR_RETURN(auto metrics, toolkit::MeasureOptions(p, *decision, sim));
  TPMKIT_ASSIGN_OR_RETURN(auto analysis, toolkit::AnalyzeDecision(p, *decision, metrics));

  AnalyzeDecisionResponse r;
  r.decision = *decision;
  r.communication = toolkit::ComputeCommunicationPlan(p, as_of);
  r.loaded = std::move(loaded);
  r.as_of = as_of;
  r.iterations = request.iterations;
  r.seed = request.seed;
  r.analysis = std::move(analysis);
  if (request.memo) {
    r.memo = report::DecisionMemoMarkdown(DecisionReport(r));
    if (request.memo_file) {
      TPMKIT_RETURN_IF_ERROR(WriteTextFile(*request.memo_file, *r.memo));
      r.memo_written = true;
    }
  }
  return r;
}

report::DecisionReportInput DecisionReport(const AnalyzeDecisionResponse& response) {
  report::DecisionReportInput in;
  in.program = &response.loaded.program;
  in.decision = &response.decision;
  in.analysis = response.analysis;
  in.communication = response.communication;
  in.iterations = response.iterations;
  in.seed = response.seed;
  in.as_of = response.as_of;
  return in;
}

Result<ChooseOptionResponse> ChooseOption(Env& env, const ChooseOptionRequest& request) {
  if (request.by.empty() || request.rationale.empty()) {
    return Error::Usage("choosing an option needs who decided (by) and why (rationale)");
  }
  ChooseOptionResponse r;
  r.decision_id = request.decision_id;
  r.option_id = request.option_id;
  r.decided_by = request.by;
  auto edit = [&](model::Program& p) -> Status {
    for (auto& d : p.decisions) {
      if (d.id != request.decision_id) continue;
      bool known = false;
      for (const auto& option : d.options) known = known || option.id == request.option_id;
      if (!known) {
        return Error::Invalid("decision " + d.id + " has no option '" + request.option_id +
                              "' (its options: " + JoinIds(d.options) + ")");
      }
      r.decided_on = request.on ? *request.on : DateInForce(p, request.as_of, env.clock);
      d.status = model::DecisionStatus::kDecided;
      d.chosen = request.option_id;
      d.decided_by = request.by;
      d.rationale = request.rationale;
      d.decided_on = r.decided_on;
      return OkStatus();
    }
    return Error::NotFound("no decision '" + request.decision_id + "' in program " + p.id);
  };
  TPMKIT_ASSIGN_OR_RETURN(r.applied, EditProgram(env, request.program_id, edit));
  return r;
}

}  // namespace tpmkit::app
