// schedule, forecast, evm and import: the plan's numbers, and MS Project XML or a Jira CSV
// export in.
#include "tpmkit/cli/plan_commands.h"

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <iomanip>
#include <memory>
#include <ostream>

#include "tpmkit/app/plan_cases.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/cli/command.h"
#include "tpmkit/report/evm_text.h"
#include "tpmkit/report/forecast_text.h"
#include "tpmkit/report/program_text.h"
#include "tpmkit/report/schedule_text.h"

namespace tpmkit::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

// A progress bar on stderr, drawn only on a terminal and only once the run has taken a
// second, so quick runs and pipes stay clean.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, bool enabled)
      : err_(err), enabled_(enabled), start_(Clock::now()) {}
  ~ProgressBar() { Clear(); }
  // Erases the bar, so that what is printed next starts on a clean line.
  void Clear() {
    if (drawn_) err_ << "\r\033[K" << std::flush;
    drawn_ = false;
  }
  void Update(double fraction) {
    if (!enabled_) return;
    auto now = Clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(100)) {
      return;
    }
    last_ = now;
    drawn_ = true;
    constexpr int kWidth = 40;
    const int filled = static_cast<int>(fraction * kWidth);
    err_ << "\rforecast [" << std::string(filled, '#') << std::string(kWidth - filled, ' ') << "] "
         << std::setw(3) << static_cast<int>(fraction * 100) << "%  (Ctrl-C stops)" << std::flush;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream& err_;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_, last_;
};

}  // namespace

ExitCode RunSchedule(const ScheduleArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ScheduleProgram(env, {a.source.Source(), a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->loaded.warnings);
  const auto& p = r->loaded.program;
  if (a.common.json) {
    Print(out, report::ScheduleJson(p, r->schedule));
    return ExitCode::kOk;
  }
  report::ScheduleTextOptions text;
  text.color = a.common.color;
  text.width = a.width;
  Print(out, a.gantt ? report::ScheduleText(p, r->schedule, text)
                     : report::ScheduleTable(p, r->schedule));
  return ExitCode::kOk;
}

ExitCode RunForecast(const ForecastArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  ProgressBar bar(err, a.common.progress);
  app::ForecastFinishRequest request;
  request.source = a.source.Source();
  request.as_of = a.common.as_of;
  request.iterations = a.iterations;
  request.seed = a.seed;
  request.threads = a.threads;
  request.progress = [&bar](double f) { bar.Update(f); };
  request.cancel = &g_interrupted;
  auto previous = std::signal(SIGINT, OnInterrupt);
  auto r = app::ForecastFinish(env, request);
  std::signal(SIGINT, previous);
  bar.Clear();
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->loaded.warnings);
  if (r->forecast.cancelled) {
    err << "tpmkit: forecast stopped by Ctrl-C; nothing was written\n";
    return ExitCode::kInterrupted;
  }
  const auto& p = r->loaded.program;
  if (a.common.json) {
    Print(out, report::ForecastJson(p, r->forecast));
    return ExitCode::kOk;
  }
  report::ForecastTextOptions text;
  text.color = a.common.color;
  Print(out, report::ForecastText(p, r->forecast, text));
  return ExitCode::kOk;
}

ExitCode RunEvm(const EvmArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::EarnedValue(env, {a.source.Source(), a.common.as_of});
  if (!r.ok()) return Fail(err, r.error());
  Print(out, a.common.json ? report::EvmJson(r->evm, r->loaded.program)
                           : report::EvmText(r->evm, r->loaded.program));
  return ExitCode::kOk;
}

ExitCode RunImport(const ImportArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::ImportPlanRequest request{a.format, a.file, a.program, a.project};
  request.prune = a.prune;
  request.dry_run = a.dry_run;
  auto r = app::ImportPlan(env, request);
  if (!r.ok()) return Fail(err, r.error());
  PrintWarnings(err, r->warnings);
  const report::ImportOutcome outcome{{r->applied.program, r->applied.created, r->applied.changed},
                                      a.file,
                                      r->tasks,
                                      r->warnings.size(),
                                      r->merged,
                                      a.dry_run,
                                      r->pruned,
                                      r->changes};
  Print(out, a.common.json ? report::ImportJson(outcome) : report::ImportText(outcome));
  return ExitCode::kOk;
}

void DefinePlanCommands(CLI::App& root, Invocation& invocation) {
  auto so = std::make_shared<ScheduleArgs>();
  auto* schedule = root.add_subcommand(
      "schedule", "Critical path: early and late dates, floats, the critical path");
  AddSourceOptions(*schedule, so->source);
  schedule->add_flag("--gantt", so->gantt, "Draw a Gantt chart with the critical path");
  schedule->add_option("--width", so->width, "Width of the Gantt chart in columns")
      ->check(CLI::Range(40, 1000));
  schedule->footer(
      "Critical tasks are marked * (total float <= 0); finished tasks have no float.\n"
      "Examples:\n  tpmkit schedule -f examples/phoenix.yaml --gantt\n"
      "  tpmkit schedule --as-of 2026-07-01 --json");
  Bind(*schedule, invocation, so, RunSchedule);

  auto fo = std::make_shared<ForecastArgs>();
  auto* forecast = root.add_subcommand(
      "forecast",
      "Monte Carlo forecast of the finish: percentiles, chance of making the target, "
      "most critical and most sensitive tasks");
  AddSourceOptions(*forecast, fo->source);
  forecast->add_option("--iterations", fo->iterations, "Iterations (default 10000)");
  forecast->add_option("--seed", fo->seed, "Random seed (default 1): same seed, same numbers")
      ->check(SeedRange());
  forecast->add_option("--threads", fo->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  forecast->footer(
      "Results depend only on the program, --iterations and --seed, whatever the threads.\n"
      "Example:\n  tpmkit forecast -f examples/phoenix.yaml --iterations 20000 --seed 7");
  Bind(*forecast, invocation, fo, RunForecast);

  auto eo = std::make_shared<EvmArgs>();
  auto* evm = root.add_subcommand("evm", "Earned value and earned schedule, explained");
  AddSourceOptions(*evm, eo->source);
  evm->footer(
      "The as-of date is --as-of, else the program's status_date, else today.\n"
      "Planned dates: baselines where given, else the schedule without progress.\n"
      "Example:\n  tpmkit evm -f examples/phoenix.yaml --as-of 2026-06-15");
  Bind(*evm, invocation, eo, RunEvm);

  auto io = std::make_shared<ImportArgs>();
  auto* import = root.add_subcommand(
      "import",
      "Bring a plan in from MS Project XML (mspdi) or a Jira CSV export (jira) into the "
      "workspace");
  import->add_option("FORMAT", io->format, "mspdi or jira")->required();
  import->add_option("FILE", io->file, "The file to import")->required();
  import->add_option("--id", io->program, "Program id (default: from the file name)");
  import->add_option("--project", io->project,
                     "jira: import only the issues of this Jira project key (e.g. PHX)");
  import->add_flag("--prune", io->prune,
                   "Into an existing program: drop the registers' references to tasks the new "
                   "plan no longer has (else the import is refused)");
  import->add_flag("--dry-run", io->dry_run, "Say what would change; write nothing");
  import->footer(
      "What the file holds that tpmkit cannot represent is listed as warnings.\n"
      "Into an existing program (--id EXISTING) the plan is merged: projects, tasks and\n"
      "links (and from MS Project the start, status date, calendar and resources) are\n"
      "replaced, every register is kept. Registers that name a task the new plan lacks\n"
      "refuse the import (exit 2) unless --prune.\n"
      "Jira: epics become projects, issues tasks, 'Blocks' links dependencies.\n"
      "Examples:\n  tpmkit import mspdi plan.xml --id phoenix --dry-run\n"
      "  tpmkit import mspdi plan.xml --id phoenix\n"
      "  tpmkit import jira export.csv --id phoenix --project PHX --prune");
  Bind(*import, invocation, io, RunImport, {.creates_workspace = true});
}

}  // namespace tpmkit::cli
