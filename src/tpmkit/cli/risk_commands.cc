// scorecard [--suggest], scorecard assess, risks, risk add|update|close: the program risk
// scorecard and the risk register (computations.md section 4).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;
namespace wording = toolkit::wording;

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }
json Opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

struct ScorecardOptions {
  SourceOptions source;
  bool suggest = false;
  int iterations = 10000;
  uint64_t seed = 1;
};

int RunScorecard(const Cli& cli, const ScorecardOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  const auto sc = toolkit::ComputeScorecard(p);
  std::optional<toolkit::SuggestedRatings> sug;
  if (o.suggest) {
    app::ForecastRequest fr{o.iterations, o.seed, 0, {}};
    auto in = app::SuggestInputsOf(p, *as_of, fr);
    if (!in.ok()) return Fail(in.error());
    sug = toolkit::SuggestRatings(p, *in);
  }
  if (cli.global.json) {
    json trend = json::array();
    for (const auto& t : sc.trend) {
      trend.push_back({{"date", t.date.ToString()},
                       {"by", t.by},
                       {"score", Opt(t.score)},
                       {"band", t.band ? json(toolkit::BandName(*t.band)) : json(nullptr)}});
    }
    json out{{"score", Opt(sc.score)},
             {"band", sc.band ? json(toolkit::BandName(*sc.band)) : json(nullptr)},
             {"date", sc.date ? json(sc.date->ToString()) : json(nullptr)},
             {"by", sc.by},
             {"ratings", sc.ratings},
             {"trend", trend},
             {"suggested", nullptr}};
    if (sug) {
      json reasons = json::object();
      for (const auto& s : sug->items) reasons[s.criterion] = s.reason;
      out["suggested"] = {{"ratings", sug->ratings},
                          {"score", Opt(sug->score)},
                          {"band", sug->band ? json(toolkit::BandName(*sug->band)) : json(nullptr)},
                          {"reasons", reasons}};
    }
    Print(out.dump(2));
    return kExitOk;
  }
  std::string text;
  if (!sc.date) {
    text += fmt::format("Program {} has no scorecard assessment yet.\n", p.id);
  } else {
    text += fmt::format("Risk scorecard of {}, assessed on {} by {}: {} of 100 ({}).\n", p.name,
                        sc.date->ToString(), sc.by, wording::Number(sc.score.value_or(0), 1),
                        sc.band ? toolkit::BandName(*sc.band) : "no rating");
    text += "\n  criterion                weight  rating\n";
    for (const auto& r : sc.rows) {
      text += fmt::format("  {:<24} {:>6}  {}\n", r.id, wording::Number(r.weight),
                          r.rating ? std::to_string(*r.rating) : "-");
    }
    if (!sc.notes.empty()) text += "\n  Notes: " + sc.notes + "\n";
    text += "\nTrend:\n";
    for (const auto& t : sc.trend) {
      text += fmt::format("  {}  {:>5} of 100  {}\n", t.date.ToString(),
                          t.score ? wording::Number(*t.score, 1) : "-",
                          t.band ? toolkit::BandName(*t.band) : "");
    }
  }
  if (sug) {
    text += fmt::format("\nSuggested from the data: {} of 100 ({}).\n",
                        sug->score ? wording::Number(*sug->score, 1) : "no score",
                        sug->band ? toolkit::BandName(*sug->band) : "no band");
    for (const auto& s : sug->items) {
      text += fmt::format("  {:<24} {}  {}\n", s.criterion,
                          s.rating ? std::to_string(*s.rating) : "-", s.reason);
    }
  }
  Print(text);
  return kExitOk;
}

struct AssessOptions {
  std::string program;
  std::vector<std::string> ratings;
  std::string by;
  std::string notes;
};

Date Today() {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

int RunAssess(const Cli& cli, const AssessOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  model::Assessment a;
  a.date = as_of->value_or(Today());
  a.by = o.by;
  a.notes = o.notes;
  for (const auto& r : o.ratings) {
    const auto eq = r.find('=');
    int n = 0;
    const std::string value = eq == std::string::npos ? "" : r.substr(eq + 1);
    try {
      size_t used = 0;
      n = std::stoi(value, &used);
      if (used != value.size()) throw std::invalid_argument(value);
    } catch (const std::exception&) {
      return Fail(Error::Usage("--rating: expected KEY=N with N an integer 1..5, got '" + r + "'"));
    }
    a.ratings[r.substr(0, eq)] = n;
  }
  auto result = app::EditProgram(
      cli.Session(), o.program.empty() ? std::nullopt : std::optional<std::string>(o.program),
      [&a](model::Program& p) -> Status {
        if (!p.scorecard) p.scorecard = model::Scorecard{};
        p.scorecard->assessments.push_back(a);
        return OkStatus();
      });
  if (!result.ok()) return Fail(result.error());
  auto loaded = app::LoadProgram(cli.Session(), {std::nullopt, result->program});
  if (!loaded.ok()) return Fail(loaded.error());
  const auto sc = toolkit::ComputeScorecard(loaded->program);
  if (cli.global.json) {
    Print(json{{"program", result->program},
               {"date", a.date.ToString()},
               {"score", Opt(sc.score)},
               {"band", sc.band ? json(toolkit::BandName(*sc.band)) : json(nullptr)},
               {"changed", result->changed}}
              .dump(2));
  } else {
    Print(
        fmt::format("Recorded the assessment of {} by {} on {}: the latest score is {} of "
                    "100 ({}).",
                    result->program, a.by, a.date.ToString(),
                    sc.score ? wording::Number(*sc.score, 1) : "not computable",
                    sc.band ? toolkit::BandName(*sc.band) : "no band"));
  }
  return kExitOk;
}

std::string HeatmapText(const toolkit::Heatmap& h) {
  std::string out =
      "Heat map of open and mitigating risks (rows: likelihood, columns: "
      "severity):\n\n              severity\n  likelihood    1   2   3   4   5\n";
  for (int l = 5; l >= 1; --l) {
    out += fmt::format("  {:>10}  ", l);
    for (int s = 1; s <= 5; ++s) {
      const int n = h[l - 1][s - 1];
      out += n == 0 ? "   ." : fmt::format("{:>4}", n);
    }
    out += "\n";
  }
  return out;
}

int RunRisks(const Cli& cli, const SourceOptions& source) {
  auto loaded = app::LoadProgram(cli.Session(), source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  const auto reg = toolkit::ComputeRiskRegister(p);
  if (cli.global.json) {
    json risks = json::array();
    for (const auto& r : reg.risks) {
      risks.push_back(
          {{"id", r.id},
           {"title", r.title},
           {"category", r.category},
           {"owner", r.owner},
           {"status", std::string(model::Name(r.status))},
           {"probability", r.probability},
           {"likelihood", r.likelihood},
           {"severity", r.severity},
           {"score", r.score},
           {"residual_score", Opt(r.residual_score)},
           {"exposure_cost", Opt(r.exposure_cost)},
           {"exposure_days", Opt(r.exposure_days)},
           {"response_due", r.response_due ? json(r.response_due->ToString()) : json(nullptr)}});
    }
    json heat = json::array();
    for (const auto& row : reg.heatmap) heat.push_back(row);
    Print(json{{"risks", risks}, {"heatmap", heat}, {"active", reg.active}}.dump(2));
    return kExitOk;
  }
  if (reg.risks.empty()) {
    Print(fmt::format("Program {} has no risks in its register.", p.id));
    return kExitOk;
  }
  std::string text =
      fmt::format("Risk register of {}: {}, {} open or mitigating.\n\n", p.name,
                  wording::Count(static_cast<long>(reg.risks.size()), "risk", "risks"), reg.active);
  text += fmt::format("  {:<8} {:<11} {:>3} {:>3} {:>5} {:>8} {:>14} {:>9}  {:<16} {}\n", "id",
                      "status", "L", "S", "score", "residual", "exposure", "exp.days", "owner",
                      "title");
  for (const auto& r : reg.risks) {
    text +=
        fmt::format("  {:<8} {:<11} {:>3} {:>3} {:>5} {:>8} {:>14} {:>9}  {:<16} {}\n", r.id,
                    model::Name(r.status), r.likelihood, r.severity, r.score,
                    r.residual_score ? std::to_string(*r.residual_score) : "-",
                    r.exposure_cost ? fmt::format("{:.0f} {}", *r.exposure_cost, p.currency) : "-",
                    r.exposure_days ? wording::Number(*r.exposure_days, 1) + "d" : "-",
                    r.owner.empty() ? "(no owner)" : r.owner, r.title);
  }
  text += "\n" + HeatmapText(reg.heatmap);
  Print(text);
  return kExitOk;
}

// Options of risk add|update; a field is set only when its option was given.
struct RiskEditOptions {
  std::string program;
  std::string id;
  std::string title, category, owner, status, probability, severity, mitigation, trigger,
      response_due, raised, impact_schedule, impact_cost, residual_probability, residual_severity;
  std::vector<std::string> impact_tasks;
  CLI::App* command = nullptr;
};

bool Given(const RiskEditOptions& o, const std::string& name) {
  return o.command->get_option(name)->count() > 0;
}

Result<double> Number(const std::string& flag, const std::string& v) {
  try {
    size_t used = 0;
    double d = std::stod(v, &used);
    if (used == v.size()) return d;
  } catch (const std::exception&) {
  }
  return Error::Usage(flag + ": expected a number, got '" + v + "'");
}

Result<Date> DateArg(const std::string& flag, const std::string& v) {
  if (auto d = Date::Parse(v)) return *d;
  return Error::Usage(flag + ": expected a date YYYY-MM-DD, got '" + v + "'");
}

Status ApplyRiskFields(const RiskEditOptions& o, model::Risk& r) {
  if (Given(o, "--title")) r.title = o.title;
  if (Given(o, "--category")) r.category = o.category;
  if (Given(o, "--owner")) r.owner = o.owner;
  if (Given(o, "--mitigation")) r.mitigation = o.mitigation;
  if (Given(o, "--trigger")) r.trigger = o.trigger;
  if (Given(o, "--status")) {
    auto s = model::Parse<model::RiskStatus>(o.status);
    if (!s)
      return Error::Usage("--status: expected open, mitigating, closed or realized, got '" +
                          o.status + "'");
    r.status = *s;
  }
  if (Given(o, "--probability")) {
    TPMKIT_ASSIGN_OR_RETURN(r.probability, Number("--probability", o.probability));
  }
  if (Given(o, "--severity")) {
    TPMKIT_ASSIGN_OR_RETURN(double s, Number("--severity", o.severity));
    if (s != std::floor(s)) return Error::Usage("--severity: expected an integer 1..5");
    r.severity = static_cast<int>(s);
  }
  if (Given(o, "--response-due")) {
    TPMKIT_ASSIGN_OR_RETURN(r.response_due, DateArg("--response-due", o.response_due));
  }
  if (Given(o, "--raised")) {
    TPMKIT_ASSIGN_OR_RETURN(r.raised, DateArg("--raised", o.raised));
  }
  if (Given(o, "--impact-schedule") || Given(o, "--impact-cost") || Given(o, "--impact-tasks")) {
    if (!r.impact) r.impact = model::RiskImpact{};
    if (Given(o, "--impact-schedule")) {
      std::string v = o.impact_schedule;
      if (!v.empty() && v.back() == 'd') v.pop_back();
      TPMKIT_ASSIGN_OR_RETURN(r.impact->schedule, Number("--impact-schedule", v));
    }
    if (Given(o, "--impact-cost")) {
      TPMKIT_ASSIGN_OR_RETURN(double c, Number("--impact-cost", o.impact_cost));
      r.impact->cost = Money::FromDouble(c);
    }
    if (Given(o, "--impact-tasks")) r.impact->tasks = o.impact_tasks;
  }
  if (Given(o, "--residual-probability") || Given(o, "--residual-severity")) {
    if (!r.residual) r.residual = model::Residual{};
    if (Given(o, "--residual-probability")) {
      TPMKIT_ASSIGN_OR_RETURN(r.residual->probability,
                              Number("--residual-probability", o.residual_probability));
    }
    if (Given(o, "--residual-severity")) {
      TPMKIT_ASSIGN_OR_RETURN(double s, Number("--residual-severity", o.residual_severity));
      r.residual->severity = static_cast<int>(s);
    }
  }
  return OkStatus();
}

enum class RiskAction { kAdd, kUpdate, kClose };

int RunRiskEdit(const Cli& cli, const RiskEditOptions& o, RiskAction action) {
  auto result = app::EditProgram(
      cli.Session(), o.program.empty() ? std::nullopt : std::optional<std::string>(o.program),
      [&](model::Program& p) -> Status {
        model::Risk* found = nullptr;
        for (auto& r : p.risks) {
          if (r.id == o.id) found = &r;
        }
        if (action == RiskAction::kAdd) {
          if (found) return Error::Conflict("risk " + o.id + " already exists in program " + p.id);
          model::Risk r;
          r.id = o.id;
          TPMKIT_RETURN_IF_ERROR(ApplyRiskFields(o, r));
          p.risks.push_back(std::move(r));
          return OkStatus();
        }
        if (!found) return Error::NotFound("no risk " + o.id + " in program " + p.id);
        if (action == RiskAction::kClose) {
          found->status = model::RiskStatus::kClosed;
          return OkStatus();
        }
        return ApplyRiskFields(o, *found);
      });
  if (!result.ok()) return Fail(result.error());
  const char* verb = action == RiskAction::kAdd     ? "Added"
                     : action == RiskAction::kClose ? "Closed"
                                                    : "Updated";
  if (cli.global.json) {
    Print(json{{"program", result->program}, {"risk", o.id}, {"changed", result->changed}}.dump(2));
  } else if (result->changed == 0) {
    Print(fmt::format("Risk {} of {} is unchanged.", o.id, result->program));
  } else {
    Print(fmt::format("{} risk {} of {} ({} recorded in the audit trail).", verb, o.id,
                      result->program,
                      wording::Count(static_cast<long>(result->changed), "change", "changes")));
  }
  return kExitOk;
}

void AddRiskFieldOptions(CLI::App* c, RiskEditOptions& o) {
  c->add_option("--title", o.title, "What could happen, in one line");
  c->add_option("--category", o.category, "A scorecard criterion id (vendor, budget, ...)");
  c->add_option("--owner", o.owner, "Who manages the risk");
  c->add_option("--status", o.status, "open | mitigating | closed | realized");
  c->add_option("--probability", o.probability, "Chance it happens, 0..1");
  c->add_option("--severity", o.severity, "Consequence if it happens, 1..5");
  c->add_option("--impact-schedule", o.impact_schedule,
                "Working days added to each impacted task (e.g. 10 or 10d)");
  c->add_option("--impact-cost", o.impact_cost, "Money it costs when it happens");
  c->add_option("--impact-tasks", o.impact_tasks, "Task ids it delays")->delimiter(',');
  c->add_option("--mitigation", o.mitigation, "What is being done about it");
  c->add_option("--trigger", o.trigger, "What tells that it is happening");
  c->add_option("--response-due", o.response_due, "Date the response is due (YYYY-MM-DD)");
  c->add_option("--raised", o.raised, "Date the risk was raised (YYYY-MM-DD)");
  c->add_option("--residual-probability", o.residual_probability,
                "Probability expected after mitigation, 0..1");
  c->add_option("--residual-severity", o.residual_severity,
                "Severity expected after mitigation, 1..5");
}

}  // namespace

void RegisterRiskCommands(CLI::App& app, Cli& cli) {
  auto so = std::make_shared<ScorecardOptions>();
  auto* sc = app.add_subcommand(
      "scorecard", "The program risk scorecard: latest score, trend, suggested ratings");
  AddSourceOptions(*sc, so->source);
  sc->add_flag("--suggest", so->suggest, "Also suggest ratings computed from the data");
  sc->add_option("--iterations", so->iterations, "Forecast iterations for p_on_time (10000)");
  sc->add_option("--seed", so->seed, "Forecast seed (1)");
  std::string help;
  for (const auto& line : toolkit::SuggestionHelpLines()) help += line + "\n";
  sc->footer(help +
             "\nExamples:\n  tpmkit scorecard -f examples/phoenix.yaml --suggest\n"
             "  tpmkit scorecard assess --rating schedule=4 --rating vendor=5 --by "
             "\"Priya Shah\"");
  sc->callback([&cli, so, sc] {
    if (sc->get_subcommands().empty()) cli.run = [&cli, so] { return RunScorecard(cli, *so); };
  });

  auto ao = std::make_shared<AssessOptions>();
  auto* assess = sc->add_subcommand("assess", "Record a scorecard assessment (audit-trailed)");
  assess->add_option("-p,--program", ao->program, "The workspace program (optional with one)");
  assess->add_option("--rating", ao->ratings, "KEY=N, a criterion id and a rating 1..5")
      ->required();
  assess->add_option("--by", ao->by, "Who assessed")->required();
  assess->add_option("--notes", ao->notes, "Why, in a sentence");
  assess->footer(
      "The assessment is dated --as-of, else today.\nExample:\n"
      "  tpmkit scorecard assess --rating schedule=4 --rating vendor=5 --by "
      "\"Priya Shah\" --notes \"Vendor sandbox slipped twice\"");
  assess->callback([&cli, ao] { cli.run = [&cli, ao] { return RunAssess(cli, *ao); }; });

  auto rs = std::make_shared<SourceOptions>();
  auto* risks = app.add_subcommand("risks", "The risk register, ordered, with the 5x5 heat map");
  AddSourceOptions(*risks, *rs);
  risks->footer(
      "Likelihood from probability: <= 0.1 -> 1, <= 0.3 -> 2, <= 0.5 -> 3, "
      "<= 0.7 -> 4, else 5; score = likelihood x severity.\n"
      "Example:\n  tpmkit risks -f examples/phoenix.yaml");
  risks->callback([&cli, rs] { cli.run = [&cli, rs] { return RunRisks(cli, *rs); }; });

  auto* risk = app.add_subcommand("risk", "Edit the risk register (each edit is audit-trailed)");
  risk->require_subcommand(1);
  risk->footer(
      "Examples:\n  tpmkit risk add R-20 --title \"Vendor API rate limits\" --category vendor "
      "--probability 0.3 --severity 4\n  tpmkit risk close R-20");
  struct Verb {
    const char* name;
    const char* help;
    RiskAction action;
  };
  for (const Verb& v : {Verb{"add", "Add a risk", RiskAction::kAdd},
                        Verb{"update", "Change fields of a risk", RiskAction::kUpdate},
                        Verb{"close", "Close a risk", RiskAction::kClose}}) {
    auto o = std::make_shared<RiskEditOptions>();
    auto* c = risk->add_subcommand(v.name, v.help);
    o->command = c;
    c->add_option("ID", o->id, "The risk id")->required();
    c->add_option("-p,--program", o->program, "The workspace program (optional with one)");
    if (v.action != RiskAction::kClose) AddRiskFieldOptions(c, *o);
    c->footer(std::string("The program is validated as a file is; an invalid value changes "
                          "nothing.\nExample:\n  tpmkit risk ") +
              v.name +
              (v.action == RiskAction::kAdd
                   ? " R-09 --title \"Bank test endpoint slips\" --category vendor --owner "
                     "\"Priya Shah\" --probability 0.3 --severity 4"
               : v.action == RiskAction::kUpdate ? " R-09 --probability 0.5"
                                                 : " R-09"));
    const RiskAction action = v.action;
    c->callback([&cli, o, action] {
      cli.run = [&cli, o, action] { return RunRiskEdit(cli, *o, action); };
    });
  }
}

}  // namespace tpmkit::cli
