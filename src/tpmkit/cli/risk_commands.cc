// scorecard [--suggest], scorecard assess, risks, risk add|update|close: the program risk
// scorecard and the risk register (computations.md section 4).
#include "tpmkit/cli/risk_commands.h"

#include <CLI/CLI.hpp>
#include <cmath>
#include <memory>
#include <ostream>

#include "tpmkit/app/risk_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/risk_text.h"

namespace tpmkit::cli {

namespace {

// The fields given on the command line, parsed in the order the options are checked.
Result<app::RiskPatch> ParseRiskFields(const RiskEditArgs& a) {
  app::RiskPatch f;
  f.title = a.title;
  f.category = a.category;
  f.owner = a.owner;
  f.mitigation = a.mitigation;
  f.trigger = a.trigger;
  if (a.status) {
    f.status = app::ParseRiskStatus(*a.status);
    if (!f.status) {
      return Error::Usage("--status: expected open, mitigating, closed or realized, got '" +
                          *a.status + "'");
    }
  }
  if (a.probability) {
    TPMKIT_ASSIGN_OR_RETURN(f.probability, NumberArg("--probability", *a.probability));
  }
  if (a.severity) {
    TPMKIT_ASSIGN_OR_RETURN(double s, NumberArg("--severity", *a.severity));
    if (s != std::floor(s)) return Error::Usage("--severity: expected an integer 1..5");
    f.severity = static_cast<int>(s);
  }
  if (a.response_due) {
    TPMKIT_ASSIGN_OR_RETURN(f.response_due, DateArg("--response-due", *a.response_due));
  }
  if (a.raised) {
    TPMKIT_ASSIGN_OR_RETURN(f.raised, DateArg("--raised", *a.raised));
  }
  if (a.impact_schedule) {
    std::string v = *a.impact_schedule;
    if (!v.empty() && v.back() == 'd') v.pop_back();
    TPMKIT_ASSIGN_OR_RETURN(f.impact_schedule, NumberArg("--impact-schedule", v));
  }
  if (a.impact_cost) {
    TPMKIT_ASSIGN_OR_RETURN(f.impact_cost, NumberArg("--impact-cost", *a.impact_cost));
  }
  f.impact_tasks = a.impact_tasks;
  if (a.residual_probability) {
    TPMKIT_ASSIGN_OR_RETURN(f.residual_probability,
                            NumberArg("--residual-probability", *a.residual_probability));
  }
  if (a.residual_severity) {
    TPMKIT_ASSIGN_OR_RETURN(double s, NumberArg("--residual-severity", *a.residual_severity));
    f.residual_severity = static_cast<int>(s);
  }
  return f;
}

ExitCode PrintRiskEdit(const Result<app::RiskEditResponse>& r, report::RiskEditKind kind,
                       const Common& common, std::ostream& out, std::ostream& err) {
  if (!r.ok()) return Fail(err, r.error());
  const report::RiskEdit edit{kind, r->program, r->risk, r->changed};
  Print(out, common.json ? report::RiskEditJson(edit) : report::RiskEditText(edit));
  return ExitCode::kOk;
}

void AddField(CLI::App& c, const std::shared_ptr<RiskEditArgs>& o, const std::string& name,
              std::optional<std::string> RiskEditArgs::*field, const std::string& help) {
  c.add_option_function<std::string>(
      name, [o, field](const std::string& v) { (*o).*field = v; }, help);
}

void AddRiskFieldOptions(CLI::App& c, const std::shared_ptr<RiskEditArgs>& o) {
  AddField(c, o, "--title", &RiskEditArgs::title, "What could happen, in one line");
  AddField(c, o, "--category", &RiskEditArgs::category,
           "A scorecard criterion id (vendor, budget, ...)");
  AddField(c, o, "--owner", &RiskEditArgs::owner, "Who manages the risk");
  AddField(c, o, "--status", &RiskEditArgs::status, "open | mitigating | closed | realized");
  AddField(c, o, "--probability", &RiskEditArgs::probability, "Chance it happens, 0..1");
  AddField(c, o, "--severity", &RiskEditArgs::severity, "Consequence if it happens, 1..5");
  AddField(c, o, "--impact-schedule", &RiskEditArgs::impact_schedule,
           "Working days added to each impacted task (e.g. 10 or 10d)");
  AddField(c, o, "--impact-cost", &RiskEditArgs::impact_cost, "Money it costs when it happens");
  c.add_option_function<std::vector<std::string>>(
       "--impact-tasks", [o](const std::vector<std::string>& v) { o->impact_tasks = v; },
       "Task ids it delays")
      ->delimiter(',');
  AddField(c, o, "--mitigation", &RiskEditArgs::mitigation, "What is being done about it");
  AddField(c, o, "--trigger", &RiskEditArgs::trigger, "What tells that it is happening");
  AddField(c, o, "--response-due", &RiskEditArgs::response_due,
           "Date the response is due (YYYY-MM-DD)");
  AddField(c, o, "--raised", &RiskEditArgs::raised, "Date the risk was raised (YYYY-MM-DD)");
  AddField(c, o, "--residual-probability", &RiskEditArgs::residual_probability,
           "Probability expected after mitigation, 0..1");
  AddField(c, o, "--residual-severity", &RiskEditArgs::residual_severity,
           "Severity expected after mitigation, 1..5");
}

}  // namespace

ExitCode RunScorecard(const ScorecardArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::ShowScorecardRequest request;
  request.source = a.source.Source();
  request.as_of = a.common.as_of;
  request.suggest = a.suggest;
  request.iterations = a.iterations;
  request.seed = a.seed;
  auto r = app::ShowScorecard(env, request);
  if (!r.ok()) return Fail(err, r.error());
  Print(out, a.common.json ? report::ScorecardJson(r->scorecard, r->suggested)
                           : report::ScorecardText(r->loaded.program, r->scorecard, r->suggested));
  return ExitCode::kOk;
}

ExitCode RunAssess(const AssessArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::AssessScorecardRequest request;
  request.program_id = a.program.empty() ? std::nullopt : std::optional<std::string>(a.program);
  request.as_of = a.common.as_of;
  request.by = a.by;
  request.notes = a.notes;
  for (const auto& r : a.ratings) {
    const auto eq = r.find('=');
    int n = 0;
    const std::string value = eq == std::string::npos ? "" : r.substr(eq + 1);
    try {
      size_t used = 0;
      n = std::stoi(value, &used);
      if (used != value.size()) throw std::invalid_argument(value);
    } catch (const std::exception&) {
      return Fail(err,
                  Error::Usage("--rating: expected KEY=N with N an integer 1..5, got '" + r + "'"));
    }
    request.ratings[r.substr(0, eq)] = n;
  }
  auto result = app::AssessScorecard(env, request);
  if (!result.ok()) return Fail(err, result.error());
  const report::RecordedAssessment recorded{result->applied.program, a.by, result->date,
                                            result->scorecard, result->applied.changed};
  Print(out, a.common.json ? report::AssessJson(recorded) : report::AssessText(recorded));
  return ExitCode::kOk;
}

ExitCode RunRisks(const RisksArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ListRisks(env, {a.source.Source()});
  if (!r.ok()) return Fail(err, r.error());
  Print(out, a.common.json ? report::RiskRegisterJson(r->risks)
                           : report::RiskRegisterText(r->loaded.program, r->risks));
  return ExitCode::kOk;
}

ExitCode RunRiskAdd(const RiskEditArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto fields = ParseRiskFields(a);
  if (!fields.ok()) return Fail(err, fields.error());
  auto r = app::AddRisk(
      env, {a.program.empty() ? std::nullopt : std::optional(a.program), a.id, std::move(*fields)});
  return PrintRiskEdit(r, report::RiskEditKind::kAdd, a.common, out, err);
}

ExitCode RunRiskUpdate(const RiskEditArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto fields = ParseRiskFields(a);
  if (!fields.ok()) return Fail(err, fields.error());
  auto r = app::UpdateRisk(
      env, {a.program.empty() ? std::nullopt : std::optional(a.program), a.id, std::move(*fields)});
  return PrintRiskEdit(r, report::RiskEditKind::kUpdate, a.common, out, err);
}

ExitCode RunRiskClose(const RiskEditArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::CloseRisk(env, {a.program.empty() ? std::nullopt : std::optional(a.program), a.id});
  return PrintRiskEdit(r, report::RiskEditKind::kClose, a.common, out, err);
}

void DefineRiskCommands(CLI::App& root, Invocation& invocation) {
  auto so = std::make_shared<ScorecardArgs>();
  auto* sc = root.add_subcommand(
      "scorecard", "The program risk scorecard: latest score, trend, suggested ratings");
  AddSourceOptions(*sc, so->source);
  sc->add_flag("--suggest", so->suggest, "Also suggest ratings computed from the data");
  sc->add_option("--iterations", so->iterations, "Forecast iterations for p_on_time (10000)");
  sc->add_option("--seed", so->seed, "Forecast seed (1)")->check(SeedRange());
  sc->footer(report::ScorecardSuggestionHelp() +
             "\nExamples:\n  tpmkit scorecard -f examples/phoenix.yaml --suggest\n"
             "  tpmkit scorecard assess --rating schedule=4 --rating vendor=5 --by "
             "\"Priya Shah\"");
  Bind(*sc, invocation, so, RunScorecard, {.unless_subcommand = true});

  auto ao = std::make_shared<AssessArgs>();
  auto* assess = sc->add_subcommand("assess", "Record a scorecard assessment (audit-trailed)");
  assess->add_option("-p,--program", ao->program, "The workspace program (optional with one)");
  assess->add_option("--rating", ao->ratings, "KEY=N, a criterion id and a rating 1..5")
      ->required();
  assess->add_option("--by", ao->by, "Who assessed")->required();
  assess->add_option("--notes", ao->notes, "Why, in a sentence");
  assess->footer(
      "The assessment is dated --as-of, else the program's status_date, else today.\n"
      "Example:\n"
      "  tpmkit scorecard assess --rating schedule=4 --rating vendor=5 --by "
      "\"Priya Shah\" --notes \"Vendor sandbox slipped twice\"");
  Bind(*assess, invocation, ao, RunAssess);

  auto rs = std::make_shared<RisksArgs>();
  auto* risks = root.add_subcommand("risks", "The risk register, ordered, with the 5x5 heat map");
  AddSourceOptions(*risks, rs->source);
  risks->footer(
      "Likelihood from probability: <= 0.1 -> 1, <= 0.3 -> 2, <= 0.5 -> 3, "
      "<= 0.7 -> 4, else 5; score = likelihood x severity.\n"
      "Example:\n  tpmkit risks -f examples/phoenix.yaml");
  Bind(*risks, invocation, rs, RunRisks);

  auto* risk = root.add_subcommand("risk", "Edit the risk register (each edit is audit-trailed)");
  risk->require_subcommand(1);
  risk->footer(
      "Examples:\n  tpmkit risk add R-20 --title \"Vendor API rate limits\" --category vendor "
      "--probability 0.3 --severity 4\n  tpmkit risk close R-20");
  struct Verb {
    const char* name;
    const char* help;
    RunFn<RiskEditArgs> run;
    const char* example;
  };
  for (const Verb& v :
       {Verb{"add", "Add a risk", RunRiskAdd,
             " R-20 --title \"Bank test endpoint slips\" --category vendor --owner "
             "\"Priya Shah\" --probability 0.3 --severity 4"},
        Verb{"update", "Change fields of a risk", RunRiskUpdate, " R-07 --probability 0.5"},
        Verb{"close", "Close a risk", RunRiskClose, " R-13"}}) {
    auto o = std::make_shared<RiskEditArgs>();
    auto* c = risk->add_subcommand(v.name, v.help);
    c->add_option("ID", o->id, "The risk id")->required();
    c->add_option("-p,--program", o->program, "The workspace program (optional with one)");
    if (v.run != RunRiskClose) AddRiskFieldOptions(*c, o);
    c->footer(std::string("The program is validated as a file is; an invalid value changes "
                          "nothing.\nExample:\n  tpmkit risk ") +
              v.name + v.example);
    Bind(*c, invocation, o, v.run);
  }
}

}  // namespace tpmkit::cli
