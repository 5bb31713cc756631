#include "tpmkit/model/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generate.h"

namespace tpmkit::model {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

Program Minimal() {
  Program p;
  p.id = "demo";
  p.name = "Demo";
  p.start = Date::FromYmd(2026, 1, 5);
  Project pr{"core", "Core", "", {}};
  for (const char* id : {"a", "b", "c"}) {
    Task t;
    t.id = id;
    t.name = id;
    t.duration = 5;
    pr.tasks.push_back(t);
  }
  p.projects.push_back(pr);
  return p;
}

Task& T(Program& p, size_t i) { return p.projects[0].tasks[i]; }

TEST(ValidateTest, MinimalAndGeneratedProgramsAreValid) {
  EXPECT_THAT(Validate(Minimal()), IsEmpty());
  for (uint64_t seed = 1; seed <= 20; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 300;
    EXPECT_THAT(Validate(testing::GenerateProgram(o)), IsEmpty()) << seed;
  }
}

TEST(ValidateTest, CycleNamesItsTasksAtTheClosingLink) {
  Program p = Minimal();
  T(p, 0).depends = {{"c"}};
  T(p, 1).depends = {{"a"}};
  T(p, 2).depends = {{"b"}};
  EXPECT_THAT(Validate(p), ElementsAre(ValidationIssue{"projects[0].tasks[1].depends[0].task",
                                                       "dependency cycle: a -> c -> b -> a"}));
}

TEST(ValidateTest, SelfDependencyIsNotAlsoACycle) {
  Program p = Minimal();
  T(p, 1).depends = {{"a"}, {"core.b"}};
  EXPECT_THAT(Validate(p), ElementsAre(ValidationIssue{"projects[0].tasks[1].depends[1].task",
                                                       "task 'b' depends on itself"}));
}

TEST(ValidateTest, LongChainsAndLongCyclesNeedNoRecursion) {
  Program p;
  p.id = "big";
  p.name = "Big";
  Project pr{"p", "P", "", {}};
  constexpr int kTasks = 100000;
  pr.tasks.resize(kTasks);
  for (int i = 0; i < kTasks; ++i) {
    pr.tasks[i].id = "t" + std::to_string(i);
    pr.tasks[i].name = "T";
    if (i > 0) pr.tasks[i].depends = {{"t" + std::to_string(i - 1)}};
  }
  p.projects.push_back(pr);
  EXPECT_THAT(Validate(p), IsEmpty());
  // Close the chain into one cycle of 100k tasks: one issue, shortened in the middle.
  p.projects[0].tasks[0].depends = {{"t" + std::to_string(kTasks - 1)}};
  auto issues = Validate(p);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "projects[0].tasks[1].depends[0].task");
  EXPECT_THAT(issues[0].message, ::testing::StartsWith("dependency cycle: t0 -> t99999 -> "));
  EXPECT_THAT(issues[0].message, ::testing::HasSubstr("... (99960 more) -> "));
  EXPECT_THAT(issues[0].message, ::testing::EndsWith("t2 -> t1 -> t0"));
}

TEST(ValidateTest, IssuesComeInFileOrder) {
  Program p = Minimal();
  p.currency = "usd";
  T(p, 2).depends = {{"zz"}};
  T(p, 0).percent_complete = 50;
  Risk r;
  r.id = "R1";
  r.title = "T";
  r.severity = 9;
  r.category = "weather";
  p.risks.push_back(r);
  EXPECT_THAT(
      Validate(p),
      ElementsAre(
          ValidationIssue{"program.currency",
                          "currency must be 3 upper-case letters (ISO 4217), got 'usd'"},
          ValidationIssue{"projects[0].tasks[0].percent_complete",
                          "percent_complete 50 needs an actual_start"},
          ValidationIssue{"projects[0].tasks[2].depends[0].task", "unknown task 'zz' in depends"},
          ValidationIssue{"risks[0].category",
                          "unknown category 'weather'; expected a scorecard criterion: "
                          "stakeholder_alignment, technical_feasibility, budget, schedule, "
                          "regulatory, vendor"},
          ValidationIssue{"risks[0].severity", "severity must be an integer from 1 to 5, got 9"}));
}

TEST(ValidateTest, TaskIdsAreUniqueAcrossProjectsAndAddedTasks) {
  Program p = Minimal();
  p.projects.push_back({"data", "Data", "", {T(p, 0)}});
  Change c;
  c.id = "CR-1";
  c.title = "More";
  Task sso;
  sso.id = "b";
  sso.name = "SSO";
  Task sso2;
  sso2.id = "sso";
  sso2.name = "SSO 2";
  sso2.depends = {{"a"}, {"sso"}, {"b"}};
  c.adds_tasks = {sso, sso2};
  p.changes.push_back(c);
  EXPECT_THAT(Validate(p),
              ElementsAre(ValidationIssue{"projects[1].tasks[0].id", "duplicate task id 'a'"},
                          ValidationIssue{"changes[0].adds_tasks[0].id", "duplicate task id 'b'"},
                          ValidationIssue{"changes[0].adds_tasks[1].depends[1].task",
                                          "task 'sso' depends on itself"}));
}

TEST(ValidateTest, AddedTasksMayDependOnEachOtherButNotInACycle) {
  Program p = Minimal();
  Change c;
  c.id = "CR-1";
  c.title = "More";
  Task x;
  x.id = "x";
  x.name = "X";
  x.depends = {{"y"}, {"a"}};
  Task y;
  y.id = "y";
  y.name = "Y";
  y.depends = {{"x"}};
  c.adds_tasks = {x, y};
  p.changes.push_back(c);
  EXPECT_THAT(Validate(p), ElementsAre(ValidationIssue{"changes[0].adds_tasks[1].depends[0].task",
                                                       "dependency cycle: x -> y -> x"}));
  p.changes[0].adds_tasks[1].depends.clear();
  EXPECT_THAT(Validate(p), IsEmpty());
}

TEST(ValidateTest, DecisionReferences) {
  Program p = Minimal();
  Stakeholder cfo;
  cfo.id = "cfo";
  cfo.name = "CFO";
  p.stakeholders.push_back(cfo);
  Decision d;
  d.id = "D1";
  d.question = "Q";
  d.criteria = {{"cost", "Cost", 30, Measure::kCost}, {"risk", "Risk", 70, std::nullopt}};
  d.options = {{"add", "Add", {{"cost", 3}, {"risk", 6}, {"fun", 2}}, std::nullopt}};
  d.stakeholder_weights = {{"cfo", {{"cost", -1}, {"speed", 5}}}, {"cto", {}}};
  d.chosen = "wait";
  p.decisions.push_back(d);
  EXPECT_THAT(
      Validate(p),
      ElementsAre(ValidationIssue{"decisions[0].options[0].scores.cost",
                                  "criterion 'cost' is measured (cost) and takes no score"},
                  ValidationIssue{"decisions[0].options[0].scores.fun",
                                  "unknown criterion 'fun' in scores"},
                  ValidationIssue{"decisions[0].options[0].scores.risk",
                                  "score 'risk' must be an integer from 1 to 5, got 6"},
                  ValidationIssue{"decisions[0].stakeholder_weights.cfo.cost",
                                  "weight must not be negative, got -1"},
                  ValidationIssue{"decisions[0].stakeholder_weights.cfo.speed",
                                  "unknown criterion 'speed' in stakeholder_weights"},
                  ValidationIssue{"decisions[0].stakeholder_weights.cto",
                                  "unknown stakeholder 'cto' in stakeholder_weights"},
                  ValidationIssue{"decisions[0].chosen", "unknown option 'wait' in chosen"}));
}

TEST(ValidateTest, CustomCriteriaReplaceTheDefaultsForCategoriesAndRatings) {
  Program p = Minimal();
  Scorecard sc;
  sc.criteria = std::vector<Criterion>{{"people", "People", 50}};
  sc.assessments.push_back({p.start, "me", {{"people", 2}, {"budget", 3}}, ""});
  p.scorecard = sc;
  Risk r;
  r.id = "R1";
  r.title = "T";
  r.category = "people";
  p.risks.push_back(r);
  EXPECT_THAT(Validate(p),
              ElementsAre(ValidationIssue{"scorecard.assessments[0].ratings.budget",
                                          "unknown criterion 'budget' in ratings; expected one "
                                          "of: people"}));
}

TEST(ValidateTest, NumbersThatAreNotFiniteFail) {
  Program p = Minimal();
  T(p, 0).percent_complete = std::numeric_limits<double>::quiet_NaN();
  T(p, 0).actual_start = p.start;
  auto issues = Validate(p);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].path, "projects[0].tasks[0].percent_complete");
}

}  // namespace
}  // namespace tpmkit::model
