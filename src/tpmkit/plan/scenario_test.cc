#include "tpmkit/plan/scenario.h"

#include <gtest/gtest.h>

#include "tpmkit/plan/schedule.h"

namespace tpmkit::plan {
namespace {

using model::LinkType;

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

struct Builder {
  model::Program p;
  Builder() {
    p.id = "t";
    p.name = "T";
    p.start = D(2026, 1, 5);  // a Monday
    p.projects.push_back({"core", "Core", "", {}});
  }
  model::Task& Add(const std::string& id, double duration, int64_t cost_units = 0) {
    model::Task t;
    t.id = id;
    t.name = "Task " + id;
    t.duration = duration;
    if (cost_units) t.cost = Money::FromCents(cost_units * 100);
    p.projects[0].tasks.push_back(t);
    return p.projects[0].tasks.back();
  }
  void Link(const std::string& succ, const std::string& pred, LinkType type = LinkType::kFS,
            double lag = 0) {
    for (auto& t : p.projects[0].tasks) {
      if (t.id == succ) t.depends.push_back({pred, type, lag});
    }
  }
  const model::Task& Get(const model::Program& q, const std::string& id) {
    for (const auto& t : q.projects[0].tasks) {
      if (t.id == id) return t;
    }
    ADD_FAILURE() << "no task " << id;
    return q.projects[0].tasks.front();
  }
};

TEST(ComposeLinkType, TakesPredecessorEndFromFirstAndSuccessorEndFromSecond) {
  EXPECT_EQ(ComposeLinkType(LinkType::kFS, LinkType::kFS), LinkType::kFS);
  EXPECT_EQ(ComposeLinkType(LinkType::kFS, LinkType::kSF), LinkType::kFF);
  EXPECT_EQ(ComposeLinkType(LinkType::kSS, LinkType::kFF), LinkType::kSF);
  EXPECT_EQ(ComposeLinkType(LinkType::kFF, LinkType::kSS), LinkType::kFS);
  EXPECT_EQ(ComposeLinkType(LinkType::kSF, LinkType::kFS), LinkType::kSS);
  EXPECT_EQ(ComposeLinkType(LinkType::kSS, LinkType::kSS), LinkType::kSS);
}

TEST(ApplyScenario, EmptyScenarioChangesNothing) {
  Builder b;
  b.Add("a", 5, 100);
  auto r = ApplyScenario(b.p, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->program, b.p);
  EXPECT_EQ(r->extra_cost, Money{});
  EXPECT_EQ(ScenarioCost(*r), Money::FromCents(10000));
}

TEST(ApplyScenario, CostAddsToTaskCosts) {
  Builder b;
  b.Add("a", 5, 100);
  b.Add("b", 5, 250);
  model::Scenario s;
  s.cost = Money::FromCents(120000 * 100);
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(ScenarioCost(*r), Money::FromCents((120000 + 350) * 100));
}

TEST(ApplyScenario, DurationFactorScalesDurationAndEstimateOfListedTasksOnly) {
  Builder b;
  b.Add("a", 10);
  auto& e = b.Add("b", 0);
  e.duration.reset();
  e.estimate = model::Estimate{10, 20, 40, model::Distribution::kPert};
  b.Add("c", 10);
  model::Scenario s;
  s.duration_factor = model::DurationFactor{{"a", "core.b"}, 0.5};
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(*b.Get(r->program, "a").duration, 5);
  const auto& est = *b.Get(r->program, "b").estimate;
  EXPECT_DOUBLE_EQ(est.optimistic, 5);
  EXPECT_DOUBLE_EQ(est.likely, 10);
  EXPECT_DOUBLE_EQ(est.pessimistic, 20);
  EXPECT_DOUBLE_EQ(*b.Get(r->program, "c").duration, 10);
}

TEST(ApplyScenario, TargetReplacesTheProgramTarget) {
  Builder b;
  b.p.target = D(2026, 9, 30);
  model::Scenario s;
  s.target = D(2026, 10, 30);
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->program.target, D(2026, 10, 30));
}

TEST(ApplyScenario, RemovedTaskPredecessorsDriveItsSuccessors) {
  Builder b;
  b.Add("a", 5);
  b.Add("x", 10);
  b.Add("s", 3);
  b.Link("x", "a", LinkType::kFS, 2);
  b.Link("s", "x", LinkType::kFS, 1);
  model::Scenario s;
  s.remove_tasks = {"x"};
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->program.projects[0].tasks.size(), 2u);
  const auto& succ = b.Get(r->program, "s");
  ASSERT_EQ(succ.depends.size(), 1u);
  EXPECT_EQ(succ.depends[0].task, "a");
  EXPECT_EQ(succ.depends[0].type, LinkType::kFS);
  EXPECT_DOUBLE_EQ(succ.depends[0].lag, 3);
  // a occupies [0,5); s starts at 5 + 3 = 8 and finishes at 11.
  auto sched = ComputeSchedule(r->program);
  ASSERT_TRUE(sched.ok());
  EXPECT_EQ(sched->finish_position, 11);
}

TEST(ApplyScenario, ChainOfRemovedTasksComposesAndKeepsTheLargerLag) {
  Builder b;
  b.Add("a", 5);
  b.Add("x", 4);
  b.Add("y", 4);
  b.Add("s", 3);
  b.Link("x", "a", LinkType::kSS, 1);
  b.Link("y", "x", LinkType::kFF, 2);
  b.Link("s", "y", LinkType::kFS, 0);
  b.Link("s", "a", LinkType::kSS, 10);  // already there: the composed SS lag 3 is smaller
  model::Scenario s;
  s.remove_tasks = {"x", "y"};
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  const auto& succ = b.Get(r->program, "s");
  // SS(1) then FF(2) gives SF(3); SF(3) then FS(0) gives SS(3), merged into SS(10).
  ASSERT_EQ(succ.depends.size(), 1u);
  EXPECT_EQ(succ.depends[0].task, "a");
  EXPECT_EQ(succ.depends[0].type, LinkType::kSS);
  EXPECT_DOUBLE_EQ(succ.depends[0].lag, 10);
}

TEST(ApplyScenario, EachPredecessorLinksToEachSuccessor) {
  Builder b;
  b.Add("a", 5);
  b.Add("c", 7);
  b.Add("x", 4);
  b.Add("s", 3);
  b.Add("t", 3);
  b.Link("x", "a");
  b.Link("x", "c");
  b.Link("s", "x");
  b.Link("t", "x", LinkType::kFF, 1);
  model::Scenario s;
  s.remove_tasks = {"x"};
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(b.Get(r->program, "s").depends.size(), 2u);
  const auto& t = b.Get(r->program, "t");
  ASSERT_EQ(t.depends.size(), 2u);
  EXPECT_EQ(t.depends[0].type, LinkType::kFF);
  EXPECT_DOUBLE_EQ(t.depends[0].lag, 1);
  auto sched = ComputeSchedule(r->program);
  ASSERT_TRUE(sched.ok());
  // c finishes at 7; s: [7,10); t: EF >= 7 + 1 = 8.
  EXPECT_EQ(sched->finish_position, 10);
}

TEST(ApplyScenario, DropsReferencesToRemovedTasks) {
  Builder b;
  b.Add("a", 5);
  b.Add("x", 4);
  model::Dependency dep;
  dep.id = "d";
  dep.tasks = {"x", "a"};
  b.p.dependencies.push_back(dep);
  model::Risk risk;
  risk.id = "R1";
  risk.impact = model::RiskImpact{5.0, std::nullopt, {"core.x", "a"}};
  b.p.risks.push_back(risk);
  b.p.actuals.push_back({D(2026, 1, 9), Money::FromCents(500), "x", ""});
  model::Scenario s;
  s.remove_tasks = {"x"};
  auto r = ApplyScenario(b.p, s);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->program.dependencies[0].tasks, std::vector<std::string>{"a"});
  EXPECT_EQ(r->program.risks[0].impact->tasks, std::vector<std::string>{"a"});
  EXPECT_EQ(r->program.actuals[0].task, "");
  EXPECT_EQ(r->program.actuals[0].amount, Money::FromCents(500));
}

TEST(ApplyScenario, UnknownTaskOrBadFactorIsAnError) {
  Builder b;
  b.Add("a", 5);
  model::Scenario s;
  s.remove_tasks = {"nope"};
  auto r = ApplyScenario(b.p, s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  EXPECT_NE(r.error().message.find("'nope'"), std::string::npos);
  model::Scenario f;
  f.duration_factor = model::DurationFactor{{"a"}, 0};
  EXPECT_FALSE(ApplyScenario(b.p, f).ok());
  f.duration_factor = model::DurationFactor{{"zzz"}, 2};
  EXPECT_FALSE(ApplyScenario(b.p, f).ok());
}

TEST(WithRiskHappening, AddsItsDaysToEachTaskItNames) {
  Builder b;
  b.Add("design", 5);
  {
    model::Task& t = b.Add("build", 0);
    t.duration.reset();
    t.estimate = model::Estimate{15, 20, 30};
  }
  b.Add("launch", 0).milestone = true;
  b.Add("docs", 4);
  model::Risk r;
  r.id = "R-1";
  r.impact = model::RiskImpact{};
  r.impact->schedule = 3;
  r.impact->tasks = {"build", "core.launch", "docs", "nope"};  // bare, qualified, unknown ids
  const model::Program after = WithRiskHappening(b.p, r);
  // design is not named: unchanged.
  EXPECT_EQ(b.Get(after, "design"), b.Get(b.p, "design"));
  // build has an estimate: each of its three points moves by 3 days.
  const auto& build = b.Get(after, "build");
  ASSERT_TRUE(build.estimate.has_value());
  EXPECT_DOUBLE_EQ(build.estimate->optimistic, 18);
  EXPECT_DOUBLE_EQ(build.estimate->likely, 23);
  EXPECT_DOUBLE_EQ(build.estimate->pessimistic, 33);
  // The milestone becomes a 3-day task; a plain duration grows by 3 days.
  EXPECT_FALSE(b.Get(after, "launch").milestone);
  EXPECT_EQ(b.Get(after, "launch").duration, 3.0);
  EXPECT_EQ(b.Get(after, "docs").duration, 7.0);
  // A risk without schedule impact changes nothing.
  r.impact->schedule.reset();
  EXPECT_EQ(WithRiskHappening(b.p, r), b.p);
}

}  // namespace
}  // namespace tpmkit::plan
