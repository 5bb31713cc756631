// review [--strict] [--bank FILE]: the plan review by the language bank (computations.md
// section 10).
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;

struct ReviewOptions {
  SourceOptions source;
  bool strict = false;
  std::string bank;
  int iterations = 10000;
  uint64_t seed = 1;
};

int RunReview(const Cli& cli, const ReviewOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  std::vector<toolkit::BankOverride> bank;
  if (!o.bank.empty()) {
    auto b = app::LoadLanguageBank(o.bank);
    if (!b.ok()) return Fail(b.error());
    bank = std::move(b).value();
  }
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  const auto& p = loaded->program;
  auto r = app::ReviewOf(p, *as_of, app::ForecastRequest{o.iterations, o.seed, 0, {}}, bank);
  if (!r.ok()) return Fail(r.error());
  const int code = o.strict && !r->findings.empty() ? kExitCheckFailed : kExitOk;
  if (cli.global.json) {
    json findings = json::array();
    for (const auto& f : r->findings) {
      findings.push_back({{"theme", std::string(toolkit::ThemeName(f.theme))},
                          {"question", f.question},
                          {"subject", f.subject},
                          {"detail", f.detail}});
    }
    Print(json{{"findings", findings}}.dump(2));
    return code;
  }
  if (r->findings.empty()) {
    Print(
        fmt::format("Review of {}: every question of the language bank has an answer in the "
                    "plan (0 findings).",
                    p.name));
    return code;
  }
  std::string text = fmt::format(
      "Review of {}{}: {}.\n", p.name, r->as_of ? " as of " + r->as_of->ToString() : std::string(),
      toolkit::wording::Count(static_cast<long>(r->findings.size()), "finding", "findings"));
  for (auto theme : toolkit::AllThemes()) {
    bool header = false;
    for (const auto& f : r->findings) {
      if (f.theme != theme) continue;
      if (!header) {
        const auto& entry = r->bank.Entry(theme);
        text += fmt::format("\n{}: {}\n", toolkit::ThemeName(theme), entry.question);
        header = true;
      }
      text += fmt::format("  - {}: {}\n", f.subject, f.detail);
    }
    if (header) {
      for (const auto& phrase : r->bank.Entry(theme).phrases) text += "    > " + phrase + "\n";
    }
  }
  Print(text);
  return code;
}

}  // namespace

void RegisterReviewCommand(CLI::App& app, Cli& cli) {
  auto o = std::make_shared<ReviewOptions>();
  auto* review = app.add_subcommand(
      "review", "Ask the plan the questions a senior TPM asks (the language bank)");
  AddSourceOptions(*review, o->source);
  review->add_flag("--strict", o->strict, "Exit 1 when there is any finding");
  review->add_option("--bank", o->bank,
                     "A language-bank YAML file that replaces questions and adds phrases");
  review->add_option("--iterations", o->iterations, "Forecast iterations for the p90 (10000)");
  review->add_option("--seed", o->seed, "Forecast seed (1)");
  review->footer(
      "Themes: assumptions, risks, accountability, dependencies, critical_path, worst_case, "
      "kpis, decision_rule.\n"
      "Bank file:\n  phrases: extend        # or replace\n  themes:\n    risks:\n"
      "      question: Who owns this risk, and when do we hear back?\n"
      "      phrases: [Ask the owner for a date.]\n"
      "Example:\n  tpmkit review -f examples/phoenix.yaml --strict");
  review->callback([&cli, o] { cli.run = [&cli, o] { return RunReview(cli, *o); }; });
}

}  // namespace tpmkit::cli
