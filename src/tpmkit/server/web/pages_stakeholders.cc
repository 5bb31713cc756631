// The stakeholders page: the influence x impact matrix, each stakeholder's cadence and
// whether the next contact is overdue, the communication plan as `tpmkit stakeholders
// plan` words it, and, for editors, the form to log a contact with one stakeholder (the
// use case of `tpmkit stakeholder contact`). The form is for the stakeholder picked with
// ?contact=ID (a link on each row), else the first one overdue, so that it works without
// script.
#include <fmt/format.h>

#include "tpmkit/app/stakeholder_cases.h"
#include "tpmkit/report/register_web_words.h"
#include "tpmkit/report/stakeholder_report.h"
#include "tpmkit/report/stakeholder_text.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

// The keys of a contact in the stakeholder's `contacts` list of the program file.
const std::vector<FieldSpec>& ContactFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "on",
       .label = "Date of the contact",
       .type = "date",
       .hint = "YYYY-MM-DD.",
       .required = true},
      {.name = "note",
       .label = "What was discussed",
       .hint = "A sentence or two: the channel, what they heard, what they asked.",
       .required = true,
       .textarea = true},
  };
  return kFields;
}

std::vector<std::string> ContactFieldNames() {
  std::vector<std::string> names;
  for (const auto& f : ContactFields()) names.push_back(f.name);
  return names;
}

struct FormState {
  std::string stakeholder;  // whose contact the form logs; "" for the page's choice
  const Form* typed = nullptr;
  std::map<std::string, std::string> errors;
  std::string problem;
};

HttpResponse StakeholdersPage(Call& call, const FormState& state, http::status status) {
  call.version.expected.reset();
  app::ListStakeholdersRequest request;
  request.source = {std::nullopt, call.Program()};
  request.communication_plan = true;
  auto r = app::ListStakeholders(call.env, request);
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());

  const bool editor = call.Role() >= app::Role::kEditor;
  // The stakeholder the form is for: the one asked for, else the first overdue, else
  // the first of the matrix.
  const std::string asked =
      state.stakeholder.empty() ? call.target.Query("contact").value_or("") : state.stakeholder;
  const auto words = report::StakeholderRowsOf(r->matrix);
  const report::StakeholderWords* chosen = nullptr;
  for (const auto& w : words) {
    if (w.id == asked) chosen = &w;
  }
  for (const auto& w : words) {
    if (!chosen && w.overdue) chosen = &w;
  }
  if (!chosen && !words.empty()) chosen = &words.front();

  auto rows = nlohmann::json::array();
  for (const auto& w : words) {
    rows.push_back({{"id", w.id},
                    {"name", w.name},
                    {"role", w.role},
                    {"quadrant", w.quadrant},
                    {"stance", w.stance},
                    {"influence", w.influence},
                    {"impact", w.impact},
                    {"priority", w.priority},
                    {"channel", w.channel},
                    {"cadence", w.cadence},
                    {"last_contact", w.last_contact},
                    {"next_contact", w.next_contact},
                    {"overdue", w.overdue},
                    {"contact_link", editor},
                    {"program_id", call.Program()}});
  }
  // The contact just logged (?logged=ID&on=DATE after the form's redirect), when the
  // stakeholder's history holds it: a link cannot make the page claim one.
  std::string notice;
  const std::string logged = call.target.Query("logged").value_or("");
  const auto on = Date::Parse(call.target.Query("on").value_or(""));
  for (const auto& s : r->loaded.program.stakeholders) {
    if (s.id != logged || !on) continue;
    for (const auto& c : s.contacts) {
      if (c.on == *on) notice = report::ContactText({s.id, s.name, *on, 0});
    }
  }
  nlohmann::json view = {{"program_id", call.Program()},
                         {"as_of", r->as_of.ToString()},
                         {"has_stakeholders", !rows.empty()},
                         {"stakeholders", rows},
                         {"overdue", report::OverdueWords(r->matrix)},
                         {"matrix_html", report::StakeholderMatrixSvg(r->matrix)},
                         {"plan", r->plan ? report::CommunicationPlanText(*r->plan, {}) : ""},
                         {"notice", notice},
                         {"form", false}};
  if (editor && chosen) {
    Form start;
    start.fields.emplace_back("on", call.env.clock.Today().ToString());
    view["form"] = {
        {"csrf_token", call.who->csrf_token},
        {"version", version},
        {"program_id", call.Program()},
        {"stakeholder_id", chosen->id},
        {"stakeholder_name", chosen->name},
        {"problem", state.problem},
        {"fields", FieldsView(ContactFields(), state.typed ? state.typed : &start, state.errors)}};
  }
  return Page(call,
              {.title = "Stakeholders",
               .section = "stakeholders",
               .program = std::move(*header),
               .as_of = r->as_of.ToString()},
              "stakeholders", view, status);
}

}  // namespace

HttpResponse Stakeholders(Call& call) { return StakeholdersPage(call, {}, http::status::ok); }

HttpResponse LogContact(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the contact from the stakeholders page.");
  }
  FormState state;
  state.stakeholder = call.Param("sid");
  state.typed = &*form;
  app::LogContactRequest request;
  request.program_id = call.Program();
  request.stakeholder_id = call.Param("sid");
  request.note = form->Value("note");
  if (auto v = form->Value("on"); v.empty()) {
    state.errors["on"] = "Enter the date of the contact.";
  } else if (auto d = Date::Parse(v)) {
    request.on = *d;
  } else {
    state.errors["on"] = "Enter a date as YYYY-MM-DD.";
  }
  if (request.note.empty()) state.errors["note"] = "Say in a sentence what was discussed.";
  const std::string refused = "The contact was not logged: correct the fields marked below.";
  if (!state.errors.empty()) {
    state.problem = refused;
    return StakeholdersPage(call, state, http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::LogContact(call.env, request);
  if (r.ok()) {
    return Redirect(
        call, fmt::format("/programs/{}/stakeholders?logged={}&on={}", QueryEncode(call.Program()),
                          QueryEncode(r->stakeholder_id), r->on.ToString()));
  }
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleFormProblem(call);
      return StakeholdersPage(call, state, http::status::precondition_failed);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
      state.problem = refused;
      for (const auto& s : DiagnosticsBesideFields(r.error(), ContactFieldNames(), state.errors))
        state.problem += " " + s;
      return StakeholdersPage(call, state, http::status::unprocessable_entity);
    default:
      return ErrorPage(call, r.error());
  }
}

}  // namespace tpmkit::server::web::pages
