#include "tpmkit/report/plan_views.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/report/svg/finish_chart.h"
#include "tpmkit/report/svg/finish_histogram.h"
#include "tpmkit/report/svg/gantt_chart.h"
#include "tpmkit/report/svg/roadmap.h"
#include "tpmkit/report/svg/tornado_chart.h"
#include "tpmkit/toolkit/amounts.h"
#include "tpmkit/toolkit/wording.h"

namespace tpmkit::report {

namespace {

constexpr int kGanttRows = 60;
constexpr size_t kRoadmapRows = 24;

// Each task with the name of its project, in file order (the schedule's order).
struct PlacedTask {
  const model::Project* project;
  const model::Task* task;
};
std::vector<PlacedTask> Placed(const model::Program& program) {
  std::vector<PlacedTask> out;
  for (const auto& p : program.projects) {
    for (const auto& t : p.tasks) out.push_back({&p, &t});
  }
  return out;
}

std::string ProjectName(const model::Project& p) { return p.name.empty() ? p.id : p.name; }
std::string TaskName(const model::Task& t) { return t.name.empty() ? t.id : t.name; }

// A share as a whole percentage, but never "0%" for something that happened, nor "100%"
// for something that did not always happen.
std::string Share(double v) {
  v = std::clamp(std::isfinite(v) ? v : 0.0, 0.0, 1.0);
  const long long whole = std::llround(v * 100);
  if (v > 0 && whole == 0) return "<1%";
  if (v < 1 && whole == 100) return ">99%";
  return fmt::format("{}%", whole);
}

}  // namespace

std::vector<PlanTaskWords> PlanTasksOf(const model::Program& program,
                                       const plan::Schedule& schedule) {
  std::vector<PlanTaskWords> rows;
  const auto placed = Placed(program);
  const size_t n = std::min(placed.size(), schedule.tasks.size());
  for (size_t i = 0; i < n; ++i) {
    const model::Task& t = *placed[i].task;
    const plan::TaskSchedule& s = schedule.tasks[i];
    PlanTaskWords w;
    w.project = ProjectName(*placed[i].project);
    w.id = t.id;
    w.name = TaskName(t);
    w.start = s.start.ToString();
    w.finish = s.finish.ToString();
    w.total_float = s.total_float ? fmt::format("{} d", *s.total_float) : "done";
    w.critical = s.critical;
    w.milestone = t.milestone;
    if (t.deadline) w.deadline = t.deadline->ToString() + (s.deadline_missed ? " (missed)" : "");
    rows.push_back(std::move(w));
  }
  return rows;
}

std::string GanttSvg(const model::Program& program, const plan::Schedule& schedule) {
  svg::GanttInput in;
  in.target = schedule.target;
  in.status_date = schedule.status_date;
  in.max_rows = kGanttRows;
  const auto placed = Placed(program);
  const size_t n = std::min(placed.size(), schedule.tasks.size());
  for (size_t i = 0; i < n; ++i) {
    const model::Task& t = *placed[i].task;
    const plan::TaskSchedule& s = schedule.tasks[i];
    svg::GanttTask g;
    g.project = ProjectName(*placed[i].project);
    g.label = TaskName(t);
    g.start = s.start;
    g.finish = s.finish;
    g.milestone = t.milestone;
    g.critical = s.critical;
    g.done = s.progress == plan::Progress::kFinished;
    g.total_float = s.total_float;
    g.late_finish = s.late_finish_date;
    if (t.baseline) {
      g.baseline_start = t.baseline->start;
      g.baseline_finish = t.baseline->finish;
      // A milestone's baseline is its one day.
      if (t.milestone && !g.baseline_start) g.baseline_start = g.baseline_finish;
    }
    in.tasks.push_back(std::move(g));
  }
  return svg::GanttChart(in,
                         {.width = 960, .height = 480, .id = "gantt-chart", .title = "Schedule"});
}

std::string PlanRoadmapSvg(const model::Program& program, const plan::Schedule& schedule) {
  svg::RoadmapInput in;
  in.target = schedule.target;
  in.status_date = schedule.status_date;
  const auto placed = Placed(program);
  const size_t n = std::min(placed.size(), schedule.tasks.size());
  for (size_t i = 0; i < n && in.milestones.size() < kRoadmapRows; ++i) {
    const model::Task& t = *placed[i].task;
    if (!t.milestone) continue;
    const plan::TaskSchedule& s = schedule.tasks[i];
    const std::optional<Date> planned = t.baseline ? t.baseline->finish : std::nullopt;
    in.milestones.push_back({TaskName(t), planned.value_or(s.finish),
                             planned ? std::optional<Date>(s.finish) : std::nullopt,
                             s.progress == plan::Progress::kFinished, s.deadline_missed});
  }
  return svg::Roadmap(in, {.width = 960, .height = 320, .id = "roadmap", .title = "Milestones"});
}

ForecastWords ForecastWordsOf(const model::Program& program, const plan::Forecast& forecast,
                              int top) {
  ForecastWords w;
  w.iterations = toolkit::Grouped(forecast.iterations);
  w.seed = std::to_string(forecast.seed);
  w.p50 = forecast.p50.date.ToString();
  w.p80 = forecast.p80.date.ToString();
  w.p90 = forecast.p90.date.ToString();
  w.mean = forecast.mean.date.ToString();
  w.target = forecast.target ? forecast.target->ToString() : "no target";
  if (forecast.target && forecast.p_on_time) {
    w.chance = toolkit::wording::Percent(*forecast.p_on_time);  // as the header and the CLI say it
  }
  const auto tasks = plan::TasksInFileOrder(program);
  const size_t n = std::min(tasks.size(), forecast.tasks.size());
  std::vector<size_t> idx;
  for (size_t i = 0; i < n; ++i) {
    if (forecast.tasks[i].criticality > 0) idx.push_back(i);
  }
  std::stable_sort(idx.begin(), idx.end(), [&](size_t a, size_t b) {
    return forecast.tasks[a].criticality > forecast.tasks[b].criticality;
  });
  if (idx.size() > static_cast<size_t>(std::max(0, top))) idx.resize(std::max(0, top));
  for (size_t i : idx) {
    w.critical.push_back({tasks[i]->id, TaskName(*tasks[i]), Share(forecast.tasks[i].criticality),
                          fmt::format("{:+.2f}", forecast.tasks[i].sensitivity)});
  }
  return w;
}

std::string FinishHistogramSvg(const model::Program& program, const plan::Forecast& forecast) {
  svg::FinishHistogramInput in;
  in.finishes = forecast.percentiles;
  in.p50 = forecast.p50.date;
  in.p80 = forecast.p80.date;
  in.p90 = forecast.p90.date;
  in.target = program.target;
  in.target_chance = forecast.p_on_time;
  return svg::FinishHistogram(
      in, {.width = 640, .height = 320, .id = "finish-histogram", .title = "Spread of the finish"});
}

std::string FinishCurveSvg(const model::Program& program, const plan::Forecast& forecast,
                           std::optional<Date> status_date) {
  svg::FinishChartInput in;
  const auto& q = forecast.percentiles;
  for (size_t i = 0; i < q.size(); ++i) in.cumulative.push_back({q[i], (i + 1) / 100.0});
  in.p50 = forecast.p50.date;
  in.p80 = forecast.p80.date;
  in.p90 = forecast.p90.date;
  in.target = program.target;
  in.target_chance = forecast.p_on_time;
  in.status_date = status_date;
  return svg::FinishChart(in, {.id = "finish-chart", .title = "Chance of finishing by each date"});
}

std::string SensitivityTornadoSvg(const model::Program& program, const plan::Forecast& forecast,
                                  int top) {
  svg::TornadoInput in;
  in.max_bars = top;
  const auto tasks = plan::TasksInFileOrder(program);
  const size_t n = std::min(tasks.size(), forecast.tasks.size());
  for (size_t i = 0; i < n; ++i)
    in.bars.push_back({TaskName(*tasks[i]), forecast.tasks[i].sensitivity});
  return svg::TornadoChart(
      in, {.width = 640, .height = 320, .id = "tornado", .title = "Sensitivity of the finish"});
}

}  // namespace tpmkit::report
