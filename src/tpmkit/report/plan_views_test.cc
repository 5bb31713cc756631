#include "tpmkit/report/plan_views.h"

#include <gtest/gtest.h>

namespace tpmkit::report {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

// design -> build -> launch (a milestone with a baseline and a deadline it misses), and
// docs in parallel with float; design is finished.
model::Program Sample() {
  model::Program p;
  p.id = "demo";
  p.name = "Demo";
  p.start = D(2026, 1, 5);
  p.status_date = D(2026, 1, 12);
  p.target = D(2026, 2, 27);
  model::Task design, build, docs, launch;
  design.id = "design";
  design.name = "Design";
  design.duration = 5;
  design.actual_start = D(2026, 1, 5);
  design.actual_finish = D(2026, 1, 9);
  build.id = "build";
  build.name = "Build";
  build.estimate = model::Estimate{10, 15, 30, model::Distribution::kPert};
  build.depends = {{"design"}};
  build.baseline = model::Baseline{D(2026, 1, 12), D(2026, 1, 23)};
  docs.id = "docs";
  docs.duration = 3;
  docs.depends = {{"design"}};
  launch.id = "launch";
  launch.name = "Launch";
  launch.milestone = true;
  launch.depends = {{"build"}, {"docs"}};
  launch.baseline = model::Baseline{std::nullopt, D(2026, 1, 23)};
  launch.deadline = D(2026, 1, 26);
  p.projects.push_back({"core", "", "", {design, build}});
  p.projects.push_back({"ship", "Shipping", "", {docs, launch}});
  return p;
}

TEST(PlanViews, TaskRowsSayWhatTheScheduleSays) {
  const model::Program p = Sample();
  const plan::Schedule s = plan::ComputeSchedule(p).value();
  const auto rows = PlanTasksOf(p, s);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].project, "core");  // an unnamed project goes by its id
  EXPECT_EQ(rows[0].total_float, "done");
  EXPECT_EQ(rows[1].name, "Build");
  EXPECT_TRUE(rows[1].critical);
  EXPECT_EQ(rows[1].total_float, "0 d");
  EXPECT_EQ(rows[2].project, "Shipping");
  EXPECT_EQ(rows[2].name, "docs");  // an unnamed task goes by its id
  EXPECT_FALSE(rows[2].critical);
  EXPECT_EQ(rows[2].total_float, "12 d");
  EXPECT_TRUE(rows[3].milestone);
  EXPECT_EQ(rows[3].deadline, "2026-01-26 (missed)");
  EXPECT_EQ(rows[3].start, s.tasks[3].start.ToString());
}

TEST(PlanViews, ChartsCarryTheCriticalPathBaselinesAndTarget) {
  const model::Program p = Sample();
  const plan::Schedule s = plan::ComputeSchedule(p).value();
  const std::string gantt = GanttSvg(p, s);
  EXPECT_NE(gantt.find("id=\"gantt-chart\""), std::string::npos);
  EXPECT_NE(gantt.find("Critical path (2 tasks): Build, Launch."), std::string::npos) << gantt;
  EXPECT_NE(gantt.find(">Shipping<"), std::string::npos);
  EXPECT_NE(gantt.find(">12 d<"), std::string::npos);
  EXPECT_NE(gantt.find(">Target 2026-02-27<"), std::string::npos);
  // The milestone's baseline finish is the roadmap's planned date, its schedule the forecast.
  const std::string roadmap = PlanRoadmapSvg(p, s);
  EXPECT_NE(roadmap.find("Launch: planned 2026-01-23, forecast " + s.tasks[3].finish.ToString() +
                         ", deadline missed."),
            std::string::npos)
      << roadmap;
}

TEST(PlanViews, ForecastWordsAndCharts) {
  const model::Program p = Sample();
  plan::ForecastOptions o;
  o.iterations = 2000;
  const plan::Forecast f = plan::RunForecast(p, o).value();
  const ForecastWords w = ForecastWordsOf(p, f, 2);
  EXPECT_EQ(w.iterations, "2,000");
  EXPECT_EQ(w.seed, "1");
  EXPECT_EQ(w.p80, f.p80.date.ToString());
  EXPECT_EQ(w.target, "2026-02-27");
  EXPECT_FALSE(w.chance.empty());
  ASSERT_EQ(w.critical.size(), 2u);      // capped at `top`
  EXPECT_EQ(w.critical[0].id, "build");  // always critical, first in file order
  EXPECT_EQ(w.critical[0].criticality, "100%");
  EXPECT_EQ(w.critical[0].sensitivity.substr(0, 1), "+");

  EXPECT_NE(FinishHistogramSvg(p, f).find("id=\"finish-histogram\""), std::string::npos);
  EXPECT_NE(FinishCurveSvg(p, f, p.status_date).find(">Status 2026-01-12<"), std::string::npos);
  const std::string tornado = SensitivityTornadoSvg(p, f);
  EXPECT_NE(tornado.find(">Build<"), std::string::npos);
  EXPECT_EQ(tornado.find(">docs<"), std::string::npos);  // a fixed duration moves nothing

  model::Program untargeted = p;
  untargeted.target.reset();
  const plan::Forecast g = plan::RunForecast(untargeted, o).value();
  const ForecastWords none = ForecastWordsOf(untargeted, g);
  EXPECT_EQ(none.target, "no target");
  EXPECT_EQ(none.chance, "");
}

}  // namespace
}  // namespace tpmkit::report
