#include "tpmkit/model/validate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "generate.h"
#include "tpmkit/base/limits.h"

namespace tpmkit::model {

// Readable failures: the path and the message, not 64 bytes.
void PrintTo(const ValidationIssue& issue, std::ostream* os) {
  *os << issue.path << ": " << issue.message;
}

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

// The bounds of base/limits.h, as an edit or an import would set them (no reader in front).
TEST(ValidateTest, DatesOutsideTheLimitsFail) {
  Program p = Minimal();
  p.start = Date::FromYmd(1800, 1, 6);
  p.target = Date::FromYmd(2300, 9, 30);
  T(p, 0).deadline = Date::FromYmd(0, 1, 1);
  T(p, 1).baseline = Baseline{Date::FromYmd(2026, 1, 5), Date::FromDays(-7'219'000)};
  p.calendar = Calendar{};
  p.calendar->holidays = {Date::FromYmd(1899, 12, 31), Date::FromYmd(1900, 1, 1),
                          Date::FromYmd(2200, 12, 31), Date::FromYmd(2201, 1, 1)};
  EXPECT_THAT(
      Validate(p),
      ElementsAre(
          ValidationIssue{"program.start",
                          "start must be a date from 1900-01-01 to 2200-12-31, "
                          "got 1800-01-06"},
          ValidationIssue{"program.target",
                          "target must be a date from 1900-01-01 to 2200-12-31, got 2300-09-30"},
          ValidationIssue{"calendar.holidays[0]",
                          "holiday must be a date from 1900-01-01 to 2200-12-31, got 1899-12-31"},
          ValidationIssue{"calendar.holidays[3]",
                          "holiday must be a date from 1900-01-01 to 2200-12-31, got 2201-01-01"},
          ValidationIssue{"projects[0].tasks[0].deadline",
                          "deadline must be a date from 1900-01-01 to 2200-12-31, got 0000-01-01"},
          ValidationIssue{"projects[0].tasks[1].baseline.finish",
                          "finish must be a date from 1900-01-01 to 2200-12-31, got -17795-01-19"},
          ValidationIssue{"projects[0].tasks[1].baseline.finish",
                          "baseline finish -17795-01-19 is before its start 2026-01-05"}));
}

TEST(ValidateTest, TooManyHolidaysFail) {
  Program p = Minimal();
  p.calendar = Calendar{};
  for (int i = 0; i <= static_cast<int>(limits::kMaxHolidays); ++i) {
    p.calendar->holidays.push_back(Date::FromYmd(2000, 1, 1) + i);
  }
  EXPECT_THAT(Validate(p), ElementsAre(ValidationIssue{"calendar.holidays",
                                                       "a calendar holds at most 20000 holidays, "
                                                       "got 20001"}));
}

TEST(ValidateTest, DaysBeyondFiftyYearsOrNotFiniteFail) {
  const double inf = std::numeric_limits<double>::infinity();
  Program p = Minimal();
  T(p, 0).duration = 1e8;
  T(p, 1).duration = 2e9;
  T(p, 2).duration = 1e21;
  Task e;
  e.id = "e";
  e.name = "e";
  e.estimate = Estimate{1, 2, inf, Distribution::kPert};
  e.depends = {
      {"a", LinkType::kFS, -13001}, {"b", LinkType::kFS, inf}, {"c", LinkType::kFS, 13000}};
  p.projects[0].tasks.push_back(e);
  Risk r;
  r.id = "R-1";
  r.title = "Risk";
  r.impact = RiskImpact{13001.0, std::nullopt, {}};
  p.risks.push_back(r);
  EXPECT_THAT(
      Validate(p),
      ElementsAre(
          ValidationIssue{"projects[0].tasks[0].duration",
                          "duration must be at most 13000 days (50 years of working days), got "
                          "100000000d"},
          ValidationIssue{"projects[0].tasks[1].duration",
                          "duration must be at most 13000 days (50 years of working days), got "
                          "2000000000d"},
          ValidationIssue{"projects[0].tasks[2].duration",
                          "duration must be at most 13000 days (50 years of working days), got "
                          "1e+21d"},
          ValidationIssue{"projects[0].tasks[3].estimate.pessimistic",
                          "pessimistic must be at most 13000 days (50 years of working days), got "
                          "infd"},
          ValidationIssue{"projects[0].tasks[3].depends[0].lag",
                          "lag must be from -13000d to 13000d, got -13001d"},
          ValidationIssue{"projects[0].tasks[3].depends[1].lag",
                          "lag must be from -13000d to 13000d, got infd"},
          ValidationIssue{"risks[0].impact.schedule",
                          "schedule must be at most 13000 days (50 years of working days), got "
                          "13001d"}));
}

TEST(ValidateTest, MoneyBeyondTheLimitFailsAmountsAndTotals) {
  Program p = Minimal();
  p.budget = Money::FromDouble(1e300);  // saturates; never wraps to a negative budget
  T(p, 0).cost = Money::FromDouble(2e13);
  T(p, 1).cost = Money::FromDouble(9e12);
  T(p, 2).cost = Money::FromDouble(2e12);
  p.actuals.push_back(Actual{Date::FromYmd(2026, 1, 31), Money::FromDouble(-2e13), "", ""});
  EXPECT_THAT(
      Validate(p),
      ElementsAre(ValidationIssue{"program.budget",
                                  "budget must be at most 10000000000000 in absolute value, got "
                                  "92233720368547758.07"},
                  ValidationIssue{"projects[0].tasks[0].cost",
                                  "cost must be at most 10000000000000 in absolute value, got "
                                  "20000000000000"},
                  ValidationIssue{"projects[0].tasks[2].cost",
                                  "the total of task costs must be at most 10000000000000, "
                                  "exceeded here"},
                  ValidationIssue{"actuals[0].amount",
                                  "amount must be at most 10000000000000 in absolute value, got "
                                  "-20000000000000"}));
}

TEST(ValidateTest, TextMustBeValidUtf8WithoutNonCharacters) {
  Program p = Minimal();
  Risk r;
  r.id = "R-1";
  r.title = "\xff";
  r.owner = "Ana \xEF\xBF\xBF";   // U+FFFF
  r.mitigation = "\xED\xA0\x80";  // a lone surrogate, encoded
  p.risks.push_back(r);
  T(p, 0).name = "caf\xC3";          // truncated sequence
  T(p, 1).depends = {{"\xC0\xAF"}};  // overlong '/'
  auto issues = Validate(p);
  EXPECT_THAT(
      issues,
      ElementsAre(
          ValidationIssue{"projects[0].tasks[0].name",
                          "name must be valid UTF-8 text: invalid UTF-8 byte 0xC3 at byte 3"},
          ValidationIssue{"projects[0].tasks[1].depends[0].task",
                          "task must be valid UTF-8 text: invalid UTF-8 byte 0xC0 at byte 0"},
          ValidationIssue{"risks[0].title",
                          "title must be valid UTF-8 text: invalid UTF-8 byte 0xFF at byte 0"},
          ValidationIssue{"risks[0].owner",
                          "owner must be valid UTF-8 text: non-character U+FFFF at byte 4"},
          ValidationIssue{"risks[0].mitigation",
                          "mitigation must be valid UTF-8 text: invalid UTF-8 byte 0xED at byte "
                          "0"}));
  // Every message is valid text itself (it may quote the offending value).
  for (const auto& i : issues) EXPECT_FALSE(limits::CheckText(i.message)) << i.message;
}

TEST(ValidateTest, ValuesAtTheLimitsPass) {
  Program p = Minimal();
  p.start = limits::kMinDate;
  p.target = limits::kMaxDate;
  p.budget = Money::FromCents(limits::kMaxMoneyCents);
  T(p, 0).duration = limits::kMaxDays;
  T(p, 0).cost = Money::FromCents(limits::kMaxMoneyCents);
  T(p, 1).depends = {{"a", LinkType::kSS, -limits::kMaxDays}};
  T(p, 2).name = "Caf\xC3\xA9 \xF0\x9F\x9A\x80 \xEF\xBF\xBD";  // é, a rocket, U+FFFD
  EXPECT_THAT(Validate(p), IsEmpty());
}

TEST(ValidateTest, ATargetBeforeTheStartIsAnError) {
  Program p = Minimal();
  p.target = Date::FromYmd(2026, 1, 2);
  EXPECT_THAT(Validate(p),
              ElementsAre(ValidationIssue{"program.target",
                                          "target 2026-01-02 is before the start 2026-01-05"}));
  p.target = p.start;  // a milestone-only program may finish the day it starts
  EXPECT_THAT(Validate(p), IsEmpty());
}

TEST(ValidateTest, DatesAfterTheStatusDateAreWarningsNotErrors) {
  Program p = Minimal();
  Stakeholder s;
  s.id = "cfo";
  s.name = "Casey";
  s.last_contact = Date::FromYmd(2026, 6, 20);
  s.contacts = {{Date::FromYmd(2026, 6, 1), "ok"}, {Date::FromYmd(2026, 7, 1), "later"}};
  p.stakeholders = {s};
  AuditItem item;
  item.id = "training";
  item.signoff = Signoff{"Dana", Date::FromYmd(2026, 6, 16)};
  p.audit = Audit{std::nullopt, {item}};
  EXPECT_THAT(ValidationWarnings(p), IsEmpty());  // no status date: nothing to compare with
  p.status_date = Date::FromYmd(2026, 6, 15);
  EXPECT_THAT(Validate(p), IsEmpty());
  auto warnings = ValidationWarnings(p);
  ASSERT_EQ(warnings.size(), 3u);
  EXPECT_EQ(warnings[0].path, "stakeholders[0].last_contact");
  EXPECT_EQ(warnings[1].path, "stakeholders[0].contacts[1].on");
  EXPECT_EQ(warnings[2].path, "audit.items[0].signoff.on");
  EXPECT_THAT(warnings[1].message,
              ::testing::StartsWith("contact 2026-07-01 is after the status date 2026-06-15"));
}

}  // namespace
}  // namespace tpmkit::model
