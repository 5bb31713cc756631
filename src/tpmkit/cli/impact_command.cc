// impact [--format text|md]: the outcomes the data supports, worded to be pasted into a
// review or a promotion case as they are.
#include "tpmkit/cli/impact_command.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/impact_cases.h"
#include "tpmkit/report/impact_text.h"

namespace tpmkit::cli {

ExitCode RunImpact(const ImpactArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (a.format != "text" && a.format != "md") {
    return Fail(err, Error::Usage("--format: expected text or md, got '" + a.format + "'"));
  }
  auto r = app::ImpactStatements(env, {a.source.Source(), a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  const auto& p = r->loaded.program;
  const report::ImpactReportInput input{p.id, p.name, p.currency, r->loaded.from_file, &r->report};
  if (a.common.json) {
    Print(out, report::ImpactJson(input));
  } else if (a.format == "md") {
    Print(out, report::ImpactMarkdown(input));
  } else {
    Print(out, report::ImpactText(input));
  }
  return ExitCode::kOk;
}

void DefineImpactCommand(CLI::App& root, Invocation& invocation) {
  auto args = std::make_shared<ImpactArgs>();
  auto* c = root.add_subcommand("impact",
                                "Quantified outcome statements for a review or a promotion case");
  AddSourceOptions(*c, args->source);
  c->add_option("--format", args->format, "text | md (default text); --json for JSON");
  c->footer(
      "Each statement comes with its evidence: entity ids, dates and, for a workspace\n"
      "program, the audit-trail entries it rests on. With -f FILE there is no trail, so only\n"
      "what the file itself shows is stated (closed risks, residual ratings, rejected and\n"
      "approved changes, decisions, the scorecard trend, delivered dependencies).\n"
      "Example:\n  tpmkit impact -f examples/phoenix.yaml --format md");
  Bind(*c, invocation, args, RunImpact);
}

}  // namespace tpmkit::cli
