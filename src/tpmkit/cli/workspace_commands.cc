// init, apply, export, check, show: programs into the workspace and back.
#include "tpmkit/cli/workspace_commands.h"

#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/app/export_cases.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/program_text.h"

namespace tpmkit::cli {

ExitCode RunInit(const InitArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  if (auto r = app::InitWorkspace(env, {}); !r.ok()) return Fail(err, r.error());
  const std::string shown = app::ShownWorkspace(a.common.db_url);  // never a password
  Print(out, a.common.json ? report::InitJson(shown) : report::InitText(shown));
  return ExitCode::kOk;
}

ExitCode RunApply(const ApplyArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ApplyFile(env, {a.file});
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->warnings);
  const report::StoredProgram stored{r->applied.program, r->applied.created, r->applied.changed};
  if (a.common.json) {
    Print(out, report::ApplyJson(stored));
    return ExitCode::kOk;
  }
  // The evidence root's entry is not a change of the program: say so apart.
  report::StoredProgram program_only = stored;
  if (r->applied.moved_evidence_root) program_only.changed -= 1;
  Print(out, report::ApplyText(program_only));
  if (r->applied.moved_evidence_root) {
    Print(out, report::EvidenceRootMovedText(r->applied.program,
                                             r->applied.moved_evidence_root->string(),
                                             r->evidence_root.string()));
  }
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

namespace {

// export --format xlsx|ics|csv: the registers and dates (app/export_cases.h).
ExitCode RunExportData(const ExportArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  const bool to_stdout = a.output.empty() || a.output == "-";
  if (!a.register_name.empty() && a.format != "csv") {
    return Fail(err, Error::Usage("--register: only with --format csv (" + a.format +
                                  " holds every register)"));
  }
  if (a.format == "csv" && a.register_name.empty() && to_stdout) {
    return Fail(err,
                Error::Usage("--format csv: give --register NAME for one register, or -o FOLDER "
                             "for one NAME.csv per register"));
  }
  // A workbook is binary: it goes to a file, or to a pipe or a redirection.
  if (a.format == "xlsx" && to_stdout && a.common.out_is_terminal) {
    return Fail(err,
                Error::Usage("--format xlsx: standard output is a terminal; write the workbook "
                             "with -o FILE (or redirect standard output)"));
  }
  app::ExportDataRequest request;
  request.source = a.source.Source();
  request.format = a.format;
  request.as_of = a.common.as_of;
  request.register_name = a.register_name;
  if (!to_stdout) request.output = a.output;
  auto r = app::ExportData(env, request);
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->warnings);
  if (to_stdout) {
    out << r->content;
  } else if (!a.common.json) {
    for (const auto& path : r->written) err << "Wrote " << path.string() << '\n';
  }
  return ExitCode::kOk;
}

}  // namespace

ExitCode RunExport(const ExportArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  // What export writes is a file format of its own; printing YAML or a workbook where a
  // script expects one JSON document would break the --json promise.
  if (a.common.json) {
    return Fail(err, Error::Usage("--json: export writes a program file, MS Project XML, xlsx, "
                                  "ics or csv (--format), never JSON; for JSON ask the command "
                                  "that shows what you need, e.g. `tpmkit show --json`"));
  }
  if (a.format == "xlsx" || a.format == "ics" || a.format == "csv") {
    return RunExportData(a, env, out, err);
  }
  if (!a.register_name.empty()) {
    return Fail(err, Error::Usage("--register: only with --format csv"));
  }
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
  const report::ShowFigures figures{r->schedule, r->scorecard, r->readiness,
                                    r->status ? &*r->status : nullptr};
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
  apply->footer(
      "The file's folder is remembered as the program's evidence root: `audit` and\n"
      "`audit pack` look for relative evidence paths there (--evidence-root overrides).\n"
      "Example:\n  tpmkit apply examples/phoenix.yaml");
  Bind(*apply, invocation, apply_args, RunApply, {.creates_workspace = true});

  auto check_args = std::make_shared<CheckArgs>();
  auto* check = root.add_subcommand("check", "Validate a program file; print every problem");
  CLI::Option* file =
      check->add_option("FILE", check_args->file, "The program file (YAML)")->required();
  // `-f FILE`, the form the other commands take, still works; it is not listed, so that the
  // help shows one way. It fills FILE, so that FILE's requirement holds.
  check
      ->add_option_function<std::string>(
          "-f,--file",
          [file, check_args](const std::string& path) {
            if (file->count() > 0) {
              throw CLI::ValidationError("-f,--file", "give the program file once, as FILE");
            }
            check_args->file = path;
            file->add_result(path);
          })
      ->group("");
  check->footer(
      "Prints each problem as FILE:LINE:COLUMN: message and exits 2 when there is any.\n"
      "Example:\n  tpmkit check examples/phoenix.yaml");
  Bind(*check, invocation, check_args, RunCheck);

  auto export_args = std::make_shared<ExportArgs>();
  auto* exp = root.add_subcommand(
      "export",
      "Write the program back as a program file, or its registers (xlsx, csv) and dates (ics)");
  AddSourceOptions(*exp, export_args->source);
  exp->add_option("-o,--output", export_args->output,
                  "Output file (default: standard output); for csv without --register, the "
                  "folder that receives one NAME.csv per register");
  exp->add_option("--format", export_args->format,
                  "yaml (the program file, default), mspdi (MS Project XML), xlsx (an Excel "
                  "workbook of every register), ics (an iCalendar file of the dates) or csv "
                  "(registers as CSV)")
      ->check(CLI::IsMember({"yaml", "mspdi", "xlsx", "ics", "csv"}));
  exp->add_option("--register", export_args->register_name,
                  "csv: the one register to write: tasks, risks, stakeholders, decisions, "
                  "changes, audit or kpis");
  exp->footer(
      "Applying the exported program file changes nothing. xlsx, ics and csv are as of the "
      "date in force (--as-of).\n"
      "Examples:\n  tpmkit export -p phoenix -o phoenix.yaml\n"
      "  tpmkit export --format mspdi -o phoenix.xml\n"
      "  tpmkit export --format xlsx -o phoenix.xlsx\n"
      "  tpmkit export --format ics -o phoenix.ics\n"
      "  tpmkit export --format csv --register risks -o risks.csv\n"
      "  tpmkit export --format csv -o registers/");
  Bind(*exp, invocation, export_args, RunExport);

  auto show_args = std::make_shared<ShowArgs>();
  auto* show = root.add_subcommand("show", "Summarize a program: projects, tasks and registers");
  AddSourceOptions(*show, show_args->source);
  show->footer("Example:\n  tpmkit show\n  tpmkit show -f examples/phoenix.yaml --json");
  Bind(*show, invocation, show_args, RunShow);
}

}  // namespace tpmkit::cli
