// init, apply, export, check, show: loading programs into the workspace and back.
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::cli {

namespace {

using nlohmann::json;

json DateOrNull(const std::optional<Date>& d) { return d ? json(d->ToString()) : json(nullptr); }

int RunInit(const Cli& cli) {
  auto session = cli.Session();
  if (auto s = app::InitWorkspace(session); !s.ok()) return Fail(s.error());
  if (!cli.global.json)
    Print("Workspace ready at " + session.db_url);
  else
    Print(json{{"workspace", session.db_url}}.dump(2));
  return kExitOk;
}

int RunApply(const Cli& cli, const std::string& file) {
  auto result = app::ApplyFile(cli.Session(), file);
  if (!result.ok()) return Fail(result.error());
  if (cli.global.json) {
    Print(json{
        {"program", result->program}, {"created", result->created}, {"changed", result->changed}}
              .dump(2));
  } else if (result->created) {
    Print("Created program " + result->program + " (" + std::to_string(result->changed) +
          " entries in the audit trail).");
  } else if (result->changed == 0) {
    Print("Program " + result->program + " is unchanged.");
  } else {
    Print("Updated program " + result->program + ": " + std::to_string(result->changed) +
          (result->changed == 1 ? " change" : " changes") + " recorded in the audit trail.");
  }
  return kExitOk;
}

int RunCheck(const Cli& cli, const std::string& file) {
  auto program = app::ReadProgram(file);
  if (cli.global.json) {
    json errors = json::array();
    if (!program.ok()) {
      for (const auto& d : program.error().diagnostics) {
        errors.push_back(
            {{"file", d.file}, {"line", d.line}, {"column", d.column}, {"message", d.message}});
      }
      if (errors.empty()) {
        errors.push_back(
            {{"file", file}, {"line", 0}, {"column", 0}, {"message", program.error().message}});
      }
    }
    Print(json{{"ok", program.ok()}, {"errors", errors}}.dump(2));
    return program.ok() ? kExitOk : ExitCodeFor(program.error().code);
  }
  if (!program.ok()) return Fail(program.error());
  PrintWarnings(program->warnings);
  Print(file + ": ok (" + std::to_string(program->program.TaskCount()) + " tasks in " +
        std::to_string(program->program.projects.size()) + " projects)");
  return kExitOk;
}

int RunExport(const Cli& cli, const SourceOptions& source, const std::string& out,
              const std::string& format) {
  auto loaded = app::LoadProgram(cli.Session(), source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  PrintWarnings(loaded->warnings);
  std::string text;
  if (format == "yaml") {
    text = formats::WriteProgramFile(loaded->program);
  } else {
    auto xml = app::ExportMspdi(loaded->program);
    if (!xml.ok()) return Fail(xml.error());
    text = std::move(*xml);
  }
  if (out.empty() || out == "-") {
    std::cout << text;
    return kExitOk;
  }
  if (auto s = app::WriteTextFile(out, text); !s.ok()) return Fail(s.error());
  if (!cli.global.json) std::cerr << "Wrote " << out << '\n';
  return kExitOk;
}

size_t CountIf(const auto& items, auto pred) {
  size_t n = 0;
  for (const auto& i : items) n += pred(i) ? 1 : 0;
  return n;
}

// What `show` adds to the file's own content: the plan's span and a few headline numbers.
struct ShowFigures {
  std::optional<plan::Schedule> schedule;
  Date as_of;
  toolkit::ScorecardResult scorecard;
  toolkit::AuditReadiness readiness;
};

ShowFigures ComputeShowFigures(const model::Program& p, std::optional<Date> as_of) {
  ShowFigures f;
  plan::ScheduleOptions options;
  options.as_of = as_of;
  if (auto s = plan::ComputeSchedule(p, options); s.ok()) f.schedule = std::move(*s);
  f.as_of = as_of.value_or(p.status_date.value_or(p.start));
  f.scorecard = toolkit::ComputeScorecard(p);
  f.readiness = toolkit::ComputeAuditReadiness(p, toolkit::AuditInputs{f.as_of, {}, {}});
  return f;
}

std::string OneDecimal(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string ShowText(const model::Program& p, const ShowFigures& f) {
  std::ostringstream out;
  out << p.name << " (" << p.id << ")\n";
  if (!p.objective.empty()) out << "  Objective:    " << p.objective << '\n';
  if (!p.sponsor.empty()) out << "  Sponsor:      " << p.sponsor << '\n';
  out << "  Start:        " << p.start.ToString() << '\n';
  if (p.target) out << "  Target:       " << p.target->ToString() << '\n';
  if (p.status_date) out << "  Status date:  " << p.status_date->ToString() << '\n';
  out << "  Budget:       " << toolkit::Amount(p.EffectiveBudget(), p.currency)
      << (p.budget ? "" : " (sum of task costs)") << '\n';
  out << "\nProjects (" << p.projects.size() << "), " << p.TaskCount() << " tasks";
  if (f.schedule) {
    out << ", " << f.schedule->start.ToString() << " to " << f.schedule->finish.ToString()
        << " as scheduled (" << f.schedule->critical_path.size() << " tasks on the critical path)";
  }
  out << '\n';
  for (const auto& pr : p.projects) {
    out << "  " << pr.id << "  " << pr.name << "  (" << pr.tasks.size() << " tasks"
        << (pr.owner.empty() ? "" : ", owner " + pr.owner) << ")\n";
  }
  auto open_risks = CountIf(p.risks, [](const model::Risk& r) {
    return r.status == model::RiskStatus::kOpen || r.status == model::RiskStatus::kMitigating;
  });
  auto open_decisions = CountIf(p.decisions, [](const model::Decision& d) {
    return d.status == model::DecisionStatus::kOpen;
  });
  auto proposed = CountIf(
      p.changes, [](const model::Change& c) { return c.status == model::ChangeStatus::kProposed; });
  size_t audit_items = p.audit ? p.audit->items.size() : 0;
  out << "\nRegisters\n"
      << "  External dependencies  " << p.dependencies.size() << '\n'
      << "  Risks                  " << p.risks.size() << " (" << open_risks
      << " open or mitigating)\n"
      << "  Stakeholders           " << p.stakeholders.size() << '\n'
      << "  Decisions              " << p.decisions.size() << " (" << open_decisions << " open)\n"
      << "  Change requests        " << p.changes.size() << " (" << proposed << " proposed)\n"
      << "  Audit items            " << audit_items << '\n'
      << "  Scorecard assessments  " << (p.scorecard ? p.scorecard->assessments.size() : 0) << '\n'
      << "  Actuals                " << p.actuals.size() << '\n';
  if (f.scorecard.score) {
    out << "\nLatest scorecard: " << OneDecimal(*f.scorecard.score) << " of 100 ("
        << toolkit::BandName(*f.scorecard.band) << "), " << f.scorecard.date->ToString() << '\n';
  }
  if (f.readiness.readiness) {
    out << "Audit readiness:  " << OneDecimal(*f.readiness.readiness) << " % (" << f.readiness.done
        << " of " << f.readiness.applicable << " applicable items done)\n";
  }
  return out.str();
}

json ShowJson(const model::Program& p, const ShowFigures& f) {
  json projects = json::array();
  for (const auto& pr : p.projects) {
    projects.push_back(
        {{"id", pr.id}, {"name", pr.name}, {"owner", pr.owner}, {"tasks", pr.tasks.size()}});
  }
  return json{
      {"program",
       {{"id", p.id},
        {"name", p.name},
        {"objective", p.objective},
        {"sponsor", p.sponsor},
        {"currency", p.currency},
        {"start", p.start.ToString()},
        {"target", DateOrNull(p.target)},
        {"status_date", DateOrNull(p.status_date)},
        {"budget", p.EffectiveBudget().ToDouble()}}},
      {"projects", projects},
      {"tasks", p.TaskCount()},
      {"start", f.schedule ? json(f.schedule->start.ToString()) : json(nullptr)},
      {"finish", f.schedule ? json(f.schedule->finish.ToString()) : json(nullptr)},
      {"critical_path", f.schedule ? json(f.schedule->critical_path.size()) : json(nullptr)},
      {"scorecard_score", f.scorecard.score ? json(*f.scorecard.score) : json(nullptr)},
      {"readiness", f.readiness.readiness ? json(*f.readiness.readiness) : json(nullptr)},
      {"dependencies", p.dependencies.size()},
      {"risks", p.risks.size()},
      {"stakeholders", p.stakeholders.size()},
      {"decisions", p.decisions.size()},
      {"changes", p.changes.size()},
      {"audit_items", p.audit ? p.audit->items.size() : 0},
      {"assessments", p.scorecard ? p.scorecard->assessments.size() : 0},
      {"actuals", p.actuals.size()}};
}

int RunShow(const Cli& cli, const SourceOptions& source) {
  auto loaded = app::LoadProgram(cli.Session(), source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  PrintWarnings(loaded->warnings);
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  auto figures = ComputeShowFigures(loaded->program, *as_of);
  Print(cli.global.json ? ShowJson(loaded->program, figures).dump(2)
                        : ShowText(loaded->program, figures));
  return kExitOk;
}

}  // namespace

void RegisterWorkspaceCommands(CLI::App& app, Cli& cli) {
  auto* init = app.add_subcommand("init", "Create an empty workspace");
  init->footer("Example:\n  tpmkit --db team.db init");
  init->callback([&cli] { cli.run = [&cli] { return RunInit(cli); }; });

  auto apply_file = std::make_shared<std::string>();
  auto* apply = app.add_subcommand(
      "apply",
      "Validate a program file and store it (create or replace), recording every "
      "change in the audit trail");
  apply->add_option("FILE", *apply_file, "The program file (YAML)")->required();
  apply->footer("Example:\n  tpmkit apply examples/phoenix.yaml");
  apply->callback(
      [&cli, apply_file] { cli.run = [&cli, apply_file] { return RunApply(cli, *apply_file); }; });

  auto check_file = std::make_shared<std::string>();
  auto* check = app.add_subcommand("check", "Validate a program file; print every problem");
  check->add_option("-f,--file,FILE", *check_file, "The program file (YAML)")->required();
  check->footer(
      "Prints each problem as FILE:LINE:COLUMN: message and exits 2 when there is any.\n"
      "Example:\n  tpmkit check -f examples/phoenix.yaml");
  check->callback(
      [&cli, check_file] { cli.run = [&cli, check_file] { return RunCheck(cli, *check_file); }; });

  struct ExportOptions {
    SourceOptions source;
    std::string out;
    std::string format = "yaml";
  };
  auto export_opts = std::make_shared<ExportOptions>();
  auto* exp = app.add_subcommand("export", "Write the program back as a program file");
  AddSourceOptions(*exp, export_opts->source);
  exp->add_option("-o,--output", export_opts->out, "Output file (default: standard output)");
  exp->add_option("--format", export_opts->format,
                  "yaml (the program file, default) or mspdi (MS Project XML)")
      ->check(CLI::IsMember({"yaml", "mspdi"}));
  exp->footer(
      "Applying the exported program file changes nothing.\n"
      "Examples:\n  tpmkit export -p phoenix -o phoenix.yaml\n"
      "  tpmkit export --format mspdi -o phoenix.xml");
  exp->callback([&cli, export_opts] {
    cli.run = [&cli, export_opts] {
      return RunExport(cli, export_opts->source, export_opts->out, export_opts->format);
    };
  });

  auto show_source = std::make_shared<SourceOptions>();
  auto* show = app.add_subcommand("show", "Summarize a program: projects, tasks and registers");
  AddSourceOptions(*show, *show_source);
  show->footer("Example:\n  tpmkit show\n  tpmkit show -f examples/phoenix.yaml --json");
  show->callback([&cli, show_source] {
    cli.run = [&cli, show_source] { return RunShow(cli, *show_source); };
  });
}

}  // namespace tpmkit::cli
