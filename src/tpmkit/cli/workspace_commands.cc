// init, apply, export, check, show: programs into the workspace and back.
#include "tpmkit/cli/workspace_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/program_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/program_text.h"

namespace tpmkit::cli {

ExitCode RunInit(const InitArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (auto r = app::InitWorkspace(env, {}); !r.ok()) return Fail(err, r.error());
  Print(out, a.common.json ? report::InitJson(a.common.db_url) : report::InitText(a.common.db_url));
  return ExitCode::kOk;
}

ExitCode RunApply(const ApplyArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ApplyFile(env, {a.file});
  if (!r.ok()) return Fail(err, r.error());
  const report::StoredProgram stored{r->program, r->created, r->changed};
  Print(out, a.common.json ? report::ApplyJson(stored) : report::ApplyText(stored));
  return ExitCode::kOk;
}

ExitCode RunCheck(const CheckArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::CheckFile(env, {a.file});
  if (a.common.json) {
    Print(out, r.ok() ? report::CheckJson(a.file, {}, "", true)
                      : report::CheckJson(a.file, r.error().diagnostics, r.error().message, false));
    return r.ok() ? ExitCode::kOk : ExitCodeFor(r.error().code);
  }
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->warnings);
  Print(out, report::CheckOkText(a.file, r->tasks, r->projects));
  return ExitCode::kOk;
}

ExitCode RunExport(const ExportArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::ExportProgramRequest request{a.source.Source(), a.format, std::nullopt};
  const bool to_stdout = a.output.empty() || a.output == "-";
  if (!to_stdout) request.output = a.output;
  auto r = app::ExportProgram(env, request);
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->warnings);
  if (to_stdout) {
    out << r->text;
  } else if (!a.common.json) {
    err << "Wrote " << a.output << '\n';
  }
  return ExitCode::kOk;
}

ExitCode RunShow(const ShowArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ShowProgram(env, {a.source.Source(), a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->loaded.warnings);
  const report::ShowFigures figures{r->schedule, r->scorecard, r->readiness};
  Print(out, a.common.json ? report::ShowJson(r->loaded.program, figures)
                           : report::ShowText(r->loaded.program, figures));
  return ExitCode::kOk;
}

void DefineWorkspaceCommands(CLI::App& root, Invocation& invocation) {
  auto* init = root.add_subcommand("init", "Create an empty workspace");
  init->footer("Example:\n  tpmkit --db team.db init");
  Bind(*init, invocation, std::make_shared<InitArgs>(), RunInit, {.creates_workspace = true});

  auto apply_args = std::make_shared<ApplyArgs>();
  auto* apply = root.add_subcommand(
      "apply",
      "Validate a program file and store it (create or replace), recording every "
      "change in the audit trail");
  apply->add_option("FILE", apply_args->file, "The program file (YAML)")->required();
  apply->footer("Example:\n  tpmkit apply examples/phoenix.yaml");
  Bind(*apply, invocation, apply_args, RunApply, {.creates_workspace = true});

  auto check_args = std::make_shared<CheckArgs>();
  auto* check = root.add_subcommand("check", "Validate a program file; print every problem");
  check->add_option("-f,--file,FILE", check_args->file, "The program file (YAML)")->required();
  check->footer(
      "Prints each problem as FILE:LINE:COLUMN: message and exits 2 when there is any.\n"
      "Example:\n  tpmkit check -f examples/phoenix.yaml");
  Bind(*check, invocation, check_args, RunCheck);

  auto export_args = std::make_shared<ExportArgs>();
  auto* exp = root.add_subcommand("export", "Write the program back as a program file");
  AddSourceOptions(*exp, export_args->source);
  exp->add_option("-o,--output", export_args->output, "Output file (default: standard output)");
  exp->add_option("--format", export_args->format,
                  "yaml (the program file, default) or mspdi (MS Project XML)")
      ->check(CLI::IsMember({"yaml", "mspdi"}));
  exp->footer(
      "Applying the exported program file changes nothing.\n"
      "Examples:\n  tpmkit export -p phoenix -o phoenix.yaml\n"
      "  tpmkit export --format mspdi -o phoenix.xml");
  Bind(*exp, invocation, export_args, RunExport);

  auto show_args = std::make_shared<ShowArgs>();
  auto* show = root.add_subcommand("show", "Summarize a program: projects, tasks and registers");
  AddSourceOptions(*show, show_args->source);
  show->footer("Example:\n  tpmkit show\n  tpmkit show -f examples/phoenix.yaml --json");
  Bind(*show, invocation, show_args, RunShow);
}

}  // namespace tpmkit::cli
