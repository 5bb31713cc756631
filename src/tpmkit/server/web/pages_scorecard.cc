// The scorecard page: the six criteria of the latest assessment with weight, rating, the
// points each adds to the score and its band; the trend; and, for editors, the assessment
// form with the rating the data suggests for each criterion and why, beside its field
// (the use cases of `tpmkit scorecard --suggest` and `scorecard assess`).
#include <fmt/format.h>

#include "tpmkit/app/risk_cases.h"
#include "tpmkit/report/register_web_words.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/form_support.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

constexpr std::string_view kRatingPrefix = "ratings.";

// One rating field per criterion, named as the assessment's key in the program file
// ("ratings.vendor"), with the suggestion as its hint; then the notes.
std::vector<FieldSpec> AssessmentFields(const toolkit::ScorecardResult& card,
                                        const std::optional<toolkit::SuggestedRatings>& suggested) {
  std::vector<FieldSpec> fields;
  const auto words = report::CriterionRowsOf(card);
  for (size_t i = 0; i < card.criteria.size() && i < words.size(); ++i) {
    const auto& c = card.criteria[i];
    FieldSpec f{
        .name = std::string(kRatingPrefix) + c.id,
        .label = fmt::format("{} (weight {})", c.name.empty() ? c.id : c.name, words[i].weight),
        .type = "number",
        .hint = "1 = no concern .. 5 = severe."};
    if (suggested) {
      for (const auto& s : suggested->items) {
        if (s.criterion == c.id) f.hint = report::SuggestionWords(s);
      }
    }
    fields.push_back(std::move(f));
  }
  fields.push_back({.name = "notes", .label = "Notes", .textarea = true});
  return fields;
}

// What the form shows before anything is typed: the suggested rating, else the latest.
Form StartingValues(const toolkit::ScorecardResult& card,
                    const std::optional<toolkit::SuggestedRatings>& suggested) {
  Form form;
  for (const auto& c : card.criteria) {
    std::optional<int> rating;
    if (suggested && suggested->ratings.contains(c.id)) {
      rating = suggested->ratings.at(c.id);
    } else if (card.ratings.contains(c.id)) {
      rating = card.ratings.at(c.id);
    }
    if (rating)
      form.fields.emplace_back(std::string(kRatingPrefix) + c.id, std::to_string(*rating));
  }
  return form;
}

HttpResponse ScorecardPage(Call& call, const FormState& state, const std::string& notice,
                           http::status status) {
  call.version.expected.reset();
  const bool editor = call.Role() >= app::Role::kEditor;
  std::optional<Result<app::ShowScorecardResponse>> read;
  {
    // Suggestions run the forecast: only for the form, and within the server's limit of
    // simulations (released before the header takes its own).
    std::optional<SimulationSlot> slot;
    if (editor) {
      slot.emplace(call.state, std::chrono::seconds(10));
      if (!slot->held()) return ErrorPage(call, SimulationsBusy());
    }
    app::ShowScorecardRequest request;
    request.source = {std::nullopt, call.Program()};
    request.suggest = editor;
    read.emplace(app::ShowScorecard(call.env, request));
  }
  const auto& r = *read;
  if (!r.ok()) return ErrorPage(call, r.error());
  const std::string version = call.version.current;
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const auto& card = r->scorecard;

  auto rows = nlohmann::json::array();
  for (const auto& w : report::CriterionRowsOf(card)) {
    rows.push_back({{"id", w.id},
                    {"name", w.name},
                    {"weight", w.weight},
                    {"rating", w.rating},
                    {"weighted", w.weighted},
                    {"band", w.band}});
  }
  auto trend = nlohmann::json::array();
  for (const auto& t : card.trend) {
    trend.push_back({{"date", t.date.ToString()},
                     {"by", t.by.empty() ? "-" : t.by},
                     {"score", report::ScoreWords(t.score, t.band)}});
  }
  const bool recorded = card.date && card.date->ToString() == notice;
  nlohmann::json view = {
      {"program_id", call.Program()},
      {"assessed", card.date.has_value()},
      {"date", card.date ? card.date->ToString() : ""},
      {"by", card.by},
      {"notes", card.notes},
      {"score", report::ScoreWords(card.score, card.band)},
      {"criteria", rows},
      {"has_trend", !trend.empty()},
      {"trend", trend},
      {"trend_html", report::ScorecardTrendSvg(card)},
      {"notice", recorded ? fmt::format("Recorded the assessment of {}: {}.", notice,
                                        report::ScoreWords(card.score, card.band))
                          : ""},
      {"form", false}};
  if (editor) {
    const Form start = StartingValues(card, r->suggested);
    view["form"] = {
        {"csrf_token", call.who->csrf_token},
        {"version", version},
        {"program_id", call.Program()},
        {"problem", state.problem},
        {"suggested",
         r->suggested ? report::ScoreWords(r->suggested->score, r->suggested->band) : ""},
        {"fields", FieldsView(AssessmentFields(card, r->suggested),
                              state.typed ? state.typed : &start, state.errors)}};
  }
  return Page(call, {.title = "Scorecard", .section = "scorecard", .program = std::move(*header)},
              "scorecard", view, status);
}

}  // namespace

HttpResponse Scorecard(Call& call) {
  return ScorecardPage(call, {}, call.target.Query("assessed").value_or(""), http::status::ok);
}

HttpResponse AssessScorecard(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a form",
                       "Send the assessment from the scorecard page.");
  }
  FormState state;
  state.typed = &*form;
  app::AssessScorecardRequest request;
  request.program_id = call.Program();
  request.by = call.who->user;
  request.notes = form->Value("notes");
  std::vector<std::string> names = {"notes"};
  for (const auto& [name, value] : form->fields) {
    if (!name.starts_with(kRatingPrefix) || value.empty()) continue;
    names.push_back(name);
    if (auto n = TypedWholeNumber(value)) {
      request.ratings[name.substr(kRatingPrefix.size())] = *n;
    } else {
      state.errors[name] = "Enter a whole number from 1 (no concern) to 5 (severe).";
    }
  }
  const std::string refused = "The assessment was not recorded: correct the fields marked below.";
  if (!state.errors.empty()) {
    state.problem = refused;
    return ScorecardPage(call, state, "", http::status::unprocessable_entity);
  }
  if (request.ratings.empty()) {
    state.problem = "The assessment was not recorded: rate at least one criterion.";
    return ScorecardPage(call, state, "", http::status::unprocessable_entity);
  }
  if (auto v = form->Get("version")) call.version.expected = *v;
  auto r = app::AssessScorecard(call.env, request);
  if (r.ok()) {
    return Redirect(call, fmt::format("/programs/{}/scorecard?assessed={}",
                                      QueryEncode(call.Program()), r->date.ToString()));
  }
  switch (r.error().code) {
    case ErrorCode::kStale:
      state.problem = StaleFormProblem(call);
      return ScorecardPage(call, state, "", http::status::precondition_failed);
    case ErrorCode::kInvalidInput:
    case ErrorCode::kUsage: {
      state.problem = refused;
      for (const auto& s : DiagnosticsBesideFields(r.error(), names, state.errors))
        state.problem += " " + s;
      return ScorecardPage(call, state, "", http::status::unprocessable_entity);
    }
    default:
      return ErrorPage(call, r.error());
  }
}

}  // namespace tpmkit::server::web::pages
