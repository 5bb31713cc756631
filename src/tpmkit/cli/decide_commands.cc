// decide: trade-off analysis of a decision (computations.md §7), its memo, and recording
// the choice.
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/report/decision_memo.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::cli {

namespace {

struct DecideOptions {
  SourceOptions source;
  std::string id;
  bool memo = false;
  std::string output;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;
  std::string choose;
  std::string by;
  std::string rationale;
  std::string on;
};

// --as-of, else the program's status date, else today (UTC).
Date DateInForce(std::optional<Date> as_of, const model::Program& p) {
  if (as_of) return *as_of;
  if (p.status_date) return *p.status_date;
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

int RunChoose(const Cli& cli, const DecideOptions& o, std::optional<Date> as_of) {
  if (!o.source.file.empty()) {
    return Fail(Error::Usage("--choose records the decision in the workspace; use -p, not -f"));
  }
  if (o.by.empty() || o.rationale.empty()) {
    return Fail(Error::Usage("--choose needs --by NAME and --rationale TEXT"));
  }
  std::optional<Date> on;
  if (!o.on.empty()) {
    on = Date::Parse(o.on);
    if (!on) return Fail(Error::Usage("--on: expected a date YYYY-MM-DD, got '" + o.on + "'"));
  }
  std::optional<std::string> program_id;
  if (!o.source.program.empty()) program_id = o.source.program;
  auto result = app::EditProgram(cli.Session(), program_id, [&](model::Program& p) -> Status {
    for (auto& d : p.decisions) {
      if (d.id != o.id) continue;
      bool known = false;
      for (const auto& opt : d.options) known = known || opt.id == o.choose;
      if (!known) {
        std::string ids;
        for (const auto& opt : d.options) ids += (ids.empty() ? "" : ", ") + opt.id;
        return Error::Invalid("decision " + d.id + " has no option '" + o.choose +
                              "' (its options: " + ids + ")");
      }
      d.status = model::DecisionStatus::kDecided;
      d.chosen = o.choose;
      d.decided_by = o.by;
      d.rationale = o.rationale;
      d.decided_on = on ? *on : DateInForce(as_of, p);
      return OkStatus();
    }
    return Error::NotFound("no decision '" + o.id + "' in program " + p.id);
  });
  if (!result.ok()) return Fail(result.error());
  if (cli.global.json) {
    Print(nlohmann::json{{"id", o.id}, {"chosen", o.choose}, {"changed", result->changed}}.dump(2));
  } else {
    Print("Recorded decision " + o.id + ": " + o.choose + ", decided by " + o.by + " (" +
          std::to_string(result->changed) + " entry in the audit trail).");
  }
  return kExitOk;
}

int RunDecide(const Cli& cli, const DecideOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  if (o.iterations < 1) return Fail(Error::Usage("--iterations must be at least 1"));
  if (o.threads < 0) return Fail(Error::Usage("--threads must be 0 (all cores) or more"));
  if (!o.choose.empty()) return RunChoose(cli, o, *as_of);
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const model::Program& p = loaded->program;
  const model::Decision* decision = nullptr;
  for (const auto& d : p.decisions) {
    if (d.id == o.id) decision = &d;
  }
  if (!decision) {
    std::string ids;
    for (const auto& d : p.decisions) ids += (ids.empty() ? "" : ", ") + d.id;
    return Fail(Error::NotFound("no decision '" + o.id + "' in program " + p.id +
                                (ids.empty() ? " (it has none)" : " (known: " + ids + ")")));
  }
  toolkit::SimulationOptions sim;
  sim.iterations = o.iterations;
  sim.seed = o.seed;
  sim.threads = o.threads;
  sim.as_of = *as_of;
  auto metrics = toolkit::MeasureOptions(p, *decision, sim);
  if (!metrics.ok()) return Fail(metrics.error());
  auto analysis = toolkit::AnalyzeDecision(p, *decision, *metrics);
  if (!analysis.ok()) return Fail(analysis.error());

  report::DecisionReportInput in;
  in.program = &p;
  in.decision = decision;
  in.analysis = std::move(*analysis);
  Date date = DateInForce(*as_of, p);
  in.communication = toolkit::ComputeCommunicationPlan(p, date);
  in.iterations = o.iterations;
  in.seed = o.seed;
  in.as_of = *as_of ? *as_of : p.status_date;

  std::optional<std::string> memo;
  if (o.memo) memo = report::DecisionMemoMarkdown(in);
  if (memo && !o.output.empty()) {
    if (auto s = app::WriteTextFile(o.output, *memo); !s.ok()) return Fail(s.error());
    if (!cli.global.json) Print("Wrote the decision memo to " + o.output);
  }
  if (cli.global.json) {
    Print(report::DecisionJson(in, memo));
  } else if (memo && o.output.empty()) {
    Print(*memo);
  } else if (!memo) {
    Print(report::DecisionTableText(in, {.color = cli.Color()}));
  }
  return kExitOk;
}

}  // namespace

void RegisterDecideCommand(CLI::App& app, Cli& cli) {
  auto opts = std::make_shared<DecideOptions>();
  auto* decide = app.add_subcommand(
      "decide", "Trade-off analysis of a decision: options x criteria with simulated metrics");
  AddSourceOptions(*decide, opts->source);
  decide->add_option("ID", opts->id, "The decision id (decisions[].id)")->required();
  decide->add_flag("--memo", opts->memo, "Write the decision memo (Markdown)");
  decide->add_option("-o,--output", opts->output, "Write the memo to this file");
  decide->add_option("--iterations", opts->iterations,
                     "Monte Carlo iterations per option (default 10000)");
  decide->add_option("--seed", opts->seed, "Random seed (default 1)");
  decide->add_option("--threads", opts->threads,
                     "Worker threads (default 0: all cores); results do not depend on it");
  decide->add_option("--choose", opts->choose, "Record the decision: the chosen option id");
  decide->add_option("--by", opts->by, "With --choose: who decided");
  decide->add_option("--rationale", opts->rationale, "With --choose: why");
  decide->add_option("--on", opts->on, "With --choose: the date decided (default: as-of date)");
  decide->footer(
      "Measured criteria (cost, finish, p80_finish, p_on_time) come from simulating each\n"
      "option's scenario with the same seed; flip_at is the weight at which the top option\n"
      "changes. See docs/commands/decide.md.\n"
      "Examples:\n  tpmkit decide D-01 -f examples/phoenix.yaml --memo\n"
      "  tpmkit decide D-01 --choose cut-scope --by 'Dana Lee' --rationale 'Keeps the date'");
  decide->callback([&cli, opts] { cli.run = [&cli, opts] { return RunDecide(cli, *opts); }; });
}

}  // namespace tpmkit::cli
