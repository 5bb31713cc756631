// The risk register page and its "add a risk" form; one risk's page with its edit and
// close forms (its escalation is pages_escalate.cc's).
// The forms' fields are the program file's risk keys; each carries the session's CSRF
// token and the program's version, so a form loaded before someone else's change is
// refused (412) with who changed what, and shown again with everything typed kept.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/risk_cases.h"
#include "tpmkit/base/date.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/report/web_words.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

const std::vector<FieldSpec>& RiskFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "id", .label = "Id", .hint = "A short unique id, e.g. R-12.", .required = true},
      {.name = "title", .label = "Title", .required = true},
      {.name = "category",
       .label = "Category",
       .hint = "A scorecard criterion, e.g. schedule, cost, scope, quality, people, "
               "dependencies."},
      {.name = "owner", .label = "Owner"},
      {.name = "probability",
       .label = "Probability",
       .type = "number",
       .hint = "From 0 to 1, e.g. 0.3.",
       .required = true},
      {.name = "severity",
       .label = "Severity",
       .type = "number",
       .hint = "1 (minor) to 5 (severe).",
       .required = true},
      {.name = "impact.schedule",
       .label = "Schedule impact",
       .type = "number",
       .hint = "Working days the program would slip."},
      {.name = "impact.cost",
       .label = "Cost impact",
       .type = "number",
       .hint = "In the program's currency."},
      {.name = "response_due", .label = "Response due", .type = "date", .hint = "YYYY-MM-DD."},
      {.name = "mitigation", .label = "Mitigation", .textarea = true},
  };
  return kFields;
}

// The edit form's fields: the risk's keys but its id (which cannot change), with its status.
const std::vector<FieldSpec>& EditRiskFields() {
  static const std::vector<FieldSpec> kFields = [] {
    std::vector<FieldSpec> fields;
    for (const auto& f : RiskFields()) {
      if (f.name == "id") continue;
      fields.push_back(f);
      if (f.name == "owner") {
        fields.push_back({.name = "status",
                          .label = "Status",
                          .hint = "open, mitigating, closed or realized.",
                          .required = true});
      }
    }
    return fields;
  }();
  return kFields;
}

// The patch the form describes; errors by field name for what is missing or not of its
// type. Ranges and references are the program validator's (mapped back by FieldErrors).
// Adding, an empty text field is left out; editing, it clears the key (an owner removed).
app::RiskPatch PatchOf(const Form& form, std::map<std::string, std::string>& errors,
                       bool adding = true) {
  app::RiskPatch p;
  auto text = [&](const char* name, std::optional<std::string>& out) {
    if (auto v = form.Get(name); v && (!v->empty() || !adding)) out = *v;
  };
  if (adding && form.Value("id").empty()) errors["id"] = "Enter an id for the new risk.";
  if (!adding) {
    if (auto v = form.Value("status"); v.empty()) {
      errors["status"] = "Enter open, mitigating, closed or realized.";
    } else if (!(p.status = app::ParseRiskStatus(v))) {
      errors["status"] = "Enter one of open, mitigating, closed or realized.";
    }
  }
  if (form.Value("title").empty()) errors["title"] = "Enter a title.";
  text("title", p.title);
  text("category", p.category);
  text("owner", p.owner);
  text("mitigation", p.mitigation);
  if (auto v = form.Value("probability"); v.empty()) {
    errors["probability"] = "Enter a probability from 0 to 1.";
  } else if (auto n = TypedNumber(v)) {
    p.probability = *n;
  } else {
    errors["probability"] = "Enter a number from 0 to 1, e.g. 0.3.";
  }
  if (auto v = form.Value("severity"); v.empty()) {
    errors["severity"] = "Enter a severity from 1 to 5.";
  } else if (auto n = TypedNumber(v); n && *n == std::floor(*n) && std::fabs(*n) < 1e6) {
    p.severity = static_cast<int>(*n);
  } else {
    errors["severity"] = "Enter a whole number from 1 to 5.";
  }
  if (auto v = form.Value("impact.schedule"); !v.empty()) {
    if (auto n = TypedNumber(v)) {
      p.impact_schedule = *n;
    } else {
      errors["impact.schedule"] = "Enter a number of working days, e.g. 10.";
    }
  }
  if (auto v = form.Value("impact.cost"); !v.empty()) {
    if (auto n = TypedNumber(v)) {
      p.impact_cost = *n;
    } else {
      errors["impact.cost"] = "Enter an amount, e.g. 25000.";
    }
  }
  if (auto v = form.Value("response_due"); !v.empty()) {
    if (auto d = Date::Parse(v)) {
      p.response_due = *d;
    } else {
      errors["response_due"] = "Enter a date as YYYY-MM-DD.";
    }
  }
  return p;
}

// The validator's diagnostics ("risks[7].probability: ...") beside their fields; the rest
// as sentences for the top of the form.
std::vector<std::string> FieldErrors(const Error& error, std::map<std::string, std::string>& errors,
                                     const std::vector<FieldSpec>& fields = RiskFields()) {
  std::vector<std::string> rest;
  for (const auto& d : error.diagnostics) {
    const auto& m = d.message;
    const auto close = m.find("].");
    const auto colon = m.find(": ");
    if (m.starts_with("risks[") && close != std::string::npos && colon != std::string::npos &&
        close < colon) {
      const std::string field = m.substr(close + 2, colon - close - 2);
      for (const auto& f : fields) {
        if (f.name == field && !errors.contains(field)) {
          errors[field] = m.substr(colon + 2);
          break;
        }
      }
      if (errors.contains(field)) continue;
    }
    rest.push_back(m);
  }
  if (error.diagnostics.empty()) rest.push_back(error.message);
  return rest;
}

// One risk's cells as the register and the risk's own page show them.
nlohmann::json RiskRowView(const report::RiskRowWords& w) {
  return {{"id", w.id},
          {"title", w.title},
          {"category", w.category.empty() ? "-" : w.category},
          {"owner", w.owner.empty() ? "-" : w.owner},
          {"status", w.status},
          {"probability", w.probability},
          {"severity", w.severity},
          {"score", w.score},
          {"exposure", w.exposure},
          {"response_due", w.response_due}};
}

// The heat-map cell of "L,S", each 1..5; nullopt for anything else (the whole list).
std::optional<std::pair<int, int>> HeatMapCell(const std::string& text) {
  if (text.size() != 3 || text[1] != ',' || text[0] < '1' || text[0] > '5' || text[2] < '1' ||
      text[2] > '5')
    return std::nullopt;
  return std::pair(text[0] - '0', text[2] - '0');
}

// The register, its heat map and (for editors) the form, with the program's header.
HttpResponse RisksPage(Call& call, const FormState& state, const std::string& notice,
                       http::status status) {
  call.version.expected.reset();
  auto r = app::ListRisks(call.env, {{std::nullopt, call.Program()}});
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  auto rows = nlohmann::json::array();
  bool notice_found = false;
  // ?cell=L,S (a heat-map cell's link): only the open and mitigating risks of that
  // likelihood and severity, as the cell counts them.
  const auto cell = HeatMapCell(call.target.Query("cell").value_or(""));
  const auto words = report::RiskRowsOf(r->loaded.program, r->risks);
  for (size_t i = 0; i < words.size() && i < r->risks.risks.size(); ++i) {
    const auto& w = words[i];
    const auto& risk = r->risks.risks[i];
    if (cell && (!w.active || risk.likelihood != cell->first || risk.severity != cell->second))
      continue;
    notice_found = notice_found || w.id == notice;
    rows.push_back(RiskRowView(w));
  }
  nlohmann::json view = {{"program_id", call.Program()},
                         {"risks", rows},
                         {"has_risks", !rows.empty()},
                         {"heat_map_html", report::RiskHeatMapSvg(r->risks)},
                         {"cell_filter", cell ? fmt::format("Open and mitigating risks of "
                                                            "likelihood {}, severity {}.",
                                                            cell->first, cell->second)
                                              : ""},
                         {"notice", notice_found ? fmt::format("Added risk {}.", notice) : ""},
                         {"form", false}};
  if (call.Role() >= app::Role::kEditor) {
    view["form"] = {{"csrf_token", call.who->csrf_token},
                    {"version", version},
                    {"program_id", call.Program()},
                    {"problem", state.problem},
                    {"fields", FieldsView(RiskFields(), state.typed, state.errors)}};
  }
  return Page(call, {.title = "Risks", .section = "risks", .program = std::move(*header)}, "risks",
              view, status);
}

// Who changed the program last, for the 412 page.
std::string StaleText(Call& call) { return StaleFormProblem(call); }

}  // namespace

HttpResponse Risks(Call& call) {
  return RisksPage(call, {}, call.target.Query("added").value_or(""), http::status::ok);
}

HttpResponse AddRisk(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the form from the risk register page.");
  }
  FormState state;
  state.typed = &*form;
  app::RiskPatch patch = PatchOf(*form, state.errors);
  if (!state.errors.empty()) {
    state.problem = "The risk was not added: correct the fields marked below.";
    return RisksPage(call, state, "", http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  const std::string id = form->Value("id");
  auto r = app::AddRisk(call.env, {call.Program(), id, std::move(patch)});
  if (r.ok()) {
    return Redirect(call, fmt::format("/programs/{}/risks?added={}", QueryEncode(call.Program()),
                                      QueryEncode(id)));
  }
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleText(call);
      return RisksPage(call, state, "", http::status::precondition_failed);
    case ErrorCode::kConflict:
      state.errors["id"] = r.error().message;
      state.problem = "The risk was not added: correct the fields marked below.";
      return RisksPage(call, state, "", http::status::conflict);
    case ErrorCode::kInvalidInput: {
      const auto rest = FieldErrors(r.error(), state.errors);
      state.problem = "The risk was not added: correct the fields marked below.";
      for (const auto& s : rest) state.problem += " " + s;
      return RisksPage(call, state, "", http::status::unprocessable_entity);
    }
    default:
      return ErrorPage(call, r.error());
  }
}

namespace {

// The form of a stored risk: its values as the edit form's fields name them.
Form RiskForm(const model::Risk& risk) {
  Form form;
  auto add = [&](const char* name, std::string value) {
    form.fields.emplace_back(name, std::move(value));
  };
  add("title", risk.title);
  add("category", risk.category);
  add("owner", risk.owner);
  add("status", std::string(model::Name(risk.status)));
  add("probability", fmt::format("{}", risk.probability));
  add("severity", fmt::format("{}", risk.severity));
  if (risk.impact && risk.impact->schedule) {
    add("impact.schedule", fmt::format("{}", *risk.impact->schedule));
  }
  if (risk.impact && risk.impact->cost) {
    add("impact.cost", fmt::format("{}", risk.impact->cost->ToDouble()));
  }
  if (risk.response_due) add("response_due", risk.response_due->ToString());
  add("mitigation", risk.mitigation);
  return form;
}

std::string RiskPath(const Call& call, std::string_view tail = "") {
  return fmt::format("/programs/{}/risks/{}{}", QueryEncode(call.Program()),
                     QueryEncode(call.Param("rid")), tail);
}

// One risk: its row of the register, and for editors the edit and close forms (the edit
// form shows the stored values, or what was typed when it comes back with errors).
HttpResponse RiskPage(Call& call, const FormState& state, const std::string& notice,
                      http::status status) {
  call.version.expected.reset();
  auto r = app::ListRisks(call.env, {{std::nullopt, call.Program()}});
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  const std::string& rid = call.Param("rid");
  const auto& risks = r->loaded.program.risks;
  auto risk = std::find_if(risks.begin(), risks.end(), [&](const auto& x) { return x.id == rid; });
  if (risk == risks.end()) {
    return MessagePage(call, http::status::not_found, "Not found",
                       fmt::format("no risk '{}' in program '{}'", rid, call.Program()));
  }
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  nlohmann::json row = nlohmann::json::object();
  bool active = false;
  for (const auto& w : report::RiskRowsOf(r->loaded.program, r->risks)) {
    if (w.id != rid) continue;
    active = w.active;
    row = RiskRowView(w);
    row["response_due"] = w.response_due.empty() ? "-" : w.response_due;
    row["mitigation"] = risk->mitigation.empty() ? "-" : risk->mitigation;
  }
  const Form stored = RiskForm(*risk);
  nlohmann::json view = {{"program_id", call.Program()},
                         {"risk", row},
                         {"risk_id", rid},
                         {"risk_title", risk->title},
                         {"risk_path", RiskPath(call)},
                         {"notice", notice},
                         {"form", false},
                         {"close_form", false}};
  if (call.Role() >= app::Role::kEditor) {
    view["form"] = {{"csrf_token", call.who->csrf_token},
                    {"version", version},
                    {"action", RiskPath(call)},
                    {"problem", state.problem},
                    {"fields", FieldsView(EditRiskFields(), state.typed ? state.typed : &stored,
                                          state.errors)}};
    if (active) {
      view["close_form"] = {{"csrf_token", call.who->csrf_token},
                            {"version", version},
                            {"action", RiskPath(call, "/close")}};
    }
  }
  return Page(call, {.title = "Risk " + rid, .section = "risks", .program = std::move(*header)},
              "risk", view, status);
}

std::string SavedNotice(const Call& call) {
  const auto done = call.target.Query("done").value_or("");
  if (done == "saved") return "Saved.";
  if (done == "closed") return "Closed.";
  return "";
}

}  // namespace

HttpResponse Risk(Call& call) { return RiskPage(call, {}, SavedNotice(call), http::status::ok); }

HttpResponse EditRisk(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the form from the risk's page.");
  }
  FormState state;
  state.typed = &*form;
  const std::string kNotSaved = "The risk was not saved: correct the fields marked below.";
  app::RiskPatch patch = PatchOf(*form, state.errors, /*adding=*/false);
  if (!state.errors.empty()) {
    state.problem = kNotSaved;
    return RiskPage(call, state, "", http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::UpdateRisk(call.env, {call.Program(), call.Param("rid"), std::move(patch)});
  if (r.ok()) return Redirect(call, RiskPath(call, "?done=saved"));
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleText(call);
      return RiskPage(call, state, "", http::status::precondition_failed);
    case ErrorCode::kInvalidInput: {
      const auto rest = FieldErrors(r.error(), state.errors, EditRiskFields());
      state.problem = kNotSaved;
      for (const auto& s : rest) state.problem += " " + s;
      return RiskPage(call, state, "", http::status::unprocessable_entity);
    }
    default:
      return ErrorPage(call, r.error());
  }
}

HttpResponse CloseRisk(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the form from the risk's page.");
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::CloseRisk(call.env, {call.Program(), call.Param("rid")});
  if (r.ok()) return Redirect(call, RiskPath(call, "?done=closed"));
  if (r.error().code == ErrorCode::kStale) {
    FormState state;
    state.problem = StaleText(call);
    return RiskPage(call, state, "", http::status::precondition_failed);
  }
  return ErrorPage(call, r.error());
}

}  // namespace tpmkit::server::web::pages
