#include "tpmkit/toolkit/review.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

// A program that answers every question of the bank.
model::Program Complete() {
  model::Program p;
  p.id = "ok";
  p.name = "Complete";
  p.start = D(2026, 1, 5);
  p.target = D(2026, 3, 31);
  p.assumptions = {"The vendor keeps its price."};
  model::Project proj{"core", "Core", "Ana", {}};
  model::Task a;
  a.id = "build";
  a.name = "Build";
  a.owner = "Ana";
  a.estimate = model::Estimate{8, 10, 15, model::Distribution::kPert};
  model::Task m;
  m.id = "done";
  m.name = "Done";
  m.milestone = true;  // milestones need no owner
  m.depends.push_back({"build", model::LinkType::kFS, 0});
  proj.tasks = {a, m};
  p.projects.push_back(proj);
  model::Dependency dep;
  dep.id = "api";
  dep.provider = "Acme";
  dep.owner = "Ana";
  dep.needed_by = D(2026, 1, 20);
  dep.expected = D(2026, 1, 15);
  dep.tasks = {"build"};
  p.dependencies.push_back(dep);
  model::Risk r;
  r.id = "R-1";
  r.title = "Vendor late";
  r.category = "vendor";
  r.owner = "Ana";
  r.probability = 0.5;
  r.severity = 4;  // score 3 * 4 = 12
  r.mitigation = "Second vendor";
  r.response_due = D(2026, 2, 1);
  p.risks.push_back(r);
  model::Change c;
  c.id = "CR-1";
  c.title = "More";
  c.requested_by = "Sales";
  p.changes.push_back(c);
  model::Decision d;
  d.id = "D-1";
  d.question = "Which?";
  d.decision_rule = "Highest score";
  d.criteria.push_back({"cost", "Cost", 50, std::nullopt});
  p.decisions.push_back(d);
  p.targets = model::Targets{};
  p.targets->cpi = 0.95;
  return p;
}

plan::Schedule ScheduleWithFloat(int float_to_target, bool critical) {
  plan::Schedule s;
  plan::TaskSchedule t;
  t.critical = critical;
  t.float_to_target = float_to_target;
  t.finish = D(2026, 3, 31);
  s.tasks = {t, plan::TaskSchedule{}};
  s.tasks[1].float_to_target = 5;
  return s;
}

std::vector<std::string> Themes(const std::vector<Finding>& fs) {
  std::vector<std::string> out;
  for (const auto& f : fs) out.push_back(std::string(ThemeName(f.theme)) + ":" + f.subject);
  return out;
}

TEST(Review, CompleteProgramHasNoFindings) {
  auto sched = ScheduleWithFloat(3, true);
  ReviewInputs in{&sched, D(2026, 3, 30), std::nullopt, std::nullopt};
  EXPECT_TRUE(ReviewProgram(Complete(), in).empty());
}

TEST(Review, EachRuleRaisesItsTheme) {
  using V = std::vector<std::string>;
  ReviewInputs none;
  {
    auto p = Complete();
    p.assumptions.clear();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"assumptions:program ok"});
  }
  {
    auto p = Complete();
    p.risks[0].mitigation.clear();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"risks:risk R-1"});
    p.risks[0].status = model::RiskStatus::kClosed;  // closed risks need no mitigation
    EXPECT_TRUE(ReviewProgram(p, none).empty());
  }
  {
    auto p = Complete();
    p.risks[0].response_due.reset();  // score 12: needs a response date
    auto fs = ReviewProgram(p, none);
    ASSERT_EQ(Themes(fs), V{"risks:risk R-1"});
    EXPECT_NE(fs[0].detail.find("scores 12 of 25"), std::string::npos) << fs[0].detail;
    p.risks[0].severity = 3;  // score 9: below the line
    EXPECT_TRUE(ReviewProgram(p, none).empty());
  }
  {
    auto p = Complete();
    p.risks[0].owner.clear();  // score 12 without owner: risks and accountability
    EXPECT_EQ(Themes(ReviewProgram(p, none)), (V{"risks:risk R-1", "accountability:risk R-1"}));
  }
  {
    auto p = Complete();
    p.risks.clear();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"risks:program ok"});
  }
  {
    auto p = Complete();
    p.projects[0].tasks[0].owner.clear();
    p.dependencies[0].owner.clear();
    p.changes[0].requested_by.clear();
    EXPECT_EQ(Themes(ReviewProgram(p, none)),
              (V{"accountability:task build", "accountability:dependency api",
                 "accountability:change CR-1"}));
  }
  {
    auto p = Complete();
    p.dependencies[0].status = model::DependencyStatus::kAtRisk;
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"dependencies:dependency api"});
    p.dependencies[0].status = model::DependencyStatus::kOnTrack;
    p.dependencies[0].expected = D(2026, 1, 25);  // after needed_by
    auto fs = ReviewProgram(p, none);
    ASSERT_EQ(Themes(fs), V{"dependencies:dependency api"});
    EXPECT_NE(fs[0].detail.find("5 calendar days after"), std::string::npos) << fs[0].detail;
    p.dependencies[0].expected.reset();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"dependencies:dependency api"});
    p.dependencies[0].status = model::DependencyStatus::kDelivered;
    EXPECT_TRUE(ReviewProgram(p, none).empty());
  }
  {
    auto p = Complete();
    auto zero = ScheduleWithFloat(0, true);
    auto fs = ReviewProgram(p, ReviewInputs{&zero, std::nullopt, std::nullopt, std::nullopt});
    EXPECT_EQ(Themes(fs), V{"critical_path:task build"});
    auto late = ScheduleWithFloat(-4, true);
    fs = ReviewProgram(p, ReviewInputs{&late, std::nullopt, std::nullopt, std::nullopt});
    ASSERT_EQ(fs.size(), 1u);
    EXPECT_NE(fs[0].detail.find("4 working days after the target"), std::string::npos);
    auto not_critical = ScheduleWithFloat(0, false);
    EXPECT_TRUE(
        ReviewProgram(p, ReviewInputs{&not_critical, std::nullopt, std::nullopt, std::nullopt})
            .empty());
  }
  {
    auto p = Complete();
    auto fs = ReviewProgram(p, ReviewInputs{nullptr, D(2026, 4, 10), std::nullopt, std::nullopt});
    ASSERT_EQ(Themes(fs), V{"worst_case:program ok"});
    EXPECT_NE(fs[0].detail.find("10 calendar days after"), std::string::npos) << fs[0].detail;
    p.projects[0].tasks[0].estimate.reset();
    p.projects[0].tasks[0].duration = 10;
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"worst_case:program ok"});
  }
  {
    auto p = Complete();
    p.targets.reset();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"kpis:program ok"});
    p.targets = model::Targets{};  // present but empty: still no target
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"kpis:program ok"});
  }
  {
    auto p = Complete();
    KpiValues values;
    values.cpi = 0.8;  // 0.8 against 0.95: more than 10% short, red
    ReviewInputs in{nullptr, std::nullopt, ComputeHealth(*p.targets, values), std::nullopt};
    auto fs = ReviewProgram(p, in);
    ASSERT_EQ(Themes(fs), V{"kpis:kpi cpi"});
    EXPECT_NE(fs[0].detail.find("0.8 against a target of at least 0.95"), std::string::npos)
        << fs[0].detail;
    values.cpi = 0.9;  // amber: no finding
    in.health = ComputeHealth(*p.targets, values);
    EXPECT_TRUE(ReviewProgram(p, in).empty());
  }
  {
    auto p = Complete();
    p.decisions[0].decision_rule.clear();
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"decision_rule:decision D-1"});
    p.decisions[0].decision_rule = "Rule";
    p.decisions[0].criteria[0].weight = 0;
    EXPECT_EQ(Themes(ReviewProgram(p, none)), V{"decision_rule:decision D-1"});
    p.decisions[0].status = model::DecisionStatus::kDecided;
    EXPECT_TRUE(ReviewProgram(p, none).empty());
  }
}

TEST(Review, FindingsCarryTheBankQuestion) {
  auto p = Complete();
  p.assumptions.clear();
  BankOverride o;
  o.theme = Theme::kAssumptions;
  o.question = "What must stay true?";
  o.phrases = {"List them."};
  auto bank = ApplyBankOverrides(DefaultLanguageBank(), {o});
  auto fs = ReviewProgram(p, ReviewInputs{}, bank);
  ASSERT_EQ(fs.size(), 1u);
  EXPECT_EQ(fs[0].question, "What must stay true?");
  EXPECT_EQ(bank.Entry(Theme::kAssumptions).phrases.size(), 3u);
  o.replace_phrases = true;
  bank = ApplyBankOverrides(DefaultLanguageBank(), {o});
  EXPECT_EQ(bank.Entry(Theme::kAssumptions).phrases, std::vector<std::string>{"List them."});
}

TEST(Review, DefaultBankCoversEveryThemeInOrder) {
  const auto& bank = DefaultLanguageBank();
  ASSERT_EQ(bank.entries.size(), static_cast<size_t>(kThemeCount));
  for (size_t i = 0; i < bank.entries.size(); ++i) {
    EXPECT_EQ(bank.entries[i].theme, AllThemes()[i]);
    EXPECT_EQ(bank.entries[i].question.back(), '?');
    EXPECT_FALSE(bank.entries[i].phrases.empty() && bank.entries[i].rule_phrases.empty());
    EXPECT_FALSE(ThemeTitle(AllThemes()[i]).empty());
    EXPECT_EQ(ParseTheme(ThemeName(AllThemes()[i])), AllThemes()[i]);
  }
}

// The follow-ups ask only for what the data lacks: a program with targets is never told
// to set them, one with estimates never told to give them.
TEST(Review, PhrasesFollowTheRulesThatFired) {
  auto p = Complete();
  KpiValues values;
  values.cpi = 0.8;
  ReviewInputs red{nullptr, std::nullopt, ComputeHealth(*p.targets, values), std::nullopt};
  auto fs = ReviewProgram(p, red);
  auto phrases = PhrasesFor(DefaultLanguageBank().Entry(Theme::kKpis), fs);
  EXPECT_EQ(phrases,
            std::vector<std::string>{"For each red KPI, say what brings it back and by when."});
  p.targets.reset();
  fs = ReviewProgram(p, ReviewInputs{});
  phrases = PhrasesFor(DefaultLanguageBank().Entry(Theme::kKpis), fs);
  EXPECT_EQ(phrases,
            std::vector<std::string>{"Set a target for each KPI the steering committee reads."});

  p = Complete();
  fs = ReviewProgram(p, ReviewInputs{nullptr, D(2026, 4, 10), std::nullopt, std::nullopt});
  phrases = PhrasesFor(DefaultLanguageBank().Entry(Theme::kWorstCase), fs);
  ASSERT_EQ(phrases.size(), 1u);
  EXPECT_NE(phrases[0].find("90th-percentile"), std::string::npos);  // not "give estimates"
}

TEST(Review, KpiGapsAreQuantified) {
  auto p = Complete();
  p.targets->p_on_time = 0.8;
  p.targets->readiness = 90;
  p.targets->risk_score = 40;
  p.targets->satisfaction = 4;
  KpiValues values;
  values.p_on_time = 0.36;
  values.readiness = 66.7;
  values.risk_score = 57.5;
  values.satisfaction = 3.12;
  ReviewInputs in{nullptr, std::nullopt, ComputeHealth(*p.targets, values), std::nullopt};
  std::string details;
  for (const auto& f : ReviewProgram(p, in)) details += f.detail + "\n";
  EXPECT_NE(details.find("36% against a target of at least 80%, 44 points short."),
            std::string::npos)
      << details;
  EXPECT_NE(details.find("23.3 points short"), std::string::npos) << details;  // 66.7 vs 90
  EXPECT_NE(details.find("17.5 points over"), std::string::npos) << details;   // 57.5 vs 40
  EXPECT_NE(details.find("0.88 short"), std::string::npos) << details;         // 3.12 vs 4
}

TEST(Review, RaisesWhatIsLateAsOfTheDate) {
  using V = std::vector<std::string>;
  auto p = Complete();
  p.audit = model::Audit{};
  model::AuditItem item;
  item.id = "change_trail";
  item.owner = "Ana";
  item.status = model::AuditStatus::kInProgress;
  item.due = D(2026, 3, 1);
  p.audit->items.push_back(item);
  model::Stakeholder cfo;
  cfo.id = "cfo";
  cfo.name = "Rob";
  cfo.influence = 5;
  cfo.impact = 5;
  cfo.last_contact = D(2026, 2, 20);  // every 7 days: next 2026-02-27
  p.stakeholders.push_back(cfo);
  p.risks[0].response_due = D(2026, 2, 1);
  auto sched = ScheduleWithFloat(3, true);
  sched.tasks[0].deadline_missed = true;
  sched.tasks[0].finish = D(2026, 3, 31);
  p.projects[0].tasks[0].deadline = D(2026, 3, 20);
  ReviewInputs in{&sched, std::nullopt, std::nullopt, D(2026, 3, 10)};
  const auto fs = ReviewProgram(p, in);
  EXPECT_EQ(Themes(fs), (V{"risks:risk R-1", "accountability:audit item change_trail",
                           "accountability:stakeholder cfo", "critical_path:task build"}));
  EXPECT_NE(fs[0].detail.find("its response was due on 2026-02-01, 37 calendar days ago"),
            std::string::npos)
      << fs[0].detail;
  EXPECT_NE(fs[1].detail.find("was due on 2026-03-01, 9 calendar days ago; its owner is Ana"),
            std::string::npos)
      << fs[1].detail;
  EXPECT_NE(fs[2].detail.find("the last was on 2026-02-20: 11 days overdue"), std::string::npos)
      << fs[2].detail;
  EXPECT_NE(fs[3].detail.find("11 calendar days after its deadline 2026-03-20"), std::string::npos)
      << fs[3].detail;
  // Without the date, nothing is measured as late.
  in.as_of.reset();
  EXPECT_EQ(Themes(ReviewProgram(p, in)), V{"critical_path:task build"});
}

}  // namespace
}  // namespace tpmkit::toolkit
