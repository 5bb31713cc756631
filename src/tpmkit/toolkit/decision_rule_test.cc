#include "tpmkit/toolkit/decision_rule.h"

#include <gtest/gtest.h>

#include "tpmkit/toolkit/decision_fixture_test.h"

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

struct Fixture : testing::DecisionFixture {
  RuleOutcome Apply(const std::string& rule) {
    decision.decision_rule = rule;
    return ApplyDecisionRule(program, decision, analysis);
  }
};

TEST(DecisionRuleTest, ReadsPOnTimeFloorsInEveryForm) {
  Fixture f;
  for (const char* rule :
       {"p_on_time >= 0.5", "P_ON_TIME of at least 0.5", "the option with p_on_time at least 50%",
        "p_on_time no less than 50", "chance of finishing on time of at least 50%."}) {
    auto r = f.Apply(rule);
    EXPECT_EQ(r.reading, RuleReading::kRead) << rule;
    ASSERT_EQ(r.conditions.size(), 1u) << rule;
    EXPECT_EQ(r.conditions[0].kind, RuleConditionKind::kPOnTimeAtLeast) << rule;
    EXPECT_DOUBLE_EQ(r.conditions[0].value, 0.5) << rule;
    // fast (0.3) fails; safe (0.85) is the best-ranked that reaches 0.5.
    EXPECT_EQ(r.qualifying, (std::vector<std::string>{"safe", "cheap"})) << rule;
    EXPECT_EQ(r.recommended, "safe") << rule;
    EXPECT_FALSE(r.none_qualifies);
  }
}

TEST(DecisionRuleTest, NoOptionQualifyingFallsBackToTheTopOfTheRanking) {
  Fixture f;
  auto r = f.Apply(
      "Highest weighted score among the options with p_on_time >= 0.95; if none "
      "qualifies, the steering committee decides.");
  EXPECT_TRUE(r.names_ranking);
  EXPECT_TRUE(r.qualifying.empty());
  EXPECT_TRUE(r.none_qualifies);
  EXPECT_EQ(r.recommended, "fast");
}

TEST(DecisionRuleTest, ReadsP80DatesAndTheTarget) {
  Fixture f;
  auto r = f.Apply("P80 finish on or before 2026-10-01");
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].kind, RuleConditionKind::kP80OnOrBefore);
  EXPECT_EQ(r.conditions[0].date, D(2026, 10, 1));
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"safe"}));
  // Against each option's target in force: cheap's moved target (11-30) admits it.
  r = f.Apply("p80_finish <= target");
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_TRUE(r.conditions[0].against_target);
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"safe", "cheap"}));
  // A date on the boundary qualifies ("on or before").
  r = f.Apply("p80 by 2026-10-10");
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"fast", "safe"}));
}

TEST(DecisionRuleTest, ReadsCostCeilings) {
  Fixture f;
  auto r = f.Apply("cost at most 900,000 USD");
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_EQ(r.conditions[0].kind, RuleConditionKind::kCostAtMost);
  EXPECT_DOUBLE_EQ(r.conditions[0].value, 900'000);
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"fast", "cheap"}));  // equal is within
  r = f.Apply("total cost under 0.9m");
  EXPECT_EQ(r.conditions[0].kind, RuleConditionKind::kCostBelow);
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"cheap"}));  // strictly below
  r = f.Apply("cost below $800k");
  EXPECT_DOUBLE_EQ(r.conditions[0].value, 800'000);
  r = f.Apply("the cost must stay within the approved budget");
  ASSERT_EQ(r.conditions.size(), 1u);
  EXPECT_DOUBLE_EQ(r.conditions[0].value, 1'000'000);
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"fast", "cheap"}));
}

TEST(DecisionRuleTest, CombinesConditions) {
  Fixture f;
  auto r = f.Apply("Highest weighted score with p_on_time >= 0.8 and cost at most 800,000");
  EXPECT_EQ(r.conditions.size(), 2u);
  EXPECT_EQ(r.qualifying, (std::vector<std::string>{"cheap"}));
  EXPECT_EQ(r.recommended, "cheap");
}

TEST(DecisionRuleTest, RankingRulesUnreadableRulesAndNoRule) {
  Fixture f;
  auto r = f.Apply("Highest weighted score");
  EXPECT_EQ(r.reading, RuleReading::kRead);
  EXPECT_TRUE(r.names_ranking);
  EXPECT_TRUE(r.conditions.empty());
  EXPECT_EQ(r.recommended, "fast");
  r = f.Apply("Whatever the sponsor prefers after the offsite");
  EXPECT_EQ(r.reading, RuleReading::kUnreadable);
  EXPECT_EQ(r.recommended, "fast");
  // "cost" alone, without a bound, is not a condition.
  r = f.Apply("cost matters most");
  EXPECT_EQ(r.reading, RuleReading::kUnreadable);
  r = f.Apply("  ");
  EXPECT_EQ(r.reading, RuleReading::kNone);
  EXPECT_EQ(r.recommended, "fast");
}

TEST(DecisionRuleTest, MeetsConditionNeedsTheMetric) {
  OptionMetrics m{Money::FromDouble(10), D(2026, 1, 1), std::nullopt, std::nullopt, std::nullopt};
  EXPECT_FALSE(MeetsCondition({RuleConditionKind::kPOnTimeAtLeast, 0.1, std::nullopt, false}, m));
  EXPECT_FALSE(MeetsCondition({RuleConditionKind::kP80OnOrBefore, 0, D(2027, 1, 1), false}, m));
  m.p80_finish = D(2026, 2, 1);
  EXPECT_TRUE(MeetsCondition({RuleConditionKind::kP80OnOrBefore, 0, D(2027, 1, 1), false}, m));
  EXPECT_FALSE(MeetsCondition({RuleConditionKind::kP80OnOrBefore, 0, std::nullopt, true}, m));
}

}  // namespace
}  // namespace tpmkit::toolkit
