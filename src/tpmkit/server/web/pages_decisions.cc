// The decisions pages: the register of trade-off decisions, and one decision analysed as
// `tpmkit decide` does it (each option simulated with the same iterations and seed): the
// options x weighted criteria table with the simulated metrics, the sensitivity of the
// ranking to each weight, the stakeholders' own rankings and the memo. Owners choose an
// option with the reason (the use case of `decide --choose`, an owner's act as in the API).
#include <fmt/format.h>

#include "tpmkit/app/decision_cases.h"
#include "tpmkit/report/decision_memo.h"
#include "tpmkit/report/markdown_html.h"
#include "tpmkit/report/register_web_words.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

// The decision's keys in the program file: the option chosen and why.
const std::vector<FieldSpec>& ChoiceFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "rationale",
       .label = "Why this option",
       .hint = "The reason the steering committee will read in the decision record.",
       .required = true,
       .textarea = true},
  };
  return kFields;
}

HttpResponse DecisionPage(Call& call, const FormState& state, bool just_chosen,
                          http::status status) {
  call.version.expected.reset();
  auto q = call.SimulationQuery();
  if (!q.ok()) return ErrorPage(call, q.error());
  std::optional<Result<app::AnalyzeDecisionResponse>> read;
  {
    // Every option is simulated: within the server's limit of simulations, released
    // before the header takes its own.
    SimulationSlot slot(call.state, std::chrono::seconds(10));
    if (!slot.held()) return ErrorPage(call, SimulationsBusy());
    app::AnalyzeDecisionRequest request;
    request.source = {std::nullopt, call.Program()};
    request.decision_id = call.Param("did");
    request.as_of = q->as_of;
    request.iterations = q->iterations;
    request.seed = q->seed;
    request.threads = call.options.forecast_threads;
    request.memo = true;
    read.emplace(app::AnalyzeDecision(call.env, request));
  }
  const auto& r = *read;
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const auto& program = r->loaded.program;
  const auto& d = r->decision;

  auto headings = nlohmann::json::array();
  for (const auto& h : report::CriterionHeadings(d)) headings.push_back({{"heading", h}});
  auto options = nlohmann::json::array();
  for (const auto& w : report::OptionRowsOf(program, d, r->analysis)) {
    auto scores = nlohmann::json::array();
    for (const auto& s : w.scores) scores.push_back({{"score", s}});
    options.push_back({{"rank", w.rank},
                       {"option", w.option},
                       {"name", w.name},
                       {"top", w.top},
                       {"scores", scores},
                       {"weighted", w.weighted},
                       {"cost", w.cost},
                       {"finish", w.finish},
                       {"p80_finish", w.p80_finish},
                       {"p_on_time", w.p_on_time}});
  }
  const bool open = d.status == model::DecisionStatus::kOpen;
  nlohmann::json view = {
      {"program_id", call.Program()},
      {"id", d.id},
      {"question", d.question},
      {"status", std::string(model::Name(d.status))},
      {"rule", d.decision_rule},
      {"run", fmt::format("Each option simulated with {} iterations, seed {}, as of {}.",
                          r->iterations, r->seed, r->as_of.ToString())},
      {"headings", headings},
      {"options", options},
      {"recommendation",
       report::RecommendationLine(toolkit::ApplyDecisionRule(program, d, r->analysis))},
      {"sensitivity", report::SensitivityLines(r->analysis)},
      {"preferences", report::PreferenceLines(r->analysis)},
      // The memo's Markdown as HTML, every text in it escaped (report/markdown_html.h).
      {"memo_html", report::MarkdownHtml(r->memo.value_or(""), 2)},
      {"decided", !open},
      {"chosen", d.chosen},
      {"rationale", d.rationale},
      {"decided_by", d.decided_by},
      {"decided_on", d.decided_on ? d.decided_on->ToString() : ""},
      {"notice", just_chosen && !open ? fmt::format("Recorded decision {}: {}, decided by {}.",
                                                    d.id, d.chosen, d.decided_by)
                                      : ""},
      {"form", false}};
  if (open && call.Role() >= app::Role::kOwner) {
    const std::string typed_option = state.typed ? state.typed->Value("chosen") : "";
    auto choices = nlohmann::json::array();
    for (const auto& o : d.options) {
      choices.push_back({{"id", o.id},
                         {"name", o.name.empty() ? o.id : o.name},
                         {"checked", o.id == typed_option}});
    }
    const auto error = state.errors.find("chosen");
    view["form"] = {{"csrf_token", call.who->csrf_token},
                    {"version", version},
                    {"program_id", call.Program()},
                    {"decision_id", d.id},
                    {"problem", state.problem},
                    {"choices", choices},
                    {"chosen_error", error == state.errors.end() ? "" : error->second},
                    {"fields", FieldsView(ChoiceFields(), state.typed, state.errors)}};
  }
  return Page(call,
              {.title = "Decision " + d.id,
               .section = "decisions",
               .program = std::move(*header),
               .as_of = r->as_of.ToString()},
              "decision", view, status);
}

}  // namespace

HttpResponse Decisions(Call& call) {
  call.version.expected.reset();
  auto loaded = app::LoadProgram(call.env, {std::nullopt, call.Program()});
  if (!loaded.ok()) return ErrorPage(call, loaded.error());
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  auto rows = nlohmann::json::array();
  for (const auto& w : report::DecisionRowsOf(loaded->program)) {
    rows.push_back({{"id", w.id},
                    {"question", w.question},
                    {"status", w.status},
                    {"chosen", w.chosen},
                    {"options", w.options},
                    {"program_id", call.Program()}});
  }
  const nlohmann::json view = {{"has_decisions", !rows.empty()}, {"decisions", rows}};
  return Page(call, {.title = "Decisions", .section = "decisions", .program = std::move(*header)},
              "decisions", view);
}

HttpResponse Decision(Call& call) {
  return DecisionPage(call, {}, call.target.Query("chosen").has_value(), http::status::ok);
}

HttpResponse ChooseOption(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the choice from the decision's page.");
  }
  FormState state;
  state.typed = &*form;
  app::ChooseOptionRequest request;
  request.program_id = call.Program();
  request.decision_id = call.Param("did");
  request.option_id = form->Value("chosen");
  request.by = call.who->user;
  request.rationale = form->Value("rationale");
  if (request.option_id.empty()) state.errors["chosen"] = "Choose one of the options.";
  if (request.rationale.empty()) state.errors["rationale"] = "Say why, in a sentence or two.";
  const std::string refused = "The decision was not recorded: correct the fields marked below.";
  if (!state.errors.empty()) {
    state.problem = refused;
    return DecisionPage(call, state, false, http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::ChooseOption(call.env, request);
  if (r.ok()) {
    return Redirect(call,
                    fmt::format("/programs/{}/decisions/{}?chosen={}", QueryEncode(call.Program()),
                                QueryEncode(r->decision_id), QueryEncode(r->option_id)));
  }
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleFormProblem(call);
      return DecisionPage(call, state, false, http::status::precondition_failed);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage:
      // An option the decision does not have: the use case lists the ones it has.
      state.problem = refused;
      if (r.error().diagnostics.empty()) {
        state.errors["chosen"] = r.error().message;
      } else {
        for (const auto& s :
             DiagnosticsBesideFields(r.error(), {"chosen", "rationale"}, state.errors))
          state.problem += " " + s;
      }
      return DecisionPage(call, state, false, http::status::unprocessable_entity);
    default:
      return ErrorPage(call, r.error());
  }
}

}  // namespace tpmkit::server::web::pages
