#include "tpmkit/toolkit/escalation.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

// design (finished), build (60,000) and the milestone launch; risk R-1 hits all three.
struct Fixture {
  model::Program p;
  Fixture() {
    p.id = "demo";
    p.name = "Demo";
    p.sponsor = "Dana Lee";
    p.budget = Money::FromCents(100'000'00);
    p.currency = "USD";
    p.start = D(2026, 1, 5);
    p.target = D(2026, 6, 30);
    model::Project core;
    core.id = "core";
    model::Task design;
    design.id = "design";
    design.name = "Design";
    design.duration = 10;
    design.percent_complete = 100;
    model::Task build;
    build.id = "build";
    build.name = "Build";
    build.duration = 20;
    build.cost = Money::FromCents(60'000'00);
    model::Task launch;
    launch.id = "launch";
    launch.milestone = true;
    core.tasks = {design, build, launch};
    p.projects.push_back(core);
    model::Risk r;
    r.id = "R-1";
    r.title = "Build slips";
    r.owner = "Ana Ruiz";
    r.probability = 0.5;
    r.severity = 3;
    r.impact = model::RiskImpact{5, Money::FromCents(10'000'00), {"design", "build", "launch"}};
    p.risks.push_back(r);
  }
  EscalationSubject Subject() const {
    return {&p.risks[0], nullptr, "Dana Lee", "sponsor", true, true};
  }
};

TEST(EscalationOptions, GenericOptionsWithoutADecision) {
  Fixture f;
  const auto options = EscalationOptions(f.p, f.Subject(), D(2026, 7, 10));
  ASSERT_EQ(options.size(), 3u);
  // Add resources: only build (design is finished, launch is a milestone), 25% of its cost.
  EXPECT_EQ(options[0].id, "add-resources");
  ASSERT_TRUE(options[0].scenario && options[0].scenario->duration_factor);
  EXPECT_EQ(options[0].scenario->duration_factor->tasks, std::vector<std::string>{"build"});
  EXPECT_DOUBLE_EQ(options[0].scenario->duration_factor->factor, 0.8);
  EXPECT_EQ(options[0].scenario->cost, Money::FromCents(15'000'00));
  EXPECT_NE(options[0].how.find("Build (build)"), std::string::npos) << options[0].how;
  EXPECT_NE(options[0].how.find("(15,000 USD)"), std::string::npos) << options[0].how;
  // Reduce scope: no decision removes tasks, so it cannot be simulated.
  EXPECT_EQ(options[1].id, "reduce-scope");
  EXPECT_FALSE(options[1].scenario.has_value());
  EXPECT_NE(options[1].how.find("cannot be simulated"), std::string::npos);
  // Extend the deadline to the p80 with the risk happening.
  EXPECT_EQ(options[2].id, "extend-deadline");
  ASSERT_TRUE(options[2].scenario.has_value());
  EXPECT_EQ(options[2].scenario->target, D(2026, 7, 10));
  EXPECT_NE(options[2].how.find("from 2026-06-30 to 2026-07-10"), std::string::npos);
}

TEST(EscalationOptions, ReduceScopeTakesTheFirstCutOfTheProgramsDecisions) {
  Fixture f;
  model::Decision d;
  d.id = "D-1";
  model::Scenario cut;
  cut.remove_tasks = {"build"};
  cut.cost = Money::FromCents(-5'000'00);
  d.options = {{"keep", "Keep it", {}, std::nullopt}, {"cut", "Cut build", {}, cut}};
  f.p.decisions.push_back(d);
  const auto options = EscalationOptions(f.p, f.Subject(), D(2026, 7, 10));
  ASSERT_TRUE(options[1].scenario.has_value());
  EXPECT_EQ(options[1].scenario->remove_tasks, cut.remove_tasks);
  EXPECT_EQ(options[1].scenario->cost, cut.cost);
  EXPECT_EQ(options[1].how,
            "Drop Build (build), the scope cut that decision D-1 proposes (\"Cut build\").");
}

TEST(EscalationOptions, ADecisionsOwnOptionsReplaceTheGenericOnes) {
  Fixture f;
  model::Decision d;
  d.id = "D-2";
  model::Scenario later;
  later.target = D(2026, 8, 1);
  d.options = {{"wait", "Wait", {}, std::nullopt}, {"later", "Ship later", {}, later}};
  f.p.decisions.push_back(d);
  EscalationSubject s = f.Subject();
  s.decision = &f.p.decisions[0];
  const auto options = EscalationOptions(f.p, s, D(2026, 7, 10));
  ASSERT_EQ(options.size(), 2u);
  // An option without a scenario is the plan as it stands, as decide simulates it.
  EXPECT_EQ(options[0].id, "wait");
  EXPECT_EQ(options[0].scenario, model::Scenario{});
  EXPECT_EQ(options[0].how, "As decision D-2 proposes: the plan stays as it is.");
  EXPECT_EQ(options[1].scenario, later);
  EXPECT_EQ(options[1].how,
            "As decision D-2 proposes: the target date moves from 2026-06-30 to 2026-08-01.");
}

TEST(EscalationOptions, MovingTheDateCostsWhatADecisionSaysItCosts) {
  Fixture f;
  model::Decision d;
  d.id = "D-3";
  model::Scenario later;
  later.target = D(2026, 8, 3);
  later.cost = Money::FromCents(9'500'00);
  d.options = {{"later", "Ship in August", {}, later}};
  f.p.decisions.push_back(d);
  const auto options = EscalationOptions(f.p, f.Subject(), D(2026, 7, 10));
  ASSERT_EQ(options[2].id, "extend-deadline");
  EXPECT_EQ(options[2].scenario->target, D(2026, 8, 3));
  EXPECT_EQ(options[2].scenario->cost, Money::FromCents(9'500'00));
  EXPECT_NE(options[2].how.find("at the 9,500 USD it puts on the move"), std::string::npos)
      << options[2].how;
}

TEST(EscalationOptions, ACostOnlyRiskIsAbsorbedOrCutNotRescheduled) {
  Fixture f;
  f.p.risks[0].impact = model::RiskImpact{std::nullopt, Money::FromCents(30'000'00), {}};
  EscalationSubject s = f.Subject();
  s.schedule_impact = false;
  const auto options = EscalationOptions(f.p, s, D(2026, 7, 10));
  ASSERT_EQ(options.size(), 2u);
  EXPECT_EQ(options[0].id, "absorb");
  EXPECT_EQ(options[0].scenario, model::Scenario{});
  EXPECT_EQ(options[1].id, "reduce-scope");
}

TEST(CheckEscalation, CostOnlyAndScheduleOnlyRisksBothEscalate) {
  Fixture f;
  f.p.stakeholders.push_back({});
  f.p.risks[0].impact = model::RiskImpact{std::nullopt, Money::FromCents(30'000'00), {}};
  auto cost_only = CheckEscalation(f.p, "R-1", std::nullopt, "dana lee");
  ASSERT_TRUE(cost_only.ok()) << cost_only.error().message;
  EXPECT_FALSE(cost_only->schedule_impact);
  EXPECT_TRUE(cost_only->cost_impact);
  f.p.risks[0].impact = model::RiskImpact{5, std::nullopt, {"build"}};
  auto days_only = CheckEscalation(f.p, "R-1", std::nullopt, "Dana Lee");
  ASSERT_TRUE(days_only.ok()) << days_only.error().message;
  EXPECT_TRUE(days_only->schedule_impact);
  EXPECT_FALSE(days_only->cost_impact);
  // Days without tasks cannot be placed in the plan; no impact at all is nothing to say.
  f.p.risks[0].impact = model::RiskImpact{5, std::nullopt, {}};
  auto no_tasks = CheckEscalation(f.p, "R-1", std::nullopt, "Dana Lee");
  ASSERT_FALSE(no_tasks.ok());
  EXPECT_NE(no_tasks.error().message.find("lists no impact.tasks"), std::string::npos);
  f.p.risks[0].impact.reset();
  auto none = CheckEscalation(f.p, "R-1", std::nullopt, "Dana Lee");
  ASSERT_FALSE(none.ok());
  EXPECT_NE(none.error().message.find("states no impact to escalate"), std::string::npos)
      << none.error().message;
}

TEST(Freezes, AreReadFromTheAssumptionsAndHitATargetMovedIntoThem) {
  model::Program p;
  p.assumptions = {"Vendors keep their prices.",
                   "The Q4 change freeze starts on 2026-10-01; no cutover during it."};
  const auto freezes = ReadFreezes(p);
  ASSERT_EQ(freezes.size(), 1u);
  EXPECT_EQ(freezes[0].start, D(2026, 10, 1));
  EXPECT_TRUE(FreezeHit(freezes, D(2026, 9, 30), D(2026, 10, 30)).has_value());
  EXPECT_FALSE(FreezeHit(freezes, D(2026, 9, 30), D(2026, 9, 30)).has_value());
  // A freeze before the current target does not make a later target worse.
  EXPECT_FALSE(FreezeHit(freezes, D(2026, 10, 15), D(2026, 10, 30)).has_value());
}

TEST(RecommendOption, LeavesOutAnOptionThatNeedsAFreezeExceptionWhenItCan) {
  OptionOutcome faster{"add", "Add people",   "",    true,         D(2026, 10, 9),
                       0.4,   D(2026, 9, 30), 12500, std::nullopt, std::nullopt};
  OptionOutcome later{"move", "Move",          "",    true,         D(2026, 10, 13),
                      1.0,    D(2026, 10, 30), 95000, std::nullopt, std::nullopt};
  later.freeze_start = D(2026, 10, 1);
  EXPECT_EQ(RecommendOption({faster, later}, D(2026, 9, 30)), 0u);
  faster.simulated = false;
  EXPECT_EQ(RecommendOption({faster, later}, D(2026, 9, 30)), 1u);
}

EscalationFacts Facts(const Fixture& f) {
  EscalationFacts x;
  x.as_of = D(2026, 3, 2);
  x.iterations = 1000;
  x.seed = 1;
  x.finish_before = D(2026, 2, 27);
  x.finish_after = D(2026, 3, 6);
  x.p80_before = D(2026, 6, 26);
  x.p80_after = D(2026, 7, 3);
  x.schedule_days = 5;
  x.p_on_time_before = 0.82;
  x.p_on_time_after = 0.31;
  x.money = ComputeMoneyPosition(f.p, std::nullopt);
  x.options = {{"add-resources", "Add resources", "Add people.", true, D(2026, 6, 29), 0.7,
                D(2026, 6, 30), 15000, std::nullopt, std::nullopt},
               {"extend-deadline", "Extend the deadline", "Move it.", true, D(2026, 7, 3), 0.8,
                D(2026, 7, 3), std::nullopt, std::nullopt, std::nullopt}};
  return x;
}

size_t Words(const std::string& s) {
  size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\n';
    if (!space && !in) ++n;
    in = !space;
  }
  return n;
}

TEST(BuildEscalation, LeadsTheSubjectWithTheChanceAndSignsFromTheProgram) {
  Fixture f;
  f.p.stakeholders.push_back({});
  f.p.stakeholders[0].id = "cfo";
  f.p.stakeholders[0].name = "Robert Okafor";
  EscalationSubject s = f.Subject();
  s.to_name = "Robert Okafor";
  s.to_role = "CFO";
  auto e = BuildEscalation(f.p, s, Facts(f));
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->subject, "31% chance of making 2026-06-30 if R-1 happens: decide by 2026-03-09");
  EXPECT_LE(e->subject.size(), kMaxSubject);
  // No --from: the sponsor signs (never the OS user); to the sponsor, the program's team.
  EXPECT_EQ(e->from, "Dana Lee");
  auto to_sponsor = BuildEscalation(f.p, f.Subject(), Facts(f));
  ASSERT_TRUE(to_sponsor.ok());
  EXPECT_EQ(to_sponsor->from, "The Demo team");
  // The money: 10,000 on top of a forecast final cost of 60,000 against 100,000.
  EXPECT_DOUBLE_EQ(*e->final_cost_with_risk, 70000);
  EXPECT_EQ(e->options[0].final_cost, 85000);
  EXPECT_FALSE(e->is_issue);
  size_t words = 0;
  for (const auto& x : {e->issue, e->rationale, e->ask}) words += Words(x);
  for (const auto& x : e->impact_brief) words += Words(x);
  for (const auto& x : e->option_brief) words += Words(x);
  EXPECT_LE(words, 250u);
  EXPECT_FALSE(e->appendix.empty());
}

TEST(BuildEscalation, ARealizedRiskIsWrittenAsAnIssue) {
  Fixture f;
  f.p.risks[0].status = model::RiskStatus::kRealized;
  auto e = BuildEscalation(f.p, f.Subject(), Facts(f));
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_TRUE(e->is_issue);
  EXPECT_EQ(e->issue.rfind("Issue R-1 of Demo", 0), 0u) << e->issue;
  EXPECT_EQ(e->issue.find("likely"), std::string::npos) << e->issue;
  EXPECT_NE(e->subject.find("now that R-1 has happened"), std::string::npos) << e->subject;
  EXPECT_NE(e->ask.find("who owns the issue"), std::string::npos) << e->ask;
}

TEST(BuildEscalation, ALongSubjectIsCutToEightyCharacters) {
  Fixture f;
  f.p.target = D(2026, 6, 30);
  f.p.risks[0].id = "R-" + std::string(90, '9');
  auto e = BuildEscalation(f.p, f.Subject(), Facts(f));
  ASSERT_TRUE(e.ok());
  EXPECT_LE(e->subject.size(), kMaxSubject) << e->subject;
}

}  // namespace
}  // namespace tpmkit::toolkit
