#include "tpmkit/toolkit/program_health.h"

#include <gtest/gtest.h>

namespace tpmkit::toolkit {
namespace {

const AreaHealth& AreaOf(const ProgramHealth& h, HealthArea area) {
  for (const auto& a : h.areas) {
    if (a.area == area) return a;
  }
  ADD_FAILURE() << "no area " << HealthAreaName(area);
  return h.areas.front();
}

TEST(ProgramHealthTest, NothingToRateLeavesEveryAreaAndTheOverallUnrated) {
  const ProgramHealth h = ComputeProgramHealth({});
  ASSERT_EQ(h.areas.size(), 6u);
  for (const auto& a : h.areas) {
    EXPECT_FALSE(a.rag) << HealthAreaName(a.area);
    EXPECT_EQ(a.rule, HealthRule::kNone);
  }
  EXPECT_FALSE(h.overall);
}

TEST(ProgramHealthTest, ScheduleIsGreenWhenP80MakesTheTargetAmberWhenOnlyP50DoesElseRed) {
  HealthInputs in;
  in.p50_slip = -5;
  in.p80_slip = 0;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kSchedule).rag, Rag::kGreen);
  in.p80_slip = 3;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kSchedule).rag, Rag::kAmber);
  in.p50_slip = 1;
  const auto h = ComputeProgramHealth(in);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rag, Rag::kRed);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rule, HealthRule::kForecast);
  EXPECT_EQ(h.overall, Rag::kRed);
}

TEST(ProgramHealthTest, CostComparesEacWithTheBudgetAndAllowsTenPercentAsAmber) {
  HealthInputs in;
  in.budget = 1000;
  in.eac = 1000;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCost).rag, Rag::kGreen);
  in.eac = 1100;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCost).rag, Rag::kAmber);
  in.eac = 1101;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCost).rag, Rag::kRed);
}

TEST(ProgramHealthTest, ScopeRatesApprovedChangeGrowthAgainstThePlannedCost) {
  HealthInputs in;
  in.bac = 1000;
  in.approved_change_cost = 50;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kScope).rag, Rag::kGreen);
  in.approved_change_cost = 100;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kScope).rag, Rag::kAmber);
  in.approved_change_cost = 101;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kScope).rag, Rag::kRed);
}

TEST(ProgramHealthTest, RiskFollowsTheScorecardBand) {
  HealthInputs in;
  in.score = 49;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kRisk).rag, Rag::kGreen);
  in.score = 50;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kRisk).rag, Rag::kAmber);
  in.score = 75;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kRisk).rag, Rag::kRed);
}

TEST(ProgramHealthTest, AKpiWithATargetRatesItsAreaAndIsTheReasonOnATie) {
  HealthInputs in;
  in.p50_slip = -2;
  in.p80_slip = 2;  // amber by the forecast
  in.targets = model::Targets{};
  in.targets->spi = 1.0;
  in.kpi_values.spi = 0.95;  // amber: within 10 %
  auto h = ComputeProgramHealth(in);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rag, Rag::kAmber);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rule, HealthRule::kKpi);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).kpi, "spi");
  in.p50_slip = 1;  // now red by the forecast: the worse rule is the reason
  h = ComputeProgramHealth(in);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rag, Rag::kRed);
  EXPECT_EQ(AreaOf(h, HealthArea::kSchedule).rule, HealthRule::kForecast);
}

TEST(ProgramHealthTest, ReadinessUsesItsTargetWhenSetAndOverdueItemsMakeItAtLeastAmber) {
  HealthInputs in;
  in.readiness = 75;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCompliance).rag, Rag::kAmber);
  in.readiness = 95;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCompliance).rag, Rag::kGreen);
  in.overdue_items = 1;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCompliance).rag, Rag::kAmber);
  in.overdue_items = 0;
  in.readiness = 60;
  in.targets = model::Targets{};
  in.targets->readiness = 60;  // met: the default thresholds no longer apply
  in.kpi_values.readiness = 60;
  EXPECT_EQ(AreaOf(ComputeProgramHealth(in), HealthArea::kCompliance).rag, Rag::kGreen);
}

TEST(ProgramHealthTest, KeyStakeholdersOverdueForContactMakeStakeholdersAmber) {
  HealthInputs in;
  in.overdue_key_stakeholders = 2;
  const auto h = ComputeProgramHealth(in);
  EXPECT_EQ(AreaOf(h, HealthArea::kStakeholders).rag, Rag::kAmber);
  EXPECT_EQ(AreaOf(h, HealthArea::kStakeholders).rule, HealthRule::kOverdueContacts);
  EXPECT_EQ(h.overall, Rag::kAmber);
}

}  // namespace
}  // namespace tpmkit::toolkit
