// The risk register page and its "add a risk" form. The form's fields are the program
// file's risk keys; it carries the session's CSRF token and the program's version, so a
// form loaded before someone else's change is refused (412) with who changed what, and
// shown again with everything typed kept.
#include <fmt/format.h>

#include <charconv>
#include <cmath>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/risk_cases.h"
#include "tpmkit/base/date.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/report/web_words.h"
#include "tpmkit/server/form.h"
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

std::optional<double> Number(const std::string& text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
    return std::nullopt;
  return v;
}

// The patch the form describes; errors by field name for what is missing or not of its
// type. Ranges and references are the program validator's (mapped back by FieldErrors).
app::RiskPatch PatchOf(const Form& form, std::map<std::string, std::string>& errors) {
  app::RiskPatch p;
  auto text = [&](const char* name, std::optional<std::string>& out) {
    if (auto v = form.Value(name); !v.empty()) out = v;
  };
  if (form.Value("id").empty()) errors["id"] = "Enter an id for the new risk.";
  if (form.Value("title").empty()) errors["title"] = "Enter a title.";
  text("title", p.title);
  text("category", p.category);
  text("owner", p.owner);
  text("mitigation", p.mitigation);
  if (auto v = form.Value("probability"); v.empty()) {
    errors["probability"] = "Enter a probability from 0 to 1.";
  } else if (auto n = Number(v)) {
    p.probability = *n;
  } else {
    errors["probability"] = "Enter a number from 0 to 1, e.g. 0.3.";
  }
  if (auto v = form.Value("severity"); v.empty()) {
    errors["severity"] = "Enter a severity from 1 to 5.";
  } else if (auto n = Number(v); n && *n == std::floor(*n) && std::fabs(*n) < 1e6) {
    p.severity = static_cast<int>(*n);
  } else {
    errors["severity"] = "Enter a whole number from 1 to 5.";
  }
  if (auto v = form.Value("impact.schedule"); !v.empty()) {
    if (auto n = Number(v)) {
      p.impact_schedule = *n;
    } else {
      errors["impact.schedule"] = "Enter a number of working days, e.g. 10.";
    }
  }
  if (auto v = form.Value("impact.cost"); !v.empty()) {
    if (auto n = Number(v)) {
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
std::vector<std::string> FieldErrors(const Error& error,
                                     std::map<std::string, std::string>& errors) {
  std::vector<std::string> rest;
  for (const auto& d : error.diagnostics) {
    const auto& m = d.message;
    const auto close = m.find("].");
    const auto colon = m.find(": ");
    if (m.starts_with("risks[") && close != std::string::npos && colon != std::string::npos &&
        close < colon) {
      const std::string field = m.substr(close + 2, colon - close - 2);
      for (const auto& f : RiskFields()) {
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

struct FormState {
  const Form* typed = nullptr;
  std::map<std::string, std::string> errors;
  std::string problem;
};

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
  for (const auto& w : report::RiskRowsOf(r->loaded.program, r->risks)) {
    notice_found = notice_found || w.id == notice;
    rows.push_back({{"id", w.id},
                    {"title", w.title},
                    {"category", w.category.empty() ? "-" : w.category},
                    {"owner", w.owner.empty() ? "-" : w.owner},
                    {"status", w.status},
                    {"probability", w.probability},
                    {"severity", w.severity},
                    {"score", w.score},
                    {"exposure", w.exposure},
                    {"response_due", w.response_due}});
  }
  nlohmann::json view = {{"program_id", call.Program()},
                         {"risks", rows},
                         {"has_risks", !rows.empty()},
                         {"heat_map_html", report::RiskHeatMapSvg(r->risks)},
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
std::string StaleText(Call& call) {
  app::ReadLogRequest request;
  request.filter.program = call.Program();
  request.limit = 1;
  auto log = app::ReadLog(call.env, request);
  if (!log.ok() || log->entries.empty()) return report::StaleFormText(call.Program(), "", "", "");
  const auto& e = log->entries.front();
  const std::string what =
      fmt::format("{} of {} {}", model::Name(e.change.action), e.change.entity, e.change.entity_id);
  return report::StaleFormText(call.Program(), e.actor, e.at, what);
}

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

}  // namespace tpmkit::server::web::pages
