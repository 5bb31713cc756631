#include "tpmkit/plan/evm.h"

#include <gtest/gtest.h>

namespace tpmkit::plan {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

model::Task MakeTask(std::string id, double days, double cost) {
  model::Task t;
  t.id = std::move(id);
  t.name = t.id;
  t.duration = days;
  t.cost = Money::FromDouble(cost);
  return t;
}

// The worked example. Calendar Mon-Fri, no holidays; start Monday 2026-01-05 = day 0.
//   A: 10d, cost 10,000, no baseline      -> early [0, 10)  = Jan 5 .. Jan 16
//   B: 5d after A, cost 5,000, no baseline -> early [10, 15) = Jan 19 .. Jan 23
//   M: milestone after B, cost 1,000       -> early position 15, date day(14) = Jan 23
//   C: 4d, cost 4,000, baseline Jan 12 .. Jan 21 -> [pos(Jan 12), pos_end(Jan 21) + 1)
//      = [5, 13): 8 planned working days (the baseline wins over the 4d duration)
// As of Wednesday 2026-01-14: pos_end = 7, AT = 8.
//   PV: A 10,000 * 8/10 = 8,000; C 4,000 * (8-5)/8 = 1,500; B 0; M 0 (Jan 23 > Jan 14)
//       PV = 9,500.
//   EV: A 70 % of 10,000 = 7,000; C 50 % of 4,000 = 2,000; PV = 9,000.
//   AC: 6,000 (Jan 9) + 4,000 (Jan 14) = 10,000; the 3,000 of Jan 20 is after t.
//   BAC = 20,000. SV = -500, CV = -1,000, SPI = 9,000 / 9,500 = 0.947368...,
//   CPI = 0.9, EAC = 20,000 / 0.9 = 22,222.22, EAC_atypical = 10,000 + 20,000 - 9,000
//   = 21,000, EAC_cpi_spi = 10,000 + 11,000 / (0.9 * 0.947368) = 10,000 + 11,000 /
//   0.852632 = 22,901.23, ETC = 12,222.22, VAC = -2,222.22, TCPI = 11,000 / 10,000 = 1.1.
// Earned schedule: PV(k) = 1,000 min(k, 10) + 500 clamp(k-5, 0, 8) + 1,000 clamp(k-10,
//   0, 5) + 1,000 [k >= 15]. PV(7) = 7,000 + 1,000 = 8,000 <= 9,000 < PV(8) = 9,500, so
//   ES = 7 + (9,000 - 8,000) / (9,500 - 8,000) = 7.6667; SPI_t = 7.6667 / 8 = 0.958333.
//   PD = 15 (B and M end there); IEAC_t = 15 / 0.958333 = 15.6522 working days, whose
//   date is day(ceil(15.6522) - 1) = day(15) = Monday Jan 26.
// The status date (Jan 14) puts A in progress: with progress, A would end at
// max(S = 8, 0) + ceil(10 * 0.3) = 11 and push B and M to 16. The plan as drawn ignores
// that, so PD stays 15.
model::Program WorkedExample() {
  model::Program p;
  p.id = "worked";
  p.name = "Worked example";
  p.start = D(2026, 1, 5);
  p.status_date = D(2026, 1, 14);
  model::Project proj;
  proj.id = "p";
  proj.name = "p";
  auto a = MakeTask("A", 10, 10000);
  a.actual_start = D(2026, 1, 5);
  a.percent_complete = 70;
  auto b = MakeTask("B", 5, 5000);
  b.depends.push_back({"A", model::LinkType::kFS, 0});
  model::Task m;
  m.id = "M";
  m.name = "M";
  m.milestone = true;
  m.cost = Money::FromDouble(1000);
  m.depends.push_back({"B", model::LinkType::kFS, 0});
  auto c = MakeTask("C", 4, 4000);
  c.baseline = model::Baseline{D(2026, 1, 12), D(2026, 1, 21)};
  c.actual_start = D(2026, 1, 12);
  c.percent_complete = 50;
  proj.tasks = {a, b, m, c};
  p.projects.push_back(proj);
  p.actuals.push_back({D(2026, 1, 9), Money::FromDouble(6000), "A", ""});
  p.actuals.push_back({D(2026, 1, 14), Money::FromDouble(4000), "", ""});
  p.actuals.push_back({D(2026, 1, 20), Money::FromDouble(3000), "", ""});
  return p;
}

TEST(Evm, WorkedExample) {
  auto r = ComputeEvm(WorkedExample(), D(2026, 1, 14));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->actual_time, 8);
  EXPECT_DOUBLE_EQ(r->pv, 9500);
  EXPECT_DOUBLE_EQ(r->ev, 9000);
  EXPECT_DOUBLE_EQ(r->ac, 10000);
  EXPECT_DOUBLE_EQ(r->bac, 20000);
  EXPECT_DOUBLE_EQ(r->sv, -500);
  EXPECT_DOUBLE_EQ(r->cv, -1000);
  EXPECT_NEAR(*r->spi, 0.947368421, 1e-9);
  EXPECT_NEAR(*r->cpi, 0.9, 1e-12);
  EXPECT_NEAR(*r->eac, 22222.2222, 1e-3);
  EXPECT_NEAR(*r->eac_atypical, 21000, 1e-9);
  EXPECT_NEAR(*r->eac_cpi_spi, 22901.2346, 1e-3);
  EXPECT_NEAR(*r->etc, 12222.2222, 1e-3);
  EXPECT_NEAR(*r->vac, -2222.2222, 1e-3);
  EXPECT_NEAR(*r->tcpi, 1.1, 1e-12);
  EXPECT_NEAR(r->earned_schedule, 7.0 + 2.0 / 3.0, 1e-9);
  EXPECT_NEAR(*r->spi_t, (7.0 + 2.0 / 3.0) / 8.0, 1e-9);
  EXPECT_EQ(r->planned_duration, 15);
  EXPECT_NEAR(*r->ieac_t, 15.0 / ((7.0 + 2.0 / 3.0) / 8.0), 1e-9);
  EXPECT_EQ(*r->ieac_t_date, D(2026, 1, 26));
  EXPECT_EQ(r->planned_finish, D(2026, 1, 23));
  EXPECT_EQ(r->baseline_tasks, 1);
  ASSERT_EQ(r->tasks.size(), 4u);
  EXPECT_EQ(r->tasks[3].from, PlannedFrom::kBaseline);
  EXPECT_EQ(r->tasks[3].start, 5);
  EXPECT_EQ(r->tasks[3].finish, 13);
  EXPECT_DOUBLE_EQ(r->tasks[3].planned_value, 1500);
}

TEST(Evm, PlannedValueCurve) {
  auto r = ComputeEvm(WorkedExample(), D(2026, 1, 14));
  ASSERT_TRUE(r.ok());
  // The hand formula above, at a few points.
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 0), 0);
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 5), 5000);
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 7), 8000);
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 14), 10000 + 4000 + 4000);
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 15), 20000);
  EXPECT_DOUBLE_EQ(PlannedValueThrough(r->tasks, 40), 20000);
}

TEST(Evm, MilestoneCountsOnItsDate) {
  // M's date is Friday Jan 23: nothing of it on Jan 22, all of it on Jan 23 and on the
  // Saturday after.
  auto before = ComputeEvm(WorkedExample(), D(2026, 1, 22));
  auto on = ComputeEvm(WorkedExample(), D(2026, 1, 23));
  auto weekend = ComputeEvm(WorkedExample(), D(2026, 1, 24));
  ASSERT_TRUE(before.ok() && on.ok() && weekend.ok());
  EXPECT_DOUBLE_EQ(before->tasks[2].planned_value, 0);
  EXPECT_DOUBLE_EQ(on->tasks[2].planned_value, 1000);
  EXPECT_DOUBLE_EQ(weekend->pv, 20000);
  // Jan 22 = day 13: A 10,000 + B 5,000 * 4/5 + C 4,000 (ended day 12) = 18,000.
  EXPECT_DOUBLE_EQ(before->pv, 18000);
}

TEST(Evm, RatiosWithZeroDenominatorsAreNull) {
  // Before anything is planned or spent: PV = 0, AC = 0.
  auto r = ComputeEvm(WorkedExample(), D(2026, 1, 2));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->pv, 0);
  EXPECT_DOUBLE_EQ(r->ac, 0);
  EXPECT_EQ(r->actual_time, 0);
  EXPECT_FALSE(r->spi.has_value());
  EXPECT_FALSE(r->cpi.has_value());
  EXPECT_FALSE(r->eac.has_value());
  EXPECT_FALSE(r->etc.has_value());
  EXPECT_FALSE(r->vac.has_value());
  EXPECT_FALSE(r->eac_cpi_spi.has_value());
  EXPECT_FALSE(r->spi_t.has_value());
  EXPECT_FALSE(r->ieac_t.has_value());
  // EAC_atypical has no ratio: AC + BAC - EV = 0 + 20,000 - 9,000.
  EXPECT_DOUBLE_EQ(*r->eac_atypical, 11000);
  // TCPI = (20,000 - 9,000) / (20,000 - 0).
  EXPECT_DOUBLE_EQ(*r->tcpi, 0.55);
}

TEST(Evm, TcpiNullWhenBudgetSpent) {
  auto p = WorkedExample();
  p.actuals.push_back({D(2026, 1, 13), Money::FromDouble(10000), "", ""});  // AC = BAC
  auto r = ComputeEvm(p, D(2026, 1, 14));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->ac, 20000);
  EXPECT_FALSE(r->tcpi.has_value());
}

TEST(Evm, EverythingEarnedGivesPlannedDuration) {
  auto p = WorkedExample();
  for (auto& t : p.projects[0].tasks) {
    t.actual_start = D(2026, 1, 5);
    t.actual_finish = D(2026, 1, 20);
  }
  auto r = ComputeEvm(p, D(2026, 1, 20));
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->ev, 20000);
  // ES = PD = 15 when EV reaches BAC; AT = pos_end(Jan 20) + 1 = 12.
  EXPECT_DOUBLE_EQ(r->earned_schedule, 15);
  EXPECT_EQ(r->actual_time, 12);
  EXPECT_NEAR(*r->spi_t, 15.0 / 12.0, 1e-12);
  EXPECT_NEAR(*r->ieac_t, 12.0, 1e-9);
}

TEST(Evm, PartialBaselines) {
  auto p = WorkedExample();
  // A with a baseline start only: [pos(Jan 7) = 2, 2 + 10) = [2, 12).
  p.projects[0].tasks[0].baseline = model::Baseline{D(2026, 1, 7), std::nullopt};
  // B with a baseline finish only: ends after pos_end(Jan 30) = 19, so [15, 20).
  p.projects[0].tasks[1].baseline = model::Baseline{std::nullopt, D(2026, 1, 30)};
  auto r = ComputeEvm(p, D(2026, 1, 14));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->tasks[0].start, 2);
  EXPECT_EQ(r->tasks[0].finish, 12);
  EXPECT_EQ(r->tasks[1].start, 15);
  EXPECT_EQ(r->tasks[1].finish, 20);
  // A: 10,000 * (8 - 2) / 10 = 6,000; C 1,500.
  EXPECT_DOUBLE_EQ(r->pv, 7500);
  EXPECT_EQ(r->planned_duration, 20);
  EXPECT_EQ(r->planned_finish, D(2026, 1, 30));
}

}  // namespace
}  // namespace tpmkit::plan
