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
    r.impact = model::RiskImpact{5, Money::FromCents(10'000'00), {"design", "build", "launch"}};
    p.risks.push_back(r);
  }
  EscalationSubject Subject() const { return {&p.risks[0], nullptr, "Dana Lee", "sponsor"}; }
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
  EXPECT_EQ(options[0].id, "wait");
  EXPECT_FALSE(options[0].scenario.has_value());
  EXPECT_EQ(options[0].how,
            "Wait: option wait of decision D-2 states no scenario, so it cannot be simulated.");
  EXPECT_EQ(options[1].scenario, later);
  EXPECT_EQ(options[1].how,
            "As decision D-2 proposes: the target date moves from 2026-06-30 to 2026-08-01.");
}

}  // namespace
}  // namespace tpmkit::toolkit
