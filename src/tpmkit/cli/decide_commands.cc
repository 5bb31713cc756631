// decide: trade-off analysis of a decision (computations.md section 7), its memo, and
// recording the choice.
#include "tpmkit/cli/decide_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/decision_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/decision_memo.h"
#include "tpmkit/report/decision_text.h"

namespace tpmkit::cli {

namespace {

ExitCode RunChoose(const DecideArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (!a.source.file.empty()) {
    return Fail(err,
                Error::Usage("--choose records the decision in the workspace; use -p, not -f"));
  }
  auto on = OptionalDateArg("--on", a.on);
  if (!on.ok()) return Fail(err, on.error());
  app::ChooseOptionRequest request;
  request.program_id = a.source.ProgramId();
  request.decision_id = a.id;
  request.option_id = a.choose;
  request.by = a.by;
  request.rationale = a.rationale;
  request.on = *on;
  request.as_of = a.common.as_of;
  auto r = app::ChooseOption(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const report::RecordedChoice choice{r->decision_id, r->option_id, r->decided_by,
                                      r->applied.changed};
  Print(out, a.common.json ? report::ChoiceJson(choice) : report::ChoiceText(choice));
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunDecide(const DecideArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (!a.choose.empty()) return RunChoose(a, env, out, err);
  app::AnalyzeDecisionRequest request;
  request.source = a.source.Source();
  request.decision_id = a.id;
  request.as_of = a.common.as_of;
  request.iterations = a.iterations;
  request.seed = a.seed;
  request.threads = a.threads;
  request.memo = a.memo;
  if (a.memo && !a.output.empty()) request.memo_file = a.output;
  auto r = app::AnalyzeDecision(env, request);
  if (!r.ok()) return Fail(err, r.error());
  if (r->memo_written && !a.common.json) Print(out, report::MemoWrittenText(a.output));
  if (a.common.json) {
    Print(out, report::DecisionJson(app::DecisionReport(*r), r->memo));
  } else if (r->memo && !r->memo_written) {
    Print(out, *r->memo);
  } else if (!r->memo) {
    Print(out, report::DecisionTableText(app::DecisionReport(*r), {.color = a.common.color}));
  }
  return ExitCode::kOk;
}

void DefineDecideCommand(CLI::App& root, Invocation& invocation) {
  auto args = std::make_shared<DecideArgs>();
  auto* decide = root.add_subcommand(
      "decide", "Trade-off analysis of a decision: options x criteria with simulated metrics");
  AddSourceOptions(*decide, args->source);
  decide->add_option("ID", args->id, "The decision id (decisions[].id)")->required();
  decide->add_flag("--memo", args->memo, "Write the decision memo (Markdown)");
  decide->add_option("-o,--output", args->output, "Write the memo to this file");
  decide->add_option("--iterations", args->iterations,
                     "Monte Carlo iterations per option (default 10000)");
  decide->add_option("--seed", args->seed, "Random seed (default 1)")->check(SeedRange());
  decide->add_option("--threads", args->threads,
                     "Worker threads (default 0: all cores); results do not depend on it");
  decide->add_option("--choose", args->choose, "Record the decision: the chosen option id");
  decide->add_option("--by", args->by, "With --choose: who decided");
  decide->add_option("--rationale", args->rationale, "With --choose: why");
  decide->add_option("--on", args->on, "With --choose: the date decided (default: as-of date)");
  decide->footer(
      "Measured criteria (cost, finish, p80_finish, p_on_time) come from simulating each\n"
      "option's scenario with the same seed; flip_at is the weight at which the top option\n"
      "changes. See docs/commands/decide.md.\n"
      "Examples:\n  tpmkit decide D-01 -f examples/phoenix.yaml --memo\n"
      "  tpmkit decide D-01 --choose cut-scope --by 'Dana Lee' --rationale 'Keeps the date'");
  Bind(*decide, invocation, args, RunDecide);
}

}  // namespace tpmkit::cli
