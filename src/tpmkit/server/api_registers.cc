// The registers: scorecard, risks (and their escalation), stakeholders, decisions and
// change requests. Writes take the program file's keys as JSON fields; "by" defaults to
// the logged-in user.
#include <fmt/format.h>

#include <cmath>

#include "tpmkit/app/advice_cases.h"
#include "tpmkit/app/change_cases.h"
#include "tpmkit/app/decision_cases.h"
#include "tpmkit/app/risk_cases.h"
#include "tpmkit/app/stakeholder_cases.h"
#include "tpmkit/base/text.h"
#include "tpmkit/report/advice_text.h"
#include "tpmkit/report/change_text.h"
#include "tpmkit/report/decision_memo.h"
#include "tpmkit/report/decision_text.h"
#include "tpmkit/report/escalation_text.h"
#include "tpmkit/report/risk_text.h"
#include "tpmkit/report/stakeholder_report.h"
#include "tpmkit/report/stakeholder_text.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/problem.h"

namespace tpmkit::server::handlers {

namespace http = boost::beast::http;

namespace {

app::ProgramSource Source(const Call& call) { return {std::nullopt, call.Program()}; }

// A number of days: 10 or "10d".
Result<std::optional<double>> DaysField(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it != body.end() && it->is_string()) {
    std::string text = it->get<std::string>();
    if (!text.empty() && text.back() == 'd') text.pop_back();
    try {
      size_t used = 0;
      const double v = std::stod(text, &used);
      if (used == text.size() && std::isfinite(v)) return std::optional<double>(v);
    } catch (const std::exception&) {
    }
    return Error::Invalid(key + ": expected a number of days (10 or \"10d\")");
  }
  return NumberField(body, key);
}

Result<std::optional<int>> IntField(const nlohmann::json& body, const std::string& key) {
  TPMKIT_ASSIGN_OR_RETURN(auto v, NumberField(body, key));
  if (!v) return std::optional<int>();
  if (*v != std::floor(*v) || std::fabs(*v) > 1e9)
    return Error::Invalid(key + ": expected an integer");
  return std::optional<int>(static_cast<int>(*v));
}

Result<nlohmann::json> ObjectField(const nlohmann::json& body, const std::string& key) {
  auto it = body.find(key);
  if (it == body.end() || it->is_null()) return nlohmann::json::object();
  if (!it->is_object()) return Error::Invalid(key + ": expected an object");
  return *it;
}

// A risk's fields as the program file names them (program-file.md "Risks").
Result<app::RiskPatch> RiskPatchOf(const nlohmann::json& body) {
  TPMKIT_RETURN_IF_ERROR(OnlyFields(
      body, {"id", "title", "category", "owner", "status", "raised", "probability", "severity",
             "impact", "mitigation", "trigger", "response_due", "residual"}));
  app::RiskPatch p;
  TPMKIT_ASSIGN_OR_RETURN(p.title, StringField(body, "title"));
  TPMKIT_ASSIGN_OR_RETURN(p.category, StringField(body, "category"));
  TPMKIT_ASSIGN_OR_RETURN(p.owner, StringField(body, "owner"));
  TPMKIT_ASSIGN_OR_RETURN(auto status, StringField(body, "status"));
  if (status) {
    p.status = app::ParseRiskStatus(*status);
    if (!p.status) return Error::Invalid("status: expected open, mitigating, closed or realized");
  }
  TPMKIT_ASSIGN_OR_RETURN(p.raised, DateField(body, "raised"));
  TPMKIT_ASSIGN_OR_RETURN(p.probability, NumberField(body, "probability"));
  TPMKIT_ASSIGN_OR_RETURN(p.severity, IntField(body, "severity"));
  TPMKIT_ASSIGN_OR_RETURN(p.mitigation, StringField(body, "mitigation"));
  TPMKIT_ASSIGN_OR_RETURN(p.trigger, StringField(body, "trigger"));
  TPMKIT_ASSIGN_OR_RETURN(p.response_due, DateField(body, "response_due"));
  TPMKIT_ASSIGN_OR_RETURN(auto impact, ObjectField(body, "impact"));
  TPMKIT_RETURN_IF_ERROR(OnlyFields(impact, {"schedule", "cost", "tasks"}));
  TPMKIT_ASSIGN_OR_RETURN(p.impact_schedule, DaysField(impact, "schedule"));
  TPMKIT_ASSIGN_OR_RETURN(p.impact_cost, NumberField(impact, "cost"));
  if (auto tasks = impact.find("tasks"); tasks != impact.end() && !tasks->is_null()) {
    if (!tasks->is_array()) return Error::Invalid("impact.tasks: expected a list of task ids");
    std::vector<std::string> ids;
    for (const auto& t : *tasks) {
      if (!t.is_string()) return Error::Invalid("impact.tasks: expected a list of task ids");
      ids.push_back(t.get<std::string>());
    }
    p.impact_tasks = std::move(ids);
  }
  TPMKIT_ASSIGN_OR_RETURN(auto residual, ObjectField(body, "residual"));
  TPMKIT_RETURN_IF_ERROR(OnlyFields(residual, {"probability", "severity"}));
  TPMKIT_ASSIGN_OR_RETURN(p.residual_probability, NumberField(residual, "probability"));
  TPMKIT_ASSIGN_OR_RETURN(p.residual_severity, IntField(residual, "severity"));
  return p;
}

HttpResponse RiskEdited(Call& call, const Result<app::RiskEditResponse>& r,
                        report::RiskEditKind kind) {
  if (!r.ok()) return ErrorResponse(r.error());
  const report::RiskEdit edit{kind, r->program, r->risk, r->changed};
  return JsonResponse(
      call, report::RiskEditJson(edit),
      kind == report::RiskEditKind::kAdd ? http::status::created : http::status::ok);
}

// "by" from the body, else the caller.
Result<std::string> ByField(const Call& call, const nlohmann::json& body) {
  TPMKIT_ASSIGN_OR_RETURN(auto by, StringField(body, "by"));
  return by && !by->empty() ? *by : call.who->user;
}

HttpResponse ChangeDecided(Call& call, model::ApprovalDecision decision) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"by", "note", "on"}); !s.ok()) return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(by, ByField(call, body));
  TPMKIT_OR_RESPOND(note, StringField(body, "note"));
  TPMKIT_OR_RESPOND(on, DateField(body, "on"));
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  app::DecideChangeRequest request;
  request.program_id = call.Program();
  request.change_id = call.Param("cid");
  request.decision = decision;
  request.by = by;
  request.note = note.value_or("");
  request.on = on;
  request.as_of = as_of;
  auto r = app::DecideChange(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  report::ChangeEdit edit;
  edit.id = r->change_id;
  edit.status = r->status;
  edit.by = r->approval.by;
  edit.changed = r->applied.changed;
  return JsonResponse(call, report::ChangeEditJson(edit));
}

}  // namespace

HttpResponse Scorecard(Call& call) {
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  const bool suggest = call.target.Query("suggest").value_or("false") == "true";
  std::optional<SimulationSlot> slot;
  if (suggest) {
    slot.emplace(call.state, std::chrono::seconds(10));
    if (auto busy = SimulationBusy(*slot)) return std::move(*busy);
  }
  app::ShowScorecardRequest request;
  request.source = Source(call);
  request.as_of = as_of;
  request.suggest = suggest;
  auto r = app::ShowScorecard(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::ScorecardJson(r->scorecard, r->suggested));
}

HttpResponse AssessScorecard(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"ratings", "by", "notes"}); !s.ok())
    return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(by, ByField(call, body));
  TPMKIT_OR_RESPOND(notes, StringField(body, "notes"));
  TPMKIT_OR_RESPOND(ratings, ObjectField(body, "ratings"));
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  app::AssessScorecardRequest request;
  request.program_id = call.Program();
  request.as_of = as_of;
  request.by = by;
  request.notes = notes.value_or("");
  for (const auto& [key, value] : ratings.items()) {
    if (!value.is_number_integer()) {
      return ErrorResponse(Error::Invalid("ratings: each rating is an integer 1..5"));
    }
    const auto n = value.get<int64_t>();
    request.ratings[key] = static_cast<int>(std::clamp<int64_t>(n, -1, 100));
  }
  if (request.ratings.empty()) {
    return ErrorResponse(
        Error::Invalid("ratings: rate at least one criterion, e.g. "
                       "{\"schedule\": 4}"));
  }
  auto r = app::AssessScorecard(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const report::RecordedAssessment recorded{r->applied.program, by, r->date, r->scorecard,
                                            r->applied.changed};
  return JsonResponse(call, report::AssessJson(recorded), http::status::created);
}

HttpResponse Risks(Call& call) {
  auto r = app::ListRisks(call.env, {Source(call)});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::RiskRegisterJson(r->risks));
}

HttpResponse AddRisk(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  TPMKIT_OR_RESPOND(patch, RiskPatchOf(body));
  TPMKIT_OR_RESPOND(id, StringField(body, "id"));
  if (!id || id->empty()) return ErrorResponse(Error::Invalid("id: the new risk's id is required"));
  auto r = app::AddRisk(call.env, {call.Program(), *id, std::move(patch)});
  return RiskEdited(call, r, report::RiskEditKind::kAdd);
}

HttpResponse UpdateRisk(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  TPMKIT_OR_RESPOND(patch, RiskPatchOf(body));
  TPMKIT_OR_RESPOND(id, StringField(body, "id"));
  if (id && *id != call.Param("rid"))
    return ErrorResponse(Error::Invalid("id: a risk's id cannot be changed"));
  const bool closing = patch.status == model::RiskStatus::kClosed;
  auto r = app::UpdateRisk(call.env, {call.Program(), call.Param("rid"), std::move(patch)});
  return RiskEdited(call, r,
                    closing ? report::RiskEditKind::kClose : report::RiskEditKind::kUpdate);
}

HttpResponse Escalate(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"to", "from", "decision", "iterations", "seed"}); !s.ok())
    return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(to_text, StringField(body, "to"));
  TPMKIT_OR_RESPOND(from_text, StringField(body, "from"));
  TPMKIT_OR_RESPOND(decision, StringField(body, "decision"));
  TPMKIT_OR_RESPOND(iterations, IntField(body, "iterations"));
  TPMKIT_OR_RESPOND(seed, NumberField(body, "seed"));
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  if (!to_text || to_text->empty())
    return ErrorResponse(
        Error::Invalid("to: who the escalation goes to (a sponsor or stakeholder)"));
  // The names and addresses go into mail headers: nothing that could start a new header.
  if (HasControls(*to_text) || (from_text && HasControls(*from_text)))
    return ErrorResponse(Error::Invalid("to, from: control characters are not allowed"));
  if (iterations && (*iterations < 1 || *iterations > call.options.max_iterations)) {
    return ErrorResponse(Error::Invalid(
        fmt::format("iterations: expected an integer 1..{}", call.options.max_iterations)));
  }
  const report::Mailbox to = report::ParseMailbox(*to_text);
  const report::Mailbox from =
      report::ParseMailbox(from_text ? *from_text : std::string());  // empty: the program's
  const bool eml = call.request[http::field::accept].starts_with("message/rfc822");
  if (eml && (to.address.empty() || from.address.empty())) {
    return ErrorResponse(
        Error::Invalid("an .eml needs addresses for both: \"Name <address>\" in to and from"));
  }
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::EscalateRiskRequest request;
  request.source = Source(call);
  request.risk = call.Param("rid");
  if (decision && !decision->empty()) request.decision = *decision;
  request.to = to.name;
  request.from = from.name;
  request.as_of = as_of;
  if (iterations) request.iterations = *iterations;
  // As the query's seed: a whole number 0..2^63-1 (limits::kMaxSeed); 2^63 is exact.
  if (seed && !(*seed >= 0 && *seed < 9223372036854775808.0 && std::floor(*seed) == *seed)) {
    return ErrorResponse(Error::Invalid("seed: expected a whole number 0..9223372036854775807"));
  }
  if (seed) request.seed = static_cast<uint64_t>(*seed);
  auto r = app::EscalateRisk(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const auto& e = r->escalation;
  if (eml) {
    const auto options =
        report::EscalationEmlOptions(r->loaded.program.id, e, r->as_of, from.address, to.address);
    return DocumentResponse(call, report::EscalationEml(e, options), "message/rfc822",
                            "escalation-" + e.risk_id + ".eml");
  }
  return JsonResponse(call, report::EscalationJson(e, report::EscalationText(e)));
}

HttpResponse Stakeholders(Call& call) {
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  app::ListStakeholdersRequest request;
  request.source = Source(call);
  request.as_of = as_of;
  request.overdue_only = call.target.Query("overdue").value_or("false") == "true";
  request.communication_plan = call.target.Query("plan").value_or("false") == "true";
  auto r = app::ListStakeholders(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::StakeholdersJson(r->matrix, r->plan));
}

HttpResponse LogContact(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"on", "note"}); !s.ok()) return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(on, DateField(body, "on"));
  TPMKIT_OR_RESPOND(note, StringField(body, "note"));
  app::LogContactRequest request;
  request.program_id = call.Program();
  request.stakeholder_id = call.Param("sid");
  request.on = on.value_or(call.env.clock.Today());
  request.note = note.value_or("");
  auto r = app::LogContact(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const report::LoggedContact contact{r->stakeholder_id, r->name, r->on, r->applied.changed};
  return JsonResponse(call, report::ContactJson(contact), http::status::created);
}

HttpResponse Decision(Call& call) {
  TPMKIT_OR_RESPOND(q, call.SimulationQuery());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::AnalyzeDecisionRequest request;
  request.source = Source(call);
  request.decision_id = call.Param("did");
  request.as_of = q.as_of;
  request.iterations = q.iterations;
  request.seed = q.seed;
  request.threads = call.options.forecast_threads;
  request.memo = call.target.Query("memo").value_or("false") == "true";
  auto r = app::AnalyzeDecision(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::DecisionJson(app::DecisionReport(*r), r->memo));
}

HttpResponse ChooseOption(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"option", "by", "rationale", "on"}); !s.ok())
    return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(option, StringField(body, "option"));
  TPMKIT_OR_RESPOND(by, ByField(call, body));
  TPMKIT_OR_RESPOND(rationale, StringField(body, "rationale"));
  TPMKIT_OR_RESPOND(on, DateField(body, "on"));
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  if (!option || option->empty())
    return ErrorResponse(Error::Invalid("option: the id of the option chosen is required"));
  app::ChooseOptionRequest request;
  request.program_id = call.Program();
  request.decision_id = call.Param("did");
  request.option_id = *option;
  request.by = by;
  request.rationale = rationale.value_or("");
  request.on = on;
  request.as_of = as_of;
  auto r = app::ChooseOption(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const report::RecordedChoice choice{r->decision_id, r->option_id, r->decided_by,
                                      r->applied.changed};
  return JsonResponse(call, report::ChoiceJson(choice));
}

HttpResponse Changes(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorResponse(as_of.error());
  auto r = app::ListChanges(call.env, {Source(call), *as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::ChangeListJson(r->loaded.program, r->money));
}

HttpResponse AssessChange(Call& call) {
  TPMKIT_OR_RESPOND(q, call.SimulationQuery());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::AssessChangeRequest request;
  request.source = Source(call);
  request.change_id = call.Param("cid");
  request.as_of = q.as_of;
  request.iterations = q.iterations;
  request.seed = q.seed;
  auto r = app::AssessChange(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const report::SimulationRun run{r->iterations, r->seed};
  return JsonResponse(call, report::ChangeAssessmentJson(r->assessment, run));
}

HttpResponse ApproveChange(Call& call) {
  return ChangeDecided(call, model::ApprovalDecision::kApproved);
}

HttpResponse RejectChange(Call& call) {
  return ChangeDecided(call, model::ApprovalDecision::kRejected);
}

HttpResponse ImplementChange(Call& call) {
  auto r = app::ImplementChange(call.env, {call.Program(), call.Param("cid")});
  if (!r.ok()) return ErrorResponse(r.error());
  report::ChangeEdit edit;
  edit.id = r->change_id;
  edit.status = model::ChangeStatus::kImplemented;
  edit.tasks_added = r->tasks_added;
  edit.changed = r->applied.changed;
  return JsonResponse(call, report::ChangeEditJson(edit));
}

}  // namespace tpmkit::server::handlers
