// status [--format text|md|html|pdf|eml] [-o FILE] [--snapshot], portfolio and programs:
// the weekly report and the workspace at a glance.
#include "tpmkit/cli/status_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/pdf.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/app/status_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/advice_text.h"
#include "tpmkit/report/mail.h"
#include "tpmkit/report/portfolio_text.h"
#include "tpmkit/report/program_text.h"
#include "tpmkit/report/status_report.h"

namespace tpmkit::cli {

namespace {

bool OneOf(const std::string& v, std::initializer_list<const char*> choices) {
  for (const char* c : choices) {
    if (v == c) return true;
  }
  return false;
}

// Writes the document to -o FILE (atomically) or stdout; binary output (pdf) never goes to
// a terminal.
ExitCode Emit(const std::string& output, const std::string& document, bool binary,
              const Common& common, std::ostream& out, std::ostream& err) {
  if (!output.empty()) {
    if (auto s = app::WriteTextFile(output, document); !s.ok()) return Fail(err, s.error());
    return ExitCode::kOk;
  }
  if (binary && common.out_is_terminal) {
    return Fail(err, Error::Usage("a PDF is not shown on a terminal: give -o FILE.pdf"));
  }
  out << document << std::flush;
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunStatus(const StatusArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (!OneOf(a.format, {"text", "md", "html", "pdf", "eml", "json"})) {
    return Fail(err, Error::Usage("--format: expected text, md, html, pdf, eml or json, got '" +
                                  a.format + "'"));
  }
  const report::Mailbox to = report::ParseMailbox(a.to);
  const report::Mailbox from = report::ParseMailbox(a.from.empty() ? env.actor : a.from);
  if (a.format == "eml" && (to.address.empty() || from.address.empty())) {
    return Fail(err, Error::Usage("--format eml needs --to and --from as \"Name <address>\""));
  }
  app::ProgramStatusRequest request;
  request.source = a.source.Source();
  request.as_of = a.common.as_of;
  request.forecast.iterations = a.iterations;
  request.forecast.seed = a.seed;
  request.snapshot = a.snapshot;
  auto r = app::ProgramStatus(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const model::Program& p = r->loaded.program;
  const report::StatusWords words = report::BuildStatusWords(p, r->status);
  if (a.common.json || a.format == "json") {
    return Emit(a.output, report::StatusJson(p, r->status, words), false, a.common, out, err);
  }
  if (a.format == "text")
    return Emit(a.output, report::StatusText(words), false, a.common, out, err);
  if (a.format == "md") {
    return Emit(a.output, report::StatusMarkdown(words), false, a.common, out, err);
  }
  const std::string html = report::StatusHtml(p, r->status, words);
  if (a.format == "html") return Emit(a.output, html, false, a.common, out, err);
  if (a.format == "pdf") {
    auto pdf = app::HtmlToPdf(html);
    if (!pdf.ok()) return Fail(err, pdf.error());
    return Emit(a.output, *pdf, true, a.common, out, err);
  }
  report::StatusEmailOptions o;
  o.from = report::MailboxHeader(from.name, from.address);
  o.to = report::MailboxHeader(to.name, to.address);
  o.date = r->status.as_of;
  o.message_id = "status." + p.id + "." + r->status.as_of.ToString() + "@tpmkit";
  return Emit(a.output, report::StatusEmail(words, html, o), false, a.common, out, err);
}

ExitCode RunPortfolio(const PortfolioArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (!OneOf(a.format, {"text", "html", "json"})) {
    return Fail(err, Error::Usage("--format: expected text, html or json, got '" + a.format + "'"));
  }
  app::PortfolioRequest request;
  request.as_of = a.common.as_of;
  request.forecast.iterations = a.iterations;
  request.forecast.seed = a.seed;
  auto r = app::Portfolio(env, request);
  if (!r.ok()) return Fail(err, r.error());
  std::vector<report::PortfolioRow> rows;
  for (const auto& e : r->programs)
    rows.push_back({e.id, e.name, e.currency, e.figures, e.problem});
  const std::string doc = a.common.json || a.format == "json" ? report::PortfolioJson(rows)
                          : a.format == "html"                ? report::PortfolioHtml(rows)
                                                              : report::PortfolioText(rows);
  return Emit(a.output, doc, false, a.common, out, err);
}

ExitCode RunPrograms(const ProgramsArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ListPrograms(env);
  if (!r.ok()) return Fail(err, r.error());
  std::vector<report::ListedProgram> rows;
  for (const auto& s : *r) rows.push_back({s.id, s.name, ""});
  Print(out, a.common.json ? report::ProgramListJson(rows) : report::ProgramListText(rows));
  return ExitCode::kOk;
}

void DefineStatusCommands(CLI::App& root, Invocation& invocation) {
  auto so = std::make_shared<StatusArgs>();
  auto* status = root.add_subcommand("status",
                                     "The weekly status report: health, finish, money, "
                                     "risks, what waits and what changed");
  AddSourceOptions(*status, so->source);
  status->add_option("--format", so->format, "text (default), md, html, pdf, eml or json");
  status->add_option("-o,--output", so->output, "Write to FILE instead of stdout");
  status->add_flag("--snapshot", so->snapshot,
                   "Keep this date's headline figures in the workspace (audited), for trends and "
                   "\"changed since\"");
  status->add_option("--to", so->to, "eml: the addressee, \"Name <address>\"");
  status->add_option("--from", so->from,
                     "eml: the sender, \"Name <address>\" (default: the actor)");
  status->add_option("--iterations", so->iterations, "Forecast iterations (10000)");
  status->add_option("--seed", so->seed, "Forecast seed (1)")->check(SeedRange());
  status->footer(
      "Health is red/amber/green per area (docs/health.md). PDF needs Debian's chromium.\n"
      "Examples:\n  tpmkit status -f examples/phoenix.yaml\n"
      "  tpmkit status -p phoenix --snapshot\n"
      "  tpmkit status -p phoenix --format html -o status.html");
  Bind(*status, invocation, so, RunStatus);

  auto po = std::make_shared<PortfolioArgs>();
  auto* portfolio = root.add_subcommand(
      "portfolio", "Every program of the workspace: health, P80 against target, money, readiness");
  portfolio->add_option("--format", po->format, "text (default), html or json");
  portfolio->add_option("-o,--output", po->output, "Write to FILE instead of stdout");
  portfolio->add_option("--iterations", po->iterations, "Forecast iterations (10000)");
  portfolio->add_option("--seed", po->seed, "Forecast seed (1)")->check(SeedRange());
  portfolio->footer("Example:\n  tpmkit portfolio --format html -o portfolio.html");
  Bind(*portfolio, invocation, po, RunPortfolio);

  auto lo = std::make_shared<ProgramsArgs>();
  auto* programs = root.add_subcommand("programs", "List the programs of the workspace");
  programs->footer("Example:\n  tpmkit programs --json");
  Bind(*programs, invocation, lo, RunPrograms);
}

}  // namespace tpmkit::cli
