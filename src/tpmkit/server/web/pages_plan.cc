// The Plan and Forecast pages: the schedule of `tpmkit schedule` (a Gantt chart, the task
// table and the milestone roadmap) and the forecast of `tpmkit forecast` (P50/P80/P90
// against the target, the histogram and S-curve of the finish, the most critical tasks and
// the tornado of sensitivity). They call the same use cases as the API's schedule and
// forecast routes, with the API's query parameters and defaults (?as_of, ?iterations
// 10,000, ?seed 1), so the page, the CLI and the API show the same numbers.
#include <fmt/format.h>

#include "tpmkit/app/plan_cases.h"
#include "tpmkit/report/plan_views.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace {

Error BusyError() {
  return Error{ErrorCode::kBusy,
               "The server is running as many simulations as it may; try again in a few "
               "seconds.",
               {}};
}

}  // namespace

HttpResponse Plan(Call& call) {
  auto as_of = call.AsOf();
  if (!as_of.ok()) return ErrorPage(call, as_of.error());
  auto r = app::ScheduleProgram(call.env, {{std::nullopt, call.Program()}, *as_of});
  if (!r.ok()) return ErrorPage(call, r.error());
  // The header's forecast takes a simulation slot of its own; none is held here.
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  const model::Program& p = r->loaded.program;
  const plan::Schedule& s = r->schedule;

  auto tasks = nlohmann::json::array();
  for (const auto& t : report::PlanTasksOf(p, s)) {
    tasks.push_back({{"project", t.project},
                     {"id", t.id},
                     {"name", t.name},
                     {"start", t.start},
                     {"finish", t.finish},
                     {"float", t.total_float},
                     {"critical", t.critical},
                     {"milestone", t.milestone},
                     {"deadline", t.deadline.empty() ? "-" : t.deadline}});
  }
  const nlohmann::json view = {{"program_id", p.id},
                               {"start", s.start.ToString()},
                               {"finish", s.finish.ToString()},
                               {"target", s.target ? s.target->ToString() : ""},
                               {"task_count", std::to_string(s.tasks.size())},
                               {"critical_count", std::to_string(s.critical_path.size())},
                               {"gantt_html", report::GanttSvg(p, s)},
                               {"roadmap_html", report::PlanRoadmapSvg(p, s)},
                               {"tasks", tasks},
                               {"has_tasks", !tasks.empty()}};
  return Page(call,
              {.title = "Plan",
               .section = "plan",
               .program = std::move(*header),
               .as_of = s.status_date ? s.status_date->ToString() : ""},
              "plan", view);
}

HttpResponse ForecastPage(Call& call) {
  auto q = call.SimulationQuery();
  if (!q.ok()) return ErrorPage(call, q.error());
  auto header = ProgramHeader(call);
  if (!header.ok()) return ErrorPage(call, header.error());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) return ErrorPage(call, BusyError());
  app::ForecastFinishRequest request;
  request.source = {std::nullopt, call.Program()};
  request.as_of = q->as_of;
  request.iterations = q->iterations;
  request.seed = q->seed;
  request.threads = call.options.forecast_threads;
  auto r = app::ForecastFinish(call.env, request);
  if (!r.ok()) return ErrorPage(call, r.error());
  const model::Program& p = r->loaded.program;
  const plan::Forecast& f = r->forecast;
  const std::optional<Date> as_of = q->as_of ? q->as_of : p.status_date;

  const report::ForecastWords w = report::ForecastWordsOf(p, f);
  auto critical = nlohmann::json::array();
  for (const auto& t : w.critical) {
    critical.push_back({{"id", t.id},
                        {"name", t.name},
                        {"criticality", t.criticality},
                        {"sensitivity", t.sensitivity}});
  }
  const nlohmann::json view = {{"program_id", p.id},
                               {"iterations", w.iterations},
                               {"seed", w.seed},
                               {"p50", w.p50},
                               {"p80", w.p80},
                               {"p90", w.p90},
                               {"mean", w.mean},
                               {"target", w.target},
                               {"chance", w.chance},
                               {"histogram_html", report::FinishHistogramSvg(p, f)},
                               {"curve_html", report::FinishCurveSvg(p, f, as_of)},
                               {"tornado_html", report::SensitivityTornadoSvg(p, f)},
                               {"critical", critical},
                               {"has_critical", !critical.empty()}};
  return Page(call,
              {.title = "Forecast",
               .section = "forecast",
               .program = std::move(*header),
               .as_of = as_of ? as_of->ToString() : ""},
              "forecast", view);
}

}  // namespace tpmkit::server::web::pages
