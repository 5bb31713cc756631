// schedule, forecast and import: the plan engine and MS Project XML in.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>

#include "tpmkit/app/workspace.h"
#include "tpmkit/cli/cli.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/report/forecast_text.h"
#include "tpmkit/report/schedule_text.h"

namespace tpmkit::cli {

namespace {

std::atomic<bool> g_interrupted{false};
extern "C" void OnInterrupt(int) { g_interrupted.store(true); }

struct ScheduleCommandOptions {
  SourceOptions source;
  bool gantt = false;
  int width = 100;
};

struct ForecastCommandOptions {
  SourceOptions source;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;
};

// A progress bar on stderr, drawn only on a terminal and only once the run has taken a
// second, so quick runs and pipes stay clean.
class ProgressBar {
 public:
  ProgressBar() : enabled_(isatty(fileno(stderr))), start_(Clock::now()) {}
  ~ProgressBar() { Clear(); }
  // Erases the bar, so that what is printed next starts on a clean line.
  void Clear() {
    if (drawn_) std::fputs("\r\033[K", stderr);
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
    int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\rforecast [%s%s] %3d%%  (Ctrl-C stops)",
                 std::string(filled, '#').c_str(), std::string(kWidth - filled, ' ').c_str(),
                 static_cast<int>(fraction * 100));
    std::fflush(stderr);
  }

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  bool drawn_ = false;
  Clock::time_point start_, last_;
};

int RunSchedule(const Cli& cli, const ScheduleCommandOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  PrintWarnings(loaded->warnings);
  plan::ScheduleOptions options;
  options.as_of = *as_of;
  auto schedule = plan::ComputeSchedule(loaded->program, options);
  if (!schedule.ok()) return Fail(schedule.error());
  if (cli.global.json) {
    Print(report::ScheduleJson(loaded->program, *schedule));
    return kExitOk;
  }
  report::ScheduleTextOptions text;
  text.color = cli.Color();
  text.width = o.width;
  Print(o.gantt ? report::ScheduleText(loaded->program, *schedule, text)
                : report::ScheduleTable(loaded->program, *schedule));
  return kExitOk;
}

int RunForecast(const Cli& cli, const ForecastCommandOptions& o) {
  auto as_of = cli.AsOf();
  if (!as_of.ok()) return Fail(as_of.error());
  if (o.iterations < 1) return Fail(Error::Usage("--iterations must be at least 1"));
  auto loaded = app::LoadProgram(cli.Session(), o.source.Source());
  if (!loaded.ok()) return Fail(loaded.error());
  PrintWarnings(loaded->warnings);

  ProgressBar bar;
  plan::ForecastOptions options;
  options.iterations = o.iterations;
  options.seed = o.seed;
  options.threads = o.threads;
  options.progress = [&bar](double f) { bar.Update(f); };
  options.cancel = &g_interrupted;
  auto previous = std::signal(SIGINT, OnInterrupt);
  auto forecast = plan::RunForecast(loaded->program, options, *as_of);
  std::signal(SIGINT, previous);
  bar.Clear();
  if (!forecast.ok()) return Fail(forecast.error());
  if (forecast->cancelled) {
    std::fputs("tpmkit: forecast stopped by Ctrl-C; nothing was written\n", stderr);
    return 130;
  }
  if (cli.global.json) {
    Print(report::ForecastJson(loaded->program, *forecast));
    return kExitOk;
  }
  report::ForecastTextOptions text;
  text.color = cli.Color();
  Print(report::ForecastText(loaded->program, *forecast, text));
  return kExitOk;
}

int RunImport(const Cli& cli, const std::string& format, const std::string& file,
              const std::string& program_id) {
  if (format != "mspdi") {
    return Fail(Error::Usage("import " + format + " is not supported yet; formats: mspdi"));
  }
  auto read = app::ReadMspdiFile(file, program_id);
  if (!read.ok()) return Fail(read.error());
  PrintWarnings(read->warnings);
  auto result = app::ApplyProgram(cli.Session(), read->program);
  if (!result.ok()) return Fail(result.error());
  if (cli.global.json) {
    Print(nlohmann::json{{"program", result->program},
                         {"created", result->created},
                         {"changed", result->changed},
                         {"warnings", read->warnings.size()}}
              .dump(2));
  } else {
    Print((result->created ? "Imported " : "Updated ") + result->program + " from " + file + ": " +
          std::to_string(read->program.TaskCount()) + " tasks, " + std::to_string(result->changed) +
          " entries in the audit trail, " + std::to_string(read->warnings.size()) + " warnings.");
  }
  return kExitOk;
}

}  // namespace

void RegisterPlanCommands(CLI::App& app, Cli& cli) {
  auto so = std::make_shared<ScheduleCommandOptions>();
  auto* schedule = app.add_subcommand(
      "schedule", "Critical path: early and late dates, floats, the critical path");
  AddSourceOptions(*schedule, so->source);
  schedule->add_flag("--gantt", so->gantt, "Draw a Gantt chart with the critical path");
  schedule->add_option("--width", so->width, "Width of the Gantt chart in columns")
      ->check(CLI::Range(40, 1000));
  schedule->footer(
      "Critical tasks are marked * (total float <= 0); finished tasks have no float.\n"
      "Examples:\n  tpmkit schedule -f examples/phoenix.yaml --gantt\n"
      "  tpmkit schedule --as-of 2026-07-01 --json");
  schedule->callback([&cli, so] { cli.run = [&cli, so] { return RunSchedule(cli, *so); }; });

  auto fo = std::make_shared<ForecastCommandOptions>();
  auto* forecast = app.add_subcommand(
      "forecast",
      "Monte Carlo forecast of the finish: percentiles, chance of making the target, "
      "most critical and most sensitive tasks");
  AddSourceOptions(*forecast, fo->source);
  forecast->add_option("--iterations", fo->iterations, "Iterations (default 10000)");
  forecast->add_option("--seed", fo->seed, "Random seed (default 1): same seed, same numbers");
  forecast->add_option("--threads", fo->threads, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  forecast->footer(
      "Results depend only on the program, --iterations and --seed, whatever the threads.\n"
      "Example:\n  tpmkit forecast -f examples/phoenix.yaml --iterations 20000 --seed 7");
  forecast->callback([&cli, fo] { cli.run = [&cli, fo] { return RunForecast(cli, *fo); }; });

  struct ImportOptions {
    std::string format, file, program;
  };
  auto io = std::make_shared<ImportOptions>();
  auto* import = app.add_subcommand(
      "import", "Bring a plan in from MS Project XML (mspdi) into the workspace");
  import->add_option("FORMAT", io->format, "mspdi")->required();
  import->add_option("FILE", io->file, "The file to import")->required();
  import->add_option("--id", io->program, "Program id (default: from the file name)");
  import->footer(
      "What the file holds that tpmkit cannot represent is listed as warnings.\n"
      "Example:\n  tpmkit import mspdi plan.xml --id phoenix");
  import->callback([&cli, io] {
    cli.run = [&cli, io] { return RunImport(cli, io->format, io->file, io->program);
};
}  // namespace tpmkit::cli
);
}

}  // namespace tpmkit::cli
