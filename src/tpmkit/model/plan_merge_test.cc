#include "tpmkit/model/plan_merge.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tpmkit/model/validate.h"

namespace tpmkit::model {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Task MakeTask(std::string id, double duration) {
  Task t;
  t.id = std::move(id);
  t.name = "Task " + t.id;
  t.duration = duration;
  return t;
}

// A stored program: a plan of three tasks and registers that name two of them.
Program Stored() {
  Program p;
  p.id = "phoenix";
  p.name = "Project Phoenix";
  p.start = Date::FromYmd(2026, 1, 5);
  p.target = Date::FromYmd(2026, 9, 30);
  p.budget = Money::FromUnits(1000).value();
  p.calendar = Calendar{};
  p.calendar->holidays = {Date::FromYmd(2026, 1, 19)};
  p.projects = {Project{"core", "Core", "", {MakeTask("design", 5), MakeTask("build", 10)}},
                Project{"data", "Data", "", {MakeTask("migrate", 3)}}};
  p.resources = {Resource{"ana", "Ana", Money::FromUnits(500).value(), 1}};
  p.dependencies = {Dependency{"bank",
                               "Bank endpoint",
                               "Bank",
                               "",
                               std::nullopt,
                               DependencyStatus::kOnTrack,
                               {"migrate"},
                               std::nullopt}};
  p.actuals = {Actual{Date::FromYmd(2026, 2, 27), Money::FromUnits(200).value(), "build", "Feb"}};
  Risk r;
  r.id = "R-1";
  r.title = "Build slips";
  r.probability = 0.5;
  r.severity = 3;
  r.impact = RiskImpact{5.0, std::nullopt, {"build", "design"}};
  p.risks = {r};
  Option o;
  o.id = "cut";
  o.name = "Cut migration";
  o.scenario = Scenario{};
  o.scenario->remove_tasks = {"migrate"};
  Decision d;
  d.id = "D-1";
  d.question = "Cut?";
  d.options = {o};
  p.decisions = {d};
  Change c;
  c.id = "CR-1";
  c.title = "Add reports";
  Task added = MakeTask("reports", 4);
  added.depends = {Link{"build", LinkType::kFS, 0}};
  Task more = MakeTask("reports-2", 2);
  more.depends = {Link{"reports", LinkType::kFS, 0}};
  c.adds_tasks = {added, more};
  p.changes = {c};
  EXPECT_THAT(Validate(p), IsEmpty());
  return p;
}

// The plan as another tool wrote it: `build` is now `build-api`, `migrate` is kept.
Program Imported() {
  Program p;
  p.id = "phoenix";
  p.name = "phoenix.xml";
  p.start = Date::FromYmd(2026, 1, 12);
  p.target = Date::FromYmd(2026, 8, 1);
  p.status_date = Date::FromYmd(2026, 3, 2);
  p.projects = {Project{"core", "Core", "", {MakeTask("design", 6), MakeTask("build-api", 12)}},
                Project{"data", "Data", "", {MakeTask("migrate", 3)}}};
  p.resources = {Resource{"bo", "Bo", std::nullopt, 1}};
  return p;
}

TEST(PlanMerge, TheRegistersStayAndThePlanIsReplaced) {
  const Program stored = Stored();
  const Program merged = MergePlan(stored, Imported(), {});
  EXPECT_EQ(merged.projects, Imported().projects);
  EXPECT_EQ(merged.start, Date::FromYmd(2026, 1, 12));
  EXPECT_EQ(merged.status_date, Date::FromYmd(2026, 3, 2));
  EXPECT_FALSE(merged.calendar.has_value());  // MS Project's default calendar
  // The target, the money and the name are the program's, not the tool's.
  EXPECT_EQ(merged.name, "Project Phoenix");
  EXPECT_EQ(merged.target, stored.target);
  EXPECT_EQ(merged.budget, stored.budget);
  EXPECT_EQ(merged.risks, stored.risks);
  EXPECT_EQ(merged.decisions, stored.decisions);
  EXPECT_EQ(merged.changes, stored.changes);
  EXPECT_EQ(merged.actuals, stored.actuals);
  EXPECT_EQ(merged.dependencies, stored.dependencies);
  // The plan's resources first, then the program's others (their rates are kept).
  ASSERT_EQ(merged.resources.size(), 2u);
  EXPECT_EQ(merged.resources[0].id, "bo");
  EXPECT_EQ(merged.resources[1].id, "ana");
}

TEST(PlanMerge, WithoutScheduleSettingsTheProgramKeepsItsCalendarAndStart) {
  const Program stored = Stored();
  const Program merged = MergePlan(stored, Imported(), {.schedule_settings = false});
  EXPECT_EQ(merged.projects, Imported().projects);
  EXPECT_EQ(merged.start, stored.start);
  EXPECT_EQ(merged.status_date, stored.status_date);
  EXPECT_EQ(merged.calendar, stored.calendar);
  EXPECT_EQ(merged.resources, stored.resources);
}

TEST(PlanMerge, ReferencesToTasksThePlanLostAreFoundInFileOrder) {
  const Program merged = MergePlan(Stored(), Imported(), {});
  EXPECT_THAT(DanglingTaskReferences(merged),
              ElementsAre(TaskReference{"actuals[0].task", "actual of 2026-02-27", "build"},
                          TaskReference{"risks[0].impact.tasks[0]", "risk R-1", "build"},
                          TaskReference{"changes[0].adds_tasks[0].depends[0].task",
                                        "change CR-1 task reports", "build"}));
  // Nothing dangles before the plan changes.
  EXPECT_THAT(DanglingTaskReferences(Stored()), IsEmpty());
}

TEST(PlanMerge, PruneDropsTheReferencesAndKeepsTheMoney) {
  Program merged = MergePlan(Stored(), Imported(), {});
  auto dropped = PruneTaskReferences(merged);
  EXPECT_EQ(dropped.size(), 3u);
  EXPECT_THAT(DanglingTaskReferences(merged), IsEmpty());
  EXPECT_THAT(Validate(merged), IsEmpty());
  ASSERT_EQ(merged.actuals.size(), 1u);
  EXPECT_EQ(merged.actuals[0].task, "");
  EXPECT_EQ(merged.actuals[0].amount, Money::FromUnits(200).value());
  EXPECT_THAT(merged.risks[0].impact->tasks, ElementsAre("design"));
  EXPECT_THAT(merged.changes[0].adds_tasks[0].depends, IsEmpty());
  // A link between the change's own tasks is the change's: kept.
  ASSERT_EQ(merged.changes[0].adds_tasks[1].depends.size(), 1u);
  EXPECT_EQ(merged.changes[0].adds_tasks[1].depends[0].task, "reports");
  EXPECT_THAT(merged.decisions[0].options[0].scenario->remove_tasks, ElementsAre("migrate"));
}

TEST(PlanMerge, QualifiedReferencesResolveInTheNewPlan) {
  Program stored = Stored();
  stored.risks[0].impact->tasks = {"data.migrate", "core.migrate"};
  const Program merged = MergePlan(stored, Imported(), {});
  EXPECT_THAT(
      DanglingTaskReferences(merged),
      ::testing::Contains(TaskReference{"risks[0].impact.tasks[1]", "risk R-1", "core.migrate"}));
}

}  // namespace
}  // namespace tpmkit::model
