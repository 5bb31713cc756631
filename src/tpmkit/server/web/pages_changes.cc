// The change requests pages: the register with the money position (`tpmkit changes`), and
// one change assessed as `tpmkit changes assess` does it (the program simulated without
// and with it): the before/after table, whether to say no and why, and the reply to the
// requester. Owners approve or reject it with the reason (`changes approve|reject`, an
// owner's act as in the API): one form, the button says which.
#include <fmt/format.h>

#include "tpmkit/app/change_cases.h"
#include "tpmkit/report/money_text.h"
#include "tpmkit/report/register_web_words.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

// The key of an approval in the change's `approvals` list of the program file.
const std::vector<FieldSpec>& DecisionFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "note",
       .label = "The reason",
       .hint = "In a sentence; the requester reads it, e.g. Funded from contingency.",
       .required = true,
       .textarea = true},
  };
  return kFields;
}

nlohmann::json RowJson(const report::ChangeRowWords& w, const std::string& program_id) {
  return {{"id", w.id},
          {"title", w.title},
          {"requested_by", w.requested_by},
          {"requested_on", w.requested_on},
          {"status", w.status},
          {"proposed", w.proposed},
          {"schedule", w.schedule},
          {"cost", w.cost},
          {"decided", w.decided},
          {"program_id", program_id}};
}

HttpResponse ChangePage(Call& call, const FormState& state, bool just_decided,
                        http::status status) {
  call.version.expected.reset();
  auto q = call.SimulationQuery();
  if (!q.ok()) return ErrorPage(call, q.error());
  auto listed = app::ListChanges(call.env, {{std::nullopt, call.Program()}, q->as_of});
  if (!listed.ok()) return ErrorPage(call, listed.error());
  const std::string version = call.version.current;
  const auto& program = listed->loaded.program;
  const std::string cid = call.Param("cid");
  const model::Change* change = nullptr;
  for (const auto& c : program.changes) {
    if (c.id == cid) change = &c;
  }
  if (!change) {
    return ErrorPage(call, Error::NotFound(fmt::format("no change request '{}' in program {}", cid,
                                                       call.Program())));
  }
  std::optional<Result<app::AssessChangeResponse>> read;
  {
    // Two simulations, within the server's limit; released before the header's own.
    SimulationSlot slot(call.state, std::chrono::seconds(10));
    if (!slot.held()) return ErrorPage(call, SimulationsBusy());
    app::AssessChangeRequest request;
    request.source = {std::nullopt, call.Program()};
    request.change_id = cid;
    request.as_of = q->as_of;
    request.iterations = q->iterations;
    request.seed = q->seed;
    read.emplace(app::AssessChange(call.env, request));
  }
  const auto& r = *read;
  // A change whose work cannot be put into the plan (its tasks already are) has no
  // assessment; the page still shows the change.
  if (!r.ok() && r.error().code != ErrorCode::kInvalidInput) return ErrorPage(call, r.error());
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());

  const auto rows = report::ChangeRowsOf(program);
  // After the form's redirect: the decision just recorded, as the CLI says it.
  std::string notice;
  if (just_decided && !change->approvals.empty()) {
    const auto& last = change->approvals.back();
    notice = fmt::format("Change {} is {} by {}.", cid, model::Name(last.decision), last.by);
  }
  nlohmann::json view = {{"program_id", call.Program()}, {"notice", notice}, {"form", false}};
  for (const auto& w : rows) {
    if (w.id == cid) view["change"] = RowJson(w, call.Program());
  }
  auto approvals = nlohmann::json::array();
  for (const auto& a : change->approvals) {
    approvals.push_back({{"decision", std::string(model::Name(a.decision))},
                         {"by", a.by},
                         {"on", a.on.ToString()},
                         {"note", a.note}});
  }
  view["approvals"] = approvals;
  view["assessed"] = r.ok();
  view["not_assessed"] = r.ok() ? "" : r.error().message;
  if (r.ok()) {
    const auto& a = r->assessment;
    auto comparison = nlohmann::json::array();
    for (const auto& c : report::ChangeComparisonOf(program, a)) {
      comparison.push_back({{"label", c.label}, {"without", c.without}, {"with", c.with}});
    }
    view["comparison"] = comparison;
    view["run"] = fmt::format("Simulated with {} iterations, seed {}, as of {}.", r->iterations,
                              r->seed, r->as_of.ToString());
    view["recommendation"] = report::RecommendationWords(a.recommendation);
    view["say_no"] = a.recommendation == toolkit::ChangeRecommendation::kReject;
    view["reason"] = a.reason;
    view["reply"] = a.reply;
  }
  const bool open = change->status == model::ChangeStatus::kProposed ||
                    change->status == model::ChangeStatus::kApproved;
  if (open && call.Role() >= app::Role::kOwner) {
    view["form"] = {{"csrf_token", call.who->csrf_token},
                    {"version", version},
                    {"program_id", call.Program()},
                    {"change_id", cid},
                    {"problem", state.problem},
                    {"fields", FieldsView(DecisionFields(), state.typed, state.errors)}};
  }
  return Page(call, {.title = "Change " + cid, .section = "changes", .program = std::move(*header)},
              "change", view, status);
}

HttpResponse DecideChange(Call& call, model::ApprovalDecision decision) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the decision from the change request's page.");
  }
  FormState state;
  state.typed = &*form;
  app::DecideChangeRequest request;
  request.program_id = call.Program();
  request.change_id = call.Param("cid");
  request.decision = decision;
  request.by = call.who->user;
  request.note = form->Value("note");
  const std::string refused = "Nothing was recorded: correct the fields marked below.";
  if (request.note.empty()) {
    state.errors["note"] = decision == model::ApprovalDecision::kApproved
                               ? "Say why it is approved, in a sentence."
                               : "Say why it is rejected, in a sentence: the requester reads it.";
    state.problem = refused;
    return ChangePage(call, state, false, http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::DecideChange(call.env, request);
  if (r.ok()) {
    return Redirect(call,
                    fmt::format("/programs/{}/changes/{}?decided={}", QueryEncode(call.Program()),
                                QueryEncode(r->change_id), model::Name(r->status)));
  }
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleFormProblem(call);
      return ChangePage(call, state, false, http::status::precondition_failed);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
      state.problem = refused;
      for (const auto& s : DiagnosticsBesideFields(r.error(), {"note"}, state.errors))
        state.problem += " " + s;
      return ChangePage(call, state, false, http::status::unprocessable_entity);
    default:
      return ErrorPage(call, r.error());
  }
}

}  // namespace

HttpResponse Changes(Call& call) {
  call.version.expected.reset();
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorPage(call, as_of.error());
  auto r = app::ListChanges(call.env, {{std::nullopt, call.Program()}, *as_of});
  if (!r.ok()) return ErrorPage(call, r.error());
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const auto& program = r->loaded.program;
  auto rows = nlohmann::json::array();
  for (const auto& w : report::ChangeRowsOf(program)) rows.push_back(RowJson(w, call.Program()));
  auto money = nlohmann::json::array();
  for (const auto& [label, amount] : report::MoneyRows(r->money, program.currency)) {
    money.push_back({{"label", label}, {"amount", amount}});
  }
  const nlohmann::json view = {
      {"has_changes", !rows.empty()},
      {"changes", rows},
      {"money", money},
      {"money_sentence", report::MoneySentence(r->money, program.currency)}};
  return Page(call,
              {.title = "Change requests", .section = "changes", .program = std::move(*header)},
              "changes", view);
}

HttpResponse Change(Call& call) {
  return ChangePage(call, {}, call.target.Query("decided").has_value(), http::status::ok);
}

HttpResponse ApproveChange(Call& call) {
  return DecideChange(call, model::ApprovalDecision::kApproved);
}

HttpResponse RejectChange(Call& call) {
  return DecideChange(call, model::ApprovalDecision::kRejected);
}

}  // namespace tpmkit::server::web::pages
