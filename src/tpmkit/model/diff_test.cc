#include "tpmkit/model/diff.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>

#include "generate.h"

namespace tpmkit::model {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Program Small() {
  Program p;
  p.id = "phoenix";
  p.name = "Project Phoenix";
  p.start = Date::FromYmd(2026, 1, 5);
  Project core{"core", "Core", "Ana", {}};
  Task design;
  design.id = "design";
  design.name = "Design";
  design.duration = 10;
  Task build;
  build.id = "build";
  build.name = "Build";
  build.estimate = Estimate{15, 20, 35, Distribution::kPert};
  build.depends = {{"design", LinkType::kFS, 0}};
  core.tasks = {design, build};
  Project data{"data", "Data", "", {}};
  Task migrate;
  migrate.id = "migrate";
  migrate.name = "Migrate";
  migrate.duration = 5;
  migrate.depends = {{"build", LinkType::kSS, 5}, {"design", LinkType::kFS, -2}};
  data.tasks = {migrate};
  p.projects = {core, data};
  p.actuals = {{Date::FromYmd(2026, 1, 31), Money::FromCents(4800000), "design", "January"}};
  p.scorecard =
      Scorecard{std::nullopt, {{Date::FromYmd(2026, 6, 1), "Priya", {{"budget", 2}}, ""}}};
  return p;
}

const EntityChange* Find(const std::vector<EntityChange>& v, std::string_view entity,
                         std::string_view id) {
  for (const auto& c : v) {
    if (c.entity == entity && c.entity_id == id) return &c;
  }
  return nullptr;
}

TEST(DiffTest, EqualProgramsGiveNothing) {
  Program p = Small();
  EXPECT_THAT(DiffPrograms(&p, p), IsEmpty());
  for (uint64_t seed = 1; seed <= 5; ++seed) {
    Program g = testing::GenerateProgram({.tasks = 300, .seed = seed});
    Program copy = g;
    EXPECT_THAT(DiffPrograms(&g, copy), IsEmpty());
  }
}

TEST(DiffTest, CreateListsEverySetField) {
  Program p = Small();
  auto d = DiffPrograms(nullptr, p);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].entity, "program");
  EXPECT_EQ(d[0].action, ChangeAction::kCreate);
  EXPECT_THAT(d[0].changes, ElementsAre(FieldChange{"name", std::nullopt, "Project Phoenix"},
                                        FieldChange{"currency", std::nullopt, "USD"},
                                        FieldChange{"start", std::nullopt, "2026-01-05"}));
  const auto* build = Find(d, "task", "build");
  ASSERT_NE(build, nullptr);
  EXPECT_EQ(build->action, ChangeAction::kCreate);
  EXPECT_THAT(build->changes,
              ElementsAre(FieldChange{"project", std::nullopt, "core"},
                          FieldChange{"name", std::nullopt, "Build"},
                          FieldChange{"estimate.optimistic", std::nullopt, "15d"},
                          FieldChange{"estimate.likely", std::nullopt, "20d"},
                          FieldChange{"estimate.pessimistic", std::nullopt, "35d"},
                          FieldChange{"estimate.distribution", std::nullopt, "pert"},
                          FieldChange{"depends", std::nullopt, "[design]"}));
  const auto* migrate = Find(d, "task", "migrate");
  ASSERT_NE(migrate, nullptr);
  EXPECT_EQ(
      migrate->changes.back(),
      (FieldChange{"depends", std::nullopt,
                   "[{task: build, type: SS, lag: 5d}, {task: design, type: FS, lag: -2d}]"}));
  // File order: program, projects each followed by their tasks, then the registers.
  std::vector<std::string> order;
  for (const auto& c : d) order.push_back(c.entity + ":" + c.entity_id);
  EXPECT_THAT(order, ElementsAre("program:phoenix", "project:core", "task:design", "task:build",
                                 "project:data", "task:migrate", "actual:2026-01-31/design/48000",
                                 "scorecard:phoenix", "assessment:2026-06-01/Priya"));
}

TEST(DiffTest, FieldUpdatesUseCanonicalText) {
  Program before = Small();
  Program after = before;
  Task& build = after.projects[0].tasks[1];
  build.estimate->likely = 22.5;
  build.cost = Money::FromCents(12345);
  build.milestone = true;
  after.budget = Money::FromCents(240000000);
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(
      d[0],
      (EntityChange{
          "program", "phoenix", ChangeAction::kUpdate, {{"budget", std::nullopt, "2400000"}}}));
  EXPECT_EQ(d[1], (EntityChange{"task",
                                "build",
                                ChangeAction::kUpdate,
                                {{"estimate.likely", "20d", "22.5d"},
                                 {"milestone", std::nullopt, "true"},
                                 {"cost", std::nullopt, "123.45"}}}));
}

TEST(DiffTest, TaskMovingBetweenProjectsIsAnUpdateOfProject) {
  Program before = Small();
  Program after = before;
  Task t = after.projects[0].tasks[0];
  after.projects[0].tasks.erase(after.projects[0].tasks.begin());
  after.projects[1].tasks.push_back(t);
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0],
            (EntityChange{"task", "design", ChangeAction::kUpdate, {{"project", "core", "data"}}}));
}

TEST(DiffTest, DeletionsComeAfterCreationsAndCarryOldValues) {
  Program before = Small();
  Program after = before;
  after.projects[1].tasks.clear();
  Task qa;
  qa.id = "qa";
  qa.name = "QA";
  after.projects[1].tasks.push_back(qa);
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].entity_id, "qa");
  EXPECT_EQ(d[0].action, ChangeAction::kCreate);
  EXPECT_EQ(d[1].entity_id, "migrate");
  EXPECT_EQ(d[1].action, ChangeAction::kDelete);
  EXPECT_EQ(d[1].changes.front(), (FieldChange{"project", "data", std::nullopt}));
}

TEST(DiffTest, ActualsAndAssessmentsUseNaturalKeys) {
  Program before = Small();
  Program after = before;
  after.actuals[0].note = "January invoices";
  after.actuals.push_back(after.actuals[0]);  // an identical second actual: key #2
  after.scorecard->assessments[0].ratings["vendor"] = 4;
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0], (EntityChange{"actual",
                                "2026-01-31/design/48000",
                                ChangeAction::kUpdate,
                                {{"note", "January", "January invoices"}}}));
  EXPECT_EQ(d[1].entity_id, "2026-01-31/design/48000#2");
  EXPECT_EQ(d[1].action, ChangeAction::kCreate);
  EXPECT_EQ(d[2], (EntityChange{"assessment",
                                "2026-06-01/Priya",
                                ChangeAction::kUpdate,
                                {{"ratings.vendor", std::nullopt, "4"}}}));
}

TEST(DiffTest, ReorderingShowsAsAnOrderField) {
  Program before = Small();
  Program after = before;
  std::swap(after.projects[0].tasks[0], after.projects[0].tasks[1]);
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], (EntityChange{"project",
                                "core",
                                ChangeAction::kUpdate,
                                {{"tasks.order", "[design, build]", "[build, design]"}}}));
  after = before;
  std::swap(after.projects[0], after.projects[1]);
  d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].changes,
            (std::vector<FieldChange>{{"projects.order", "[core, data]", "[data, core]"}}));
}

TEST(DiffTest, OptionalPresenceIsAChange) {
  Program before = Small();
  Program after = before;
  after.calendar = Calendar{};
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], (EntityChange{"calendar",
                                "phoenix",
                                ChangeAction::kCreate,
                                {{"workweek", std::nullopt, "[mon, tue, wed, thu, fri]"}}}));
  after = before;
  after.projects[0].tasks[0].baseline = Baseline{};
  d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].changes, (std::vector<FieldChange>{{"baseline", std::nullopt, "{}"}}));
  after = before;
  after.targets = Targets{};
  d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], (EntityChange{"targets", "phoenix", ChangeAction::kCreate, {}}));
  after = before;
  after.scorecard->criteria = std::vector<Criterion>{};
  d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].changes, (std::vector<FieldChange>{{"criteria", std::nullopt, "[]"}}));
}

TEST(DiffTest, QuotesListItemsThatNeedIt) {
  Program before = Small();
  Program after = before;
  after.assumptions = {"Vendor sandbox: ready by March", "plain"};
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0], (EntityChange{
                      "assumptions",
                      "phoenix",
                      ChangeAction::kCreate,
                      {{"items", std::nullopt, "[\"Vendor sandbox: ready by March\", plain]"}}}));
}

TEST(DiffTest, DecisionSubListsAreFlattenedById) {
  Program before = testing::GenerateProgram({.tasks = 20, .seed = 3});
  Program after = before;
  after.decisions[0].options[0].scores["risk"] = 5;
  after.decisions[0].options[1].scenario->target.reset();
  after.decisions[0].stakeholder_weights["cfo"] = {{"cost", 60}};
  auto d = DiffPrograms(&before, after);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].entity, "decision");
  EXPECT_THAT(d[0].changes,
              ElementsAre(FieldChange{"options.add.scores.risk", "3", "5"},
                          FieldChange{"options.move.scenario.target",
                                      (*before.target + 20).ToString(), std::nullopt},
                          FieldChange{"options.move.scenario", std::nullopt, "{}"},
                          FieldChange{"stakeholder_weights.cfo.cost", std::nullopt, "60"}));
}

TEST(DiffTest, DeletionOfAProgramDeletesEverything) {
  Program p = Small();
  auto d = DiffDeletion(p);
  ASSERT_FALSE(d.empty());
  EXPECT_EQ(d[0].entity, "program");
  size_t tasks = 0;
  for (const auto& c : d) {
    EXPECT_EQ(c.action, ChangeAction::kDelete) << c.entity << " " << c.entity_id;
    for (const auto& f : c.changes) {
      EXPECT_TRUE(f.old_value.has_value());
      EXPECT_FALSE(f.new_value.has_value());
    }
    tasks += c.entity == "task";
  }
  EXPECT_EQ(tasks, 3u);
  // Creating then deleting: the same entities.
  auto created = DiffPrograms(nullptr, p);
  EXPECT_EQ(created.size(), d.size());
}

// Every single mutation of a program gives a non-empty diff, and undoing it an empty one.
TEST(DiffTest, AnyChangeIsSeen) {
  std::vector<std::function<void(Program&)>> mutations = {
      [](Program& p) { p.name += "!"; },
      [](Program& p) { p.status_date.reset(); },
      [](Program& p) { p.calendar = p.calendar ? std::nullopt : std::optional(Calendar{}); },
      [](Program& p) { p.assumptions.push_back("More"); },
      [](Program& p) { p.projects[0].owner = "New owner"; },
      [](Program& p) {
        p.projects[0].tasks[0].depends.push_back({"t1", LinkType::kFF, 1});
      },
      [](Program& p) { p.projects[1].tasks[0].resources.push_back("eng"); },
      [](Program& p) { p.projects[1].tasks[1].percent_complete = 33.3; },
      [](Program& p) { p.projects[2].tasks.pop_back(); },
      [](Program& p) { std::swap(p.projects[0].tasks[0], p.projects[0].tasks[2]); },
      [](Program& p) { p.dependencies[0].status = DependencyStatus::kLate; },
      [](Program& p) { p.resources[0].capacity.reset(); },
      [](Program& p) { p.actuals[0].amount = Money::FromCents(1); },
      [](Program& p) { p.scorecard->assessments[0].notes = "x"; },
      [](Program& p) { p.scorecard->criteria = DefaultCriteria(); },
      [](Program& p) {
        p.risks[1].residual = Residual{0.3, 3};
      },
      [](Program& p) { std::swap(p.risks[0], p.risks[1]); },
      [](Program& p) {
        p.stakeholders[0].contacts.push_back({p.start, "Kickoff"});
      },
      [](Program& p) { p.decisions[0].criteria[0].measure.reset(); },
      [](Program& p) { p.decisions[0].chosen = "add"; },
      [](Program& p) { p.changes[0].adds_tasks.push_back(p.projects[0].tasks[0]); },
      [](Program& p) {
        p.changes[0].approvals.push_back({"Dana", p.start, ApprovalDecision::kRejected, ""});
      },
      [](Program& p) {
        p.audit->items[0].evidence.push_back({"a.pdf", "ab", ""});
      },
      [](Program& p) { p.audit->retention_years.reset(); },
      [](Program& p) { p.targets->risk_score = 41; },
      [](Program& p) { p.targets.reset(); },
  };
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    Program base = testing::GenerateProgram({.tasks = 60, .seed = seed});
    for (size_t i = 0; i < mutations.size(); ++i) {
      Program changed = base;
      mutations[i](changed);
      ASSERT_NE(changed, base) << "mutation " << i;
      EXPECT_FALSE(DiffPrograms(&base, changed).empty()) << "seed " << seed << " mutation " << i;
      EXPECT_FALSE(DiffPrograms(&changed, base).empty()) << "seed " << seed << " mutation " << i;
      Program same = changed;
      EXPECT_TRUE(DiffPrograms(&changed, same).empty());
    }
  }
}

TEST(DiffTest, ActionNames) {
  EXPECT_EQ(Name(ChangeAction::kCreate), "create");
  EXPECT_EQ(Name(ChangeAction::kUpdate), "update");
  EXPECT_EQ(Name(ChangeAction::kDelete), "delete");
}

}  // namespace
}  // namespace tpmkit::model
