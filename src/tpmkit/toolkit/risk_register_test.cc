#include "tpmkit/toolkit/risk_register.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

model::Risk MakeRisk(std::string id, double p, int sev,
                     model::RiskStatus status = model::RiskStatus::kOpen) {
  model::Risk r;
  r.id = std::move(id);
  r.title = "Risk " + r.id;
  r.probability = p;
  r.severity = sev;
  r.status = status;
  return r;
}

TEST(LikelihoodTest, CutOffsAreInclusiveUpperBounds) {
  EXPECT_EQ(LikelihoodFromProbability(0.0), 1);
  EXPECT_EQ(LikelihoodFromProbability(0.1), 1);
  EXPECT_EQ(LikelihoodFromProbability(0.1000001), 2);
  EXPECT_EQ(LikelihoodFromProbability(0.3), 2);
  EXPECT_EQ(LikelihoodFromProbability(0.30001), 3);
  EXPECT_EQ(LikelihoodFromProbability(0.5), 3);
  EXPECT_EQ(LikelihoodFromProbability(0.50001), 4);
  EXPECT_EQ(LikelihoodFromProbability(0.7), 4);
  EXPECT_EQ(LikelihoodFromProbability(0.70001), 5);
  EXPECT_EQ(LikelihoodFromProbability(1.0), 5);
}

TEST(RiskScoreTest, ScoreAndResidual) {
  auto r = MakeRisk("R-01", 0.4, 4);  // likelihood 3 * severity 4 = 12
  EXPECT_EQ(RiskScore(r), 12);
  EXPECT_EQ(ResidualScore(r), std::nullopt);
  r.residual = model::Residual{0.15, 3};  // likelihood 2 * 3 = 6
  EXPECT_EQ(ResidualScore(r), 6);
  EXPECT_EQ(RiskScore(MakeRisk("x", 1.0, 5)), 25);
  EXPECT_EQ(RiskScore(MakeRisk("x", 0.05, 1)), 1);
}

TEST(RiskRegisterTest, ExposureIsNullWithoutImpact) {
  model::Program p;
  auto r = MakeRisk("R-01", 0.4, 4);
  r.impact = model::RiskImpact{10.0, Money::FromDouble(80000), {"integrate"}};
  p.risks.push_back(r);
  auto no_cost = MakeRisk("R-02", 0.5, 2);
  no_cost.impact = model::RiskImpact{4.0, std::nullopt, {}};
  p.risks.push_back(no_cost);
  p.risks.push_back(MakeRisk("R-03", 0.2, 1));
  const auto reg = ComputeRiskRegister(p);
  ASSERT_EQ(reg.risks.size(), 3u);
  // 0.4 * 80000 = 32000 money, 0.4 * 10 = 4 days.
  EXPECT_EQ(reg.risks[0].id, "R-01");
  EXPECT_NEAR(*reg.risks[0].exposure_cost, 32000.0, 1e-6);
  EXPECT_NEAR(*reg.risks[0].exposure_days, 4.0, 1e-12);
  // score 3 * 2 = 6; no cost -> null; 0.5 * 4 = 2 days.
  EXPECT_EQ(reg.risks[1].id, "R-02");
  EXPECT_EQ(reg.risks[1].score, 6);
  EXPECT_FALSE(reg.risks[1].exposure_cost.has_value());
  EXPECT_NEAR(*reg.risks[1].exposure_days, 2.0, 1e-12);
  // no impact at all.
  EXPECT_FALSE(reg.risks[2].exposure_cost.has_value());
  EXPECT_FALSE(reg.risks[2].exposure_days.has_value());
}

TEST(RiskRegisterTest, OrderByScoreThenExposureThenId) {
  model::Program p;
  // All score 12 (0.4 -> 3, severity 4) except "A-low" (score 2).
  auto with_cost = [](std::string id, double cost) {
    auto r = MakeRisk(std::move(id), 0.4, 4);
    r.impact = model::RiskImpact{std::nullopt, Money::FromDouble(cost), {}};
    return r;
  };
  p.risks.push_back(MakeRisk("A-low", 0.05, 2));
  p.risks.push_back(with_cost("R-09", 1000));   // exposure 400
  p.risks.push_back(MakeRisk("R-02", 0.4, 4));  // exposure null -> ranks as 0
  p.risks.push_back(with_cost("R-05", 5000));   // exposure 2000
  p.risks.push_back(with_cost("R-01", 0));      // exposure 0, ties R-02 -> by id
  const auto reg = ComputeRiskRegister(p);
  std::vector<std::string> ids;
  for (const auto& r : reg.risks) ids.push_back(r.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"R-05", "R-09", "R-01", "R-02", "A-low"}));
}

TEST(RiskRegisterTest, HeatmapCountsOpenAndMitigatingOnly) {
  model::Program p;
  p.risks.push_back(MakeRisk("a", 0.4, 4));                                   // [2][3]
  p.risks.push_back(MakeRisk("b", 0.45, 4, model::RiskStatus::kMitigating));  // [2][3]
  p.risks.push_back(MakeRisk("c", 0.9, 5, model::RiskStatus::kOpen));         // [4][4]
  p.risks.push_back(MakeRisk("d", 0.9, 5, model::RiskStatus::kClosed));       // not counted
  p.risks.push_back(MakeRisk("e", 0.05, 1, model::RiskStatus::kRealized));    // not counted
  p.risks.push_back(MakeRisk("f", 0.05, 1));                                  // [0][0]
  const auto reg = ComputeRiskRegister(p);
  EXPECT_EQ(reg.risks.size(), 6u);
  EXPECT_EQ(reg.active, 4);
  Heatmap expected{};
  expected[2][3] = 2;
  expected[4][4] = 1;
  expected[0][0] = 1;
  EXPECT_EQ(reg.heatmap, expected);
}

}  // namespace
}  // namespace tpmkit::toolkit
