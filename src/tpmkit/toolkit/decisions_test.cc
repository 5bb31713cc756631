#include "tpmkit/toolkit/decisions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

namespace tpmkit::toolkit {
namespace {

using model::Measure;

model::Decision TwoOptions() {
  // cost is measured; risk is a manual rating.
  model::Decision d;
  d.id = "D-1";
  d.question = "Which?";
  d.criteria = {{"cost", "Cost", 30, Measure::kCost}, {"risk", "Risk", 70, std::nullopt}};
  d.options = {{"a", "Option A", {{"risk", 1}}, std::nullopt},
               {"b", "Option B", {{"risk", 5}}, std::nullopt}};
  return d;
}

std::map<std::string, OptionMetrics> Costs(double a, double b) {
  std::map<std::string, OptionMetrics> m;
  m["a"].cost = Money::FromDouble(a);
  m["b"].cost = Money::FromDouble(b);
  return m;
}

TEST(MapMeasuredScores, WorstIsOneBestIsFiveLinearBetween) {
  auto lower = MapMeasuredScores({100.0, 200.0, 300.0}, true);
  EXPECT_DOUBLE_EQ(lower[0], 5);
  EXPECT_DOUBLE_EQ(lower[1], 3);
  EXPECT_DOUBLE_EQ(lower[2], 1);
  auto higher = MapMeasuredScores({0.2, 0.8, 0.35}, false);
  EXPECT_DOUBLE_EQ(higher[0], 1);
  EXPECT_DOUBLE_EQ(higher[1], 5);
  EXPECT_DOUBLE_EQ(higher[2], 2);
}

TEST(MapMeasuredScores, EqualValuesAllScoreFiveAndUnknownScoresOne) {
  auto equal = MapMeasuredScores({7.0, 7.0}, true);
  EXPECT_DOUBLE_EQ(equal[0], 5);
  EXPECT_DOUBLE_EQ(equal[1], 5);
  auto unknown = MapMeasuredScores({std::nullopt, 3.0, 5.0}, false);
  EXPECT_DOUBLE_EQ(unknown[0], 1);
  EXPECT_DOUBLE_EQ(unknown[1], 1);
  EXPECT_DOUBLE_EQ(unknown[2], 5);
}

TEST(MetricValue, MeasuresAndDirections) {
  OptionMetrics m;
  m.cost = Money::FromDouble(1234.5);
  m.finish = Date::FromYmd(2026, 9, 30);
  m.p_on_time = 0.4;
  EXPECT_DOUBLE_EQ(*MetricValue(m, Measure::kCost), 1234.5);
  EXPECT_DOUBLE_EQ(*MetricValue(m, Measure::kFinish), m.finish.days());
  EXPECT_FALSE(MetricValue(m, Measure::kP80Finish).has_value());
  EXPECT_DOUBLE_EQ(*MetricValue(m, Measure::kPOnTime), 0.4);
  EXPECT_TRUE(LowerIsBetter(Measure::kCost));
  EXPECT_TRUE(LowerIsBetter(Measure::kFinish));
  EXPECT_TRUE(LowerIsBetter(Measure::kP80Finish));
  EXPECT_FALSE(LowerIsBetter(Measure::kPOnTime));
}

TEST(AnalyzeDecision, WeightedScoresRankingAndExactFlips) {
  auto r = AnalyzeDecision({}, TwoOptions(), Costs(100000, 300000));
  ASSERT_TRUE(r.ok()) << r.error().message;
  // a: cost 5, risk 1 -> (30*5 + 70*1)/100 = 2.2; b: cost 1, risk 5 -> 3.8.
  ASSERT_EQ(r->ranking.size(), 2u);
  EXPECT_EQ(r->ranking[0].option, "b");
  EXPECT_DOUBLE_EQ(r->ranking[0].weighted_score, 3.8);
  EXPECT_EQ(r->ranking[0].rank, 1);
  EXPECT_DOUBLE_EQ(r->ranking[1].weighted_score, 2.2);
  EXPECT_DOUBLE_EQ(r->ranking[1].scores.at("cost"), 5);
  EXPECT_DOUBLE_EQ(r->ranking[1].metrics->cost.ToDouble(), 100000);
  // cost weight w: (5w + 70)/(w + 70) = (w + 350)/(w + 70) at w = 70.
  ASSERT_EQ(r->sensitivity.size(), 2u);
  EXPECT_EQ(r->sensitivity[0].criterion, "cost");
  ASSERT_TRUE(r->sensitivity[0].flip_at.has_value());
  EXPECT_NEAR(*r->sensitivity[0].flip_at, 70, 1e-9);
  EXPECT_EQ(r->sensitivity[0].new_top, "a");
  // risk weight v: (150 + v)/(30 + v) = (30 + 5v)/(30 + v) at v = 30.
  ASSERT_TRUE(r->sensitivity[1].flip_at.has_value());
  EXPECT_NEAR(*r->sensitivity[1].flip_at, 30, 1e-9);
}

TEST(AnalyzeDecision, TiesRankByOptionIdAndDominatedOptionNeverFlips) {
  model::Decision d;
  d.id = "D";
  d.criteria = {{"x", "X", 50, std::nullopt}, {"y", "Y", 50, std::nullopt}};
  d.options = {{"zeta", "Z", {{"x", 3}, {"y", 3}}, std::nullopt},
               {"alpha", "A", {{"x", 3}, {"y", 3}}, std::nullopt},
               {"low", "L", {{"x", 1}, {"y", 2}}, std::nullopt}};
  auto r = AnalyzeDecision({}, d, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ranking[0].option, "alpha");
  EXPECT_EQ(r->ranking[1].option, "zeta");
  EXPECT_EQ(r->ranking[2].option, "low");
  // zeta equals alpha at every weight: that is no crossing; low is always behind.
  EXPECT_FALSE(r->sensitivity[0].flip_at.has_value());
  EXPECT_FALSE(r->sensitivity[1].flip_at.has_value());
}

TEST(AnalyzeDecision, MissingManualRatingIsLeftOutOfThatOptionsAverage) {
  model::Decision d;
  d.id = "D";
  d.criteria = {{"x", "X", 40, std::nullopt}, {"y", "Y", 60, std::nullopt}};
  d.options = {{"a", "A", {{"x", 4}}, std::nullopt},
               {"b", "B", {{"x", 2}, {"y", 3}}, std::nullopt}};
  auto r = AnalyzeDecision({}, d, {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->ranking[0].option, "a");
  EXPECT_DOUBLE_EQ(r->ranking[0].weighted_score, 4);
  EXPECT_DOUBLE_EQ(r->ranking[1].weighted_score, 2.6);
  EXPECT_EQ(r->ranking[0].scores.count("y"), 0u);
}

TEST(AnalyzeDecision, MeasuredCriterionNeedsMetricsForEveryOption) {
  auto r = AnalyzeDecision({}, TwoOptions(), {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  model::Decision empty;
  empty.id = "E";
  EXPECT_FALSE(AnalyzeDecision({}, empty, {}).ok());
}

TEST(AnalyzeDecision, EachStakeholderRanksWithOwnWeights) {
  model::Program p;
  p.stakeholders.push_back({});
  p.stakeholders[0].id = "cfo";
  p.stakeholders[0].name = "Carl Fox";
  auto d = TwoOptions();
  d.stakeholder_weights["cfo"] = {{"cost", 90}, {"risk", 10}};
  d.stakeholder_weights["ops"] = {{"risk", 100}};
  d.stakeholder_weights["nobody"] = {{"cost", 0}};
  auto r = AnalyzeDecision(p, d, Costs(100000, 300000));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->stakeholders.size(), 3u);
  EXPECT_EQ(r->stakeholders[0].stakeholder, "cfo");
  EXPECT_EQ(r->stakeholders[0].name, "Carl Fox");
  EXPECT_EQ(r->stakeholders[0].top_option, "a");
  EXPECT_DOUBLE_EQ(r->stakeholders[0].weighted_score, 4.6);
  EXPECT_EQ(r->stakeholders[1].stakeholder, "nobody");
  EXPECT_EQ(r->stakeholders[1].top_option, "");
  EXPECT_EQ(r->stakeholders[2].stakeholder, "ops");
  EXPECT_EQ(r->stakeholders[2].top_option, "b");
}

TEST(CrossingNearest, CriterionOnlyOneOptionIsRatedOn) {
  ScoreLine top{10, 10, 5, true};          // (10 + 5w) / (10 + w)
  ScoreLine challenger{30, 10, 0, false};  // 3 whatever w
  auto r = CrossingNearest(top, challenger, 20);
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(*r, 10, 1e-9);
  EXPECT_NEAR(top.At(*r), challenger.At(*r), 1e-12);
}

TEST(CrossingNearest, TouchIsNotACrossingAndOutOfRangeIsNull) {
  // Equal lines never cross.
  ScoreLine a{20, 10, 2, true};
  EXPECT_FALSE(CrossingNearest(a, a, 50).has_value());
  // The challenger would need a weight above 100.
  ScoreLine top{400, 100, 1, true};  // (400 + w)/(100 + w)
  ScoreLine ch{200, 100, 5, true};   // (200 + 5w)/(100 + w): equal at w = 50
  auto r = CrossingNearest(top, ch, 10, 0, 40);
  EXPECT_FALSE(r.has_value());
  auto in = CrossingNearest(top, ch, 10);
  ASSERT_TRUE(in.has_value());
  EXPECT_NEAR(*in, 50, 1e-9);
}

// On random decisions, flip_at is where the top option changes: the top is the same
// everywhere strictly between the current weight and flip_at, and another option is
// ahead just beyond it; with no flip_at, the top is the same over all of [0, 100].
TEST(AnalyzeDecision, FlipAtIsWhereTheTopChangesOnRandomDecisions) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> rating(1, 5);
  std::uniform_int_distribution<int> weight(1, 60);
  for (int trial = 0; trial < 300; ++trial) {
    model::Decision d;
    d.id = "D";
    int nc = 2 + trial % 3, no = 2 + trial % 4;
    for (int c = 0; c < nc; ++c) {
      d.criteria.push_back({"c" + std::to_string(c), "C", double(weight(rng)), std::nullopt});
    }
    for (int o = 0; o < no; ++o) {
      model::Option opt;
      opt.id = "o" + std::to_string(o);
      for (int c = 0; c < nc; ++c) {
        if (rating(rng) == 1 && c > 0) continue;  // sometimes unrated
        opt.scores["c" + std::to_string(c)] = rating(rng);
      }
      d.options.push_back(opt);
    }
    auto r = AnalyzeDecision({}, d, {});
    ASSERT_TRUE(r.ok());
    const std::string top = r->ranking[0].option;
    for (int c = 0; c < nc; ++c) {
      const auto& s = r->sensitivity[c];
      auto top_at = [&](double w) {
        auto copy = d;
        copy.criteria[c].weight = w;
        return AnalyzeDecision({}, copy, {})->ranking[0].option;
      };
      double w0 = d.criteria[c].weight;
      if (!s.flip_at) {
        // Interior points only: at exactly 0 or 100 a tie may be decided by the option id.
        for (double w = 0.25; w < 100; w += 0.5) {
          ASSERT_EQ(top_at(w), top) << "trial " << trial << " criterion " << c << " w " << w;
        }
        continue;
      }
      double f = *s.flip_at;
      ASSERT_GE(f, 0);
      ASSERT_LE(f, 100);
      double dir = f >= w0 ? 1 : -1;
      for (double t = 0.05; t < 0.95; t += 0.1) {
        double w = w0 + (f - w0) * t;
        if (std::abs(w - f) < 1e-6 || std::abs(f - w0) < 1e-6) continue;
        ASSERT_EQ(top_at(w), top) << "trial " << trial << " criterion " << c << " w " << w;
      }
      if (std::abs(f - w0) < 1e-9) {
        // A tie at the current weight: the challenger is ahead on one side of it.
        bool changes = (w0 + 1e-4 <= 100 && top_at(w0 + 1e-4) == s.new_top) ||
                       (w0 - 1e-4 >= 0 && top_at(w0 - 1e-4) == s.new_top);
        EXPECT_TRUE(changes) << "trial " << trial << " criterion " << c;
        continue;
      }
      double beyond = f + dir * 1e-4;
      if (beyond >= 0 && beyond <= 100) {
        EXPECT_EQ(top_at(beyond), s.new_top) << "trial " << trial << " criterion " << c;
      }
    }
  }
}

}  // namespace
}  // namespace tpmkit::toolkit
