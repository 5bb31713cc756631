#include "tpmkit/toolkit/health.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

TEST(RateKpiTest, HigherIsBetterBoundaries) {
  // Target 0.95: met at >= 0.95; amber down to 0.95 - 0.095 = 0.855; red below.
  EXPECT_EQ(RateKpi(0.95, 0.95, false), Rag::kGreen);
  EXPECT_EQ(RateKpi(1.20, 0.95, false), Rag::kGreen);
  EXPECT_EQ(RateKpi(0.9499, 0.95, false), Rag::kAmber);
  EXPECT_EQ(RateKpi(0.855, 0.95, false), Rag::kAmber);
  EXPECT_EQ(RateKpi(0.8549, 0.95, false), Rag::kRed);
  // Target 1.0: 0.9 is exactly 10% short -> amber.
  EXPECT_EQ(RateKpi(0.9, 1.0, false), Rag::kAmber);
  EXPECT_EQ(RateKpi(0.89, 1.0, false), Rag::kRed);
}

TEST(RateKpiTest, LowerIsBetterBoundaries) {
  // risk_score target 40: met at <= 40; amber up to 44; red above.
  EXPECT_EQ(RateKpi(40, 40, true), Rag::kGreen);
  EXPECT_EQ(RateKpi(12.5, 40, true), Rag::kGreen);
  EXPECT_EQ(RateKpi(44, 40, true), Rag::kAmber);
  EXPECT_EQ(RateKpi(44.01, 40, true), Rag::kRed);
}

TEST(HealthTest, GroupsAndOverall) {
  model::Targets t;
  t.spi = 0.95;
  t.cpi = 0.95;
  t.p_on_time = 0.8;
  t.readiness = 90;
  t.satisfaction = 4.0;
  t.risk_score = 40;
  KpiValues v;
  v.spi = 1.0;           // green
  v.p_on_time = 0.75;    // 0.8 - 0.75 = 0.05 <= 0.08 -> amber
  v.cpi = 0.96;          // green
  v.readiness = 70;      // 90 - 70 = 20 > 9 -> red
  v.satisfaction = 4.0;  // green
  // risk_score unknown -> no rating
  const auto h = ComputeHealth(t, v);
  ASSERT_EQ(h.kpis.size(), 6u);
  EXPECT_EQ(h.kpis[0].name, "spi");
  EXPECT_EQ(h.kpis[2].name, "p_on_time");
  EXPECT_EQ(h.kpis[2].rag, Rag::kAmber);
  EXPECT_EQ(h.kpis[3].rag, Rag::kRed);
  EXPECT_EQ(h.kpis[5].name, "risk_score");
  EXPECT_FALSE(h.kpis[5].rag.has_value());
  ASSERT_EQ(h.groups.size(), 5u);
  EXPECT_EQ(h.groups[0].name, "schedule");
  EXPECT_EQ(h.groups[0].rag, Rag::kAmber);    // worst of green spi, amber p_on_time
  EXPECT_EQ(h.groups[1].rag, Rag::kGreen);    // cost
  EXPECT_FALSE(h.groups[2].rag.has_value());  // risk: unknown
  EXPECT_EQ(h.groups[3].rag, Rag::kRed);      // compliance
  EXPECT_EQ(h.overall, Rag::kRed);
}

TEST(HealthTest, OnlyKpisWithTargets) {
  model::Targets t;
  t.cpi = 1.0;
  KpiValues v;
  v.cpi = 0.95;  // 5% short -> amber
  v.spi = 0.1;   // no target: not rated
  const auto h = ComputeHealth(t, v);
  ASSERT_EQ(h.kpis.size(), 1u);
  EXPECT_EQ(h.overall, Rag::kAmber);
  EXPECT_FALSE(ComputeHealth(model::Targets{}, v).overall.has_value());
}

TEST(HealthTest, MeanSatisfaction) {
  model::Program p;
  EXPECT_FALSE(MeanSatisfaction(p).has_value());
  p.stakeholders.resize(3);
  p.stakeholders[0].satisfaction = 4;
  p.stakeholders[1].satisfaction = 3;
  // the third has none: mean of 4 and 3 = 3.5
  EXPECT_DOUBLE_EQ(*MeanSatisfaction(p), 3.5);
}

}  // namespace
}  // namespace tpmkit::toolkit
