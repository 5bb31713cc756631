// escalate --risk ID [--decision ID] --to NAME [--format text|md|eml|json]: an executive
// escalation of a risk, with its impact simulated (computations.md section 7a).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/report/escalation_text.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;

struct EscalateOptions {
  SourceOptions source;
  std::string risk;
  std::string decision;
  std::string to;
  std::string from;
  std::string format = "text";
  int iterations = 10000;
  uint64_t seed = 1;
};

// "Dana Lee <dana@example.com>" -> ("Dana Lee", "dana@example.com"); a bare name has no
// address.
std::pair<std::string, std::string> SplitAddress(const std::string& s) {
  const auto lt = s.find('<');
  const auto gt = s.rfind('>');
  if (lt == std::string::npos || gt == std::string::npos || gt < lt) return {s, ""};
  std::string name = s.substr(0, lt);
  while (!name.empty() && name.back() == ' ') name.pop_back();
  return {name, s.substr(lt + 1, gt - lt - 1)};
}

json Opt(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

int RunEscalate(const Cli& cli, const EscalateOptions& o) {
  if (o.format != "text" && o.format != "md" && o.format != "eml" && o.format != "json") {
    return Fail(Error::Usage("--format: expected text, md, eml or json, got '" + o.format + "'"));
  }
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  auto [to_name, to_address] = SplitAddress(o.to);
  auto [from_name, from_address] = SplitAddress(o.from.empty() ? cli.Session().actor : o.from);
  if (o.format == "eml") {
    std::vector<std::string> missing;
    if (to_address.empty()) {
      missing.push_back("an email address for the addressee (--to \"" + to_name + " <address>\")");
    }
    if (from_address.empty()) {
      missing.push_back("an email address for the sender (--from \"" + from_name + " <address>\")");
    }
    if (!missing.empty()) {
      std::string msg = "--format eml needs " + missing[0];
      if (missing.size() > 1) msg += " and " + missing[1];
      return Fail(Error::Usage(msg));
    }
  }
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  app::EscalateRequest req;
  req.risk = o.risk;
  if (!o.decision.empty()) req.decision = o.decision;
  req.to = to_name;
  req.from = from_name;
  req.as_of = *as_of;
  req.forecast = {o.iterations, o.seed, 0, {}};
  auto e = app::Escalate(p, req);
  if (!e.ok()) return Fail(e.error());
  const std::string body = report::EscalationText(*e);
  if (cli.global.json || o.format == "json") {
    json options = json::array();
    for (size_t i = 0; i < e->options.size(); ++i) {
      const auto& opt = e->options[i];
      options.push_back({{"id", opt.id},
                         {"name", opt.name},
                         {"summary", e->option_summaries[i]},
                         {"simulated", opt.simulated},
                         {"p80_finish", opt.p80 ? json(opt.p80->ToString()) : json(nullptr)},
                         {"p_on_time", Opt(opt.p_on_time)},
                         {"target", opt.target ? json(opt.target->ToString()) : json(nullptr)},
                         {"cost", Opt(opt.cost)}});
    }
    Print(json{{"subject", e->subject},
               {"to", e->to},
               {"from", e->from},
               {"issue", e->issue},
               {"impact",
                {{"schedule_days", e->schedule_days},
                 {"cost", e->cost},
                 {"p80_before", e->p80_before.ToString()},
                 {"p80_after", e->p80_after.ToString()},
                 {"statements", e->impact}}},
               {"options", options},
               {"recommendation", {{"option", e->recommended}, {"rationale", e->rationale}}},
               {"ask", e->ask},
               {"ask_by", e->ask_by.ToString()},
               {"signoff", e->signoff},
               {"body", body}}
              .dump(2));
    return kExitOk;
  }
  if (o.format == "md") {
    Print(report::EscalationMarkdown(*e));
  } else if (o.format == "eml") {
    report::EmlOptions eml;
    eml.from_address = from_address;
    eml.to_address = to_address;
    eml.date = *app::EffectiveAsOf(p, *as_of);
    eml.message_id =
        fmt::format("escalation.{}.{}.{}@tpmkit", p.id, e->risk_id, eml.date.ToString());
    std::fputs(report::EscalationEml(*e, eml).c_str(), stdout);
  } else {
    Print(body);
  }
  return kExitOk;
}

}  // namespace

void RegisterEscalateCommand(CLI::App& app, Cli& cli) {
  auto o = std::make_shared<EscalateOptions>();
  auto* c = app.add_subcommand("escalate", "Draft an executive escalation of a risk");
  AddSourceOptions(*c, o->source);
  c->add_option("--risk", o->risk, "The risk to escalate")->required();
  c->add_option("--decision", o->decision, "Offer this decision's options");
  c->add_option("--to", o->to,
                "The sponsor or a stakeholder (id or name); \"Name <address>\" for eml")
      ->required();
  c->add_option("--from", o->from, "Who signs (default: the actor); \"Name <address>\" for eml");
  c->add_option("--format", o->format, "text | md | eml | json (default text)");
  c->add_option("--iterations", o->iterations, "Forecast iterations (10000)");
  c->add_option("--seed", o->seed, "Forecast seed (1)");
  c->footer(
      "Without --decision the options are: add resources (the unfinished tasks the risk hits\n"
      "take 20% less time for 25% of their cost), reduce scope (the first remove_tasks option\n"
      "of the program's decisions), extend the deadline (to the p80 finish with the risk).\n"
      "The ask is due on the risk's response_due, else 7 days after the as-of date.\n"
      "Example:\n  tpmkit escalate -f examples/phoenix.yaml --risk R-01 --to \"Dana Lee\"");
  c->callback([&cli, o] { cli.run = [&cli, o] { return RunEscalate(cli, *o); }; });
}

}  // namespace tpmkit::cli
