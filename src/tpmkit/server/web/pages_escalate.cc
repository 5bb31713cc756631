// A risk's escalation from the browser: the form of `tpmkit escalate --risk` (to, from,
// decision; a GET form, since drafting changes nothing), the preview of the message the
// command prints, and the .eml the API gives for Accept: message/rfc822, all drafted by
// app::EscalateRisk.
#include <fmt/format.h>

#include "tpmkit/app/advice_cases.h"
#include "tpmkit/base/text.h"
#include "tpmkit/report/advice_text.h"
#include "tpmkit/report/escalation_text.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

std::string RiskPath(const Call& call, std::string_view tail = "") {
  return fmt::format("/programs/{}/risks/{}{}", QueryEncode(call.Program()),
                     QueryEncode(call.Param("rid")), tail);
}

// The escalation form's fields: the options of `tpmkit escalate --risk`.
const std::vector<FieldSpec>& EscalateFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "to",
       .label = "To",
       .hint = "The sponsor or a stakeholder, by id or name; \"Name <address>\" for the .eml.",
       .required = true},
      {.name = "from",
       .label = "From",
       .hint = "Who signs, \"Name <address>\" for the .eml; empty: the program's sponsor or "
               "team."},
      {.name = "decision",
       .label = "Decision",
       .hint = "The id of an open decision whose options the message prices; empty: none."},
  };
  return kFields;
}

struct Drafted {
  app::EscalateRiskResponse response;
  report::Mailbox to, from;
};

// The escalation the query asks for (to, from, decision), by the use case `tpmkit escalate`
// and the API share; errors by field name, or the use case's error.
Result<Drafted> DraftEscalation(Call& call, const Form& query,
                                std::map<std::string, std::string>& errors) {
  const std::string to_text = query.Value("to");
  const std::string from_text = query.Value("from");
  if (to_text.empty()) errors["to"] = "Enter who the escalation goes to.";
  // The names and addresses go into mail headers: nothing that could start a new header.
  if (HasControls(to_text)) errors["to"] = "Enter a name without control characters.";
  if (HasControls(from_text)) errors["from"] = "Enter a name without control characters.";
  if (!errors.empty()) return Error::Invalid("the form has errors");
  TPMKIT_ASSIGN_OR_RETURN(auto as_of, call.AsOf());
  Drafted d{{}, report::ParseMailbox(to_text), report::ParseMailbox(from_text)};
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) return SimulationsBusy();
  app::EscalateRiskRequest request;
  request.source = {std::nullopt, call.Program()};
  request.risk = call.Param("rid");
  if (auto decision = query.Value("decision"); !decision.empty()) request.decision = decision;
  request.to = d.to.name;
  request.from = d.from.name;
  request.as_of = as_of;
  TPMKIT_ASSIGN_OR_RETURN(d.response, app::EscalateRisk(call.env, request));
  return d;
}

Form QueryForm(const Call& call) {
  Form form;
  for (const auto& [k, v] : call.target.query) form.fields.emplace_back(k, v);
  return form;
}

}  // namespace

HttpResponse EscalateRisk(Call& call) {
  Form query = QueryForm(call);
  // The first visit shows the form alone; a preview needs someone to address.
  const bool asked = query.Get("to").has_value();
  std::map<std::string, std::string> errors;
  std::string problem;
  nlohmann::json preview = false;
  auto status = http::status::ok;
  if (asked) {
    auto d = DraftEscalation(call, query, errors);
    if (d.ok()) {
      const auto& e = d->response.escalation;
      const bool eml = !d->to.address.empty() && !d->from.address.empty();
      std::string eml_url;
      if (eml) {
        eml_url = RiskPath(call, "/escalate.eml?to=" + QueryEncode(query.Value("to")) +
                                     "&from=" + QueryEncode(query.Value("from")));
        if (auto decision = query.Value("decision"); !decision.empty())
          eml_url += "&decision=" + QueryEncode(decision);
      }
      preview = {{"text", report::EscalationText(e)},
                 {"words", report::EscalationBodyWords(e)},
                 {"eml_url", eml_url}};
    } else if (errors.empty()) {
      if (d.error().code != ErrorCode::kInvalidInput && d.error().code != ErrorCode::kNotFound &&
          d.error().code != ErrorCode::kUsage)
        return ErrorPage(call, d.error());
      problem = d.error().message;
      for (const auto& diag : d.error().diagnostics) problem += " " + diag.message;
      status = http::status::unprocessable_entity;
    } else {
      status = http::status::unprocessable_entity;
    }
  }
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const nlohmann::json view = {{"program_id", call.Program()},
                               {"risk_id", call.Param("rid")},
                               {"risk_path", RiskPath(call)},
                               {"action", RiskPath(call, "/escalate")},
                               {"problem", problem},
                               {"preview", preview},
                               {"fields", FieldsView(EscalateFields(), &query, errors)}};
  return Page(
      call,
      {.title = "Escalate " + call.Param("rid"), .section = "risks", .program = std::move(*header)},
      "escalate", view, status);
}

HttpResponse EscalateRiskEml(Call& call) {
  const Form query = QueryForm(call);
  std::map<std::string, std::string> errors;
  auto d = DraftEscalation(call, query, errors);
  if (!d.ok()) {
    if (!errors.empty()) {
      return MessagePage(call, http::status::unprocessable_entity, "Cannot draft the message",
                         errors.begin()->second);
    }
    return ErrorPage(call, d.error());
  }
  if (d->to.address.empty() || d->from.address.empty()) {
    return MessagePage(call, http::status::unprocessable_entity, "Cannot draft the message",
                       "An .eml needs addresses for both: \"Name <address>\" in To and From.");
  }
  const auto& e = d->response.escalation;
  const auto options = report::EscalationEmlOptions(
      d->response.loaded.program.id, e, d->response.as_of, d->from.address, d->to.address);
  return DocumentResponse(call, report::EscalationEml(e, options), "message/rfc822",
                          "escalation-" + e.risk_id + ".eml");
}

}  // namespace tpmkit::server::web::pages
