// escalate --risk ID [--decision ID] --to NAME [--format text|md|eml|json] and
// review [--strict] [--bank FILE]: advice written to be sent as it is.
#include "tpmkit/cli/advice_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/advice_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/advice_text.h"
#include "tpmkit/report/escalation_text.h"

namespace tpmkit::cli {

namespace {

// --format eml needs both addresses; says which are missing.
Status CheckEmlAddresses(const report::Mailbox& to, const report::Mailbox& from) {
  std::vector<std::string> missing;
  if (to.address.empty()) {
    missing.push_back("an email address for the addressee (--to \"" + to.name + " <address>\")");
  }
  if (from.address.empty()) {
    missing.push_back("an email address for the sender (--from \"" +
                      (from.name.empty() ? std::string("Name") : from.name) + " <address>\")");
  }
  if (missing.empty()) return OkStatus();
  std::string msg = "--format eml needs " + missing[0];
  if (missing.size() > 1) msg += " and " + missing[1];
  return Error::Usage(msg);
}

}  // namespace

ExitCode RunEscalate(const EscalateArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (a.format != "text" && a.format != "md" && a.format != "eml" && a.format != "json") {
    return Fail(err,
                Error::Usage("--format: expected text, md, eml or json, got '" + a.format + "'"));
  }
  const report::Mailbox to = report::ParseMailbox(a.to);
  // Without --from the program names the sender (app::EscalateRisk), never the OS user.
  const report::Mailbox from = report::ParseMailbox(a.from);
  if (a.format == "eml") {
    if (auto s = CheckEmlAddresses(to, from); !s.ok()) return Fail(err, s.error());
  }
  app::EscalateRiskRequest request;
  request.source = a.source.Source();
  request.risk = a.risk;
  if (!a.decision.empty()) request.decision = a.decision;
  request.to = to.name;
  request.from = from.name;
  request.as_of = a.common.as_of;
  request.iterations = a.iterations;
  request.seed = a.seed;
  auto r = app::EscalateRisk(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const auto& e = r->escalation;
  const std::string body = report::EscalationText(e);
  if (a.common.json || a.format == "json") {
    Print(out, report::EscalationJson(e, body));
  } else if (a.format == "md") {
    Print(out, report::EscalationMarkdown(e));
  } else if (a.format == "eml") {
    const auto eml =
        report::EscalationEmlOptions(r->loaded.program.id, e, r->as_of, from.address, to.address);
    out << report::EscalationEml(e, eml) << std::flush;
  } else {
    Print(out, body);
  }
  return ExitCode::kOk;
}

ExitCode RunReview(const ReviewArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::ReviewPlanRequest request;
  request.source = a.source.Source();
  request.as_of = a.common.as_of;
  if (!a.bank.empty()) request.bank = a.bank;
  request.iterations = a.iterations;
  request.seed = a.seed;
  auto r = app::ReviewPlan(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const auto& review = r->review;
  Print(out, a.common.json ? report::ReviewJson(review.findings)
                           : report::ReviewText(r->loaded.program.name, review.as_of, review.bank,
                                                review.findings));
  return a.strict && !review.findings.empty() ? ExitCode::kCheckFailed : ExitCode::kOk;
}

void DefineAdviceCommands(CLI::App& root, Invocation& invocation) {
  auto eo = std::make_shared<EscalateArgs>();
  auto* c = root.add_subcommand("escalate", "Draft an executive escalation of a risk");
  AddSourceOptions(*c, eo->source);
  c->add_option("--risk", eo->risk, "The risk to escalate")->required();
  c->add_option("--decision", eo->decision, "Offer this decision's options");
  c->add_option("--to", eo->to,
                "The sponsor or a stakeholder (id or name); \"Name <address>\" for eml")
      ->required();
  c->add_option("--from", eo->from,
                "Who signs (default: the program's sponsor); \"Name <address>\" for eml");
  c->add_option("--format", eo->format, "text | md | eml | json (default text)");
  c->add_option("--iterations", eo->iterations, "Forecast iterations (10000)");
  c->add_option("--seed", eo->seed, "Forecast seed (1)")->check(SeedRange());
  c->footer(
      "With --decision the recommendation is the option the decision's rule picks (as decide\n"
      "does). Without, for a schedule risk: add resources (the unfinished tasks the risk hits\n"
      "take 20% less time for 25% of their cost), reduce scope (the first remove_tasks option\n"
      "of the program's decisions), extend the deadline (as the first decision option that\n"
      "moves the target proposes, else to the p80 finish with the risk); for a cost-only risk:\n"
      "absorb the cost, reduce scope. md and eml add the full analysis as an appendix.\n"
      "The ask is due on the risk's response_due, else 7 days after the as-of date.\n"
      "Example:\n  tpmkit escalate -f examples/phoenix.yaml --risk R-01 --to \"Dana Lee\"");
  Bind(*c, invocation, eo, RunEscalate);

  auto ro = std::make_shared<ReviewArgs>();
  auto* review = root.add_subcommand(
      "review", "Ask the plan the questions a senior TPM asks (the language bank)");
  AddSourceOptions(*review, ro->source);
  review->add_flag("--strict", ro->strict, "Exit 1 when there is any finding");
  review->add_option("--bank", ro->bank,
                     "A language-bank YAML file that replaces questions and adds phrases");
  review->add_option("--iterations", ro->iterations, "Forecast iterations for the p90 (10000)");
  review->add_option("--seed", ro->seed, "Forecast seed (1)")->check(SeedRange());
  review->footer(
      "Themes: assumptions, risks, accountability, dependencies, critical_path, worst_case, "
      "kpis, decision_rule.\n"
      "Bank file:\n  phrases: extend        # or replace\n  themes:\n    risks:\n"
      "      question: Who owns this risk, and when do we hear back?\n"
      "      phrases: [Ask the owner for a date.]\n"
      "With --strict, a finding exits 1 (for CI).\n"
      "Example:\n  tpmkit review -f examples/phoenix.yaml");
  Bind(*review, invocation, ro, RunReview);
}

}  // namespace tpmkit::cli
