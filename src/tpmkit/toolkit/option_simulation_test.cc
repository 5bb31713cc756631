#include "tpmkit/toolkit/option_simulation.h"

#include <gtest/gtest.h>

#include "generate.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/money_position.h"

namespace tpmkit::toolkit {
namespace {

model::Program Generated() {
  testing::GenerateOptions g;
  g.tasks = 30;
  g.seed = 5;
  return testing::GenerateProgram(g);
}

SimulationOptions Small() {
  SimulationOptions o;
  o.iterations = 300;
  o.seed = 9;
  o.threads = 1;
  return o;
}

TEST(SimulateOption, IsTheScheduleAndTheForecastWithTheSameSeed) {
  const model::Program p = Generated();
  const SimulationOptions o = Small();
  auto m = SimulateOption(p, Money::FromCents(12345), o);
  ASSERT_TRUE(m.ok()) << m.error().message;
  auto schedule = plan::ComputeSchedule(p, plan::ScheduleOptions{});
  ASSERT_TRUE(schedule.ok());
  plan::ForecastOptions fo;
  fo.iterations = o.iterations;
  fo.seed = o.seed;
  auto forecast = plan::RunForecast(p, fo);
  ASSERT_TRUE(forecast.ok());
  EXPECT_EQ(m->finish, schedule->finish);
  EXPECT_EQ(m->p80_finish, forecast->p80.date);
  EXPECT_EQ(m->p_on_time, forecast->p_on_time);
  EXPECT_EQ(m->target, p.target);
  EXPECT_EQ(m->cost, p.TotalTaskCost() + Money::FromCents(12345));
}

TEST(SimulateOption, AScenarioProgramCountsItsExtraCost) {
  const model::Program p = Generated();
  model::Scenario sc;
  sc.cost = Money::FromCents(500'00);
  auto applied = plan::ApplyScenario(p, sc);
  ASSERT_TRUE(applied.ok());
  auto a = SimulateOption(*applied, Small());
  auto b = SimulateOption(p, *sc.cost, Small());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->cost, plan::ScenarioCost(*applied));
  EXPECT_EQ(a->cost, b->cost);
  EXPECT_EQ(a->p80_finish, b->p80_finish);
}

TEST(SimulateOption, ForcingARiskNeverHelpsAndAnUnknownRiskIsAnError) {
  const model::Program p = Generated();
  ASSERT_FALSE(p.risks.empty());
  SimulationOptions forced = Small();
  forced.forced_risks = {p.risks[0].id};
  auto plain = SimulateOption(p, Money{}, Small());
  auto with = SimulateOption(p, Money{}, forced);
  ASSERT_TRUE(plain.ok() && with.ok());
  EXPECT_GE(*with->p80_finish, *plain->p80_finish);
  forced.forced_risks = {"no-such-risk"};
  auto bad = SimulateOption(p, Money{}, forced);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
}

TEST(SimulateOption, DecisionsMeasureTheirOptionsWithIt) {
  const model::Program p = Generated();
  const model::Decision* d = nullptr;
  for (const auto& x : p.decisions) {
    if (!x.options.empty()) d = &x;
  }
  ASSERT_NE(d, nullptr);
  auto measured = MeasureOptions(p, *d, Small());
  ASSERT_TRUE(measured.ok()) << measured.error().message;
  for (const auto& o : d->options) {
    auto applied = plan::ApplyScenario(p, o.scenario.value_or(model::Scenario{}));
    ASSERT_TRUE(applied.ok());
    auto m = SimulateOption(*applied, Small());
    ASSERT_TRUE(m.ok());
    const auto& got = measured->at(o.id);
    // The cost is the forecast final cost with the option.
    auto money = MoneyPositionAsOf(p, p.status_date);
    ASSERT_TRUE(money.ok());
    EXPECT_EQ(got.cost, Money::FromDouble(money->forecast_final_cost +
                                          (m->cost - p.TotalTaskCost()).ToDouble()));
    EXPECT_EQ(got.finish, m->finish);
    EXPECT_EQ(got.p80_finish, m->p80_finish);
    EXPECT_EQ(got.p_on_time, m->p_on_time);
    EXPECT_EQ(got.target, m->target);
  }
}

}  // namespace
}  // namespace tpmkit::toolkit
