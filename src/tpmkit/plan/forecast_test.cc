#include "tpmkit/plan/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "generate.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::plan {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

model::Program OneTask(model::Estimate e) {
  model::Program p;
  p.id = "one";
  p.name = "One";
  p.start = D(2026, 1, 5);
  model::Task t;
  t.id = "a";
  t.estimate = e;
  p.projects.push_back({"core", "Core", "", {t}});
  return p;
}

Forecast RunOk(const model::Program& p, ForecastOptions o = {}) {
  auto f = RunForecast(p, o);
  EXPECT_TRUE(f.ok()) << (f.ok() ? "" : f.error().message);
  return std::move(f).value();
}

void ExpectQuantilesNear(const Forecast& f, const std::function<double(double)>& quantile) {
  const std::pair<const FinishValue*, double> qs[] = {
      {&f.p10, 0.1}, {&f.p50, 0.5}, {&f.p80, 0.8}, {&f.p90, 0.9}};
  for (auto [v, q] : qs) {
    double expected = quantile(q);
    EXPECT_NEAR(v->position, expected, 0.005 * expected) << "q = " << q;
  }
}

TEST(Forecast, TriangularMatchesTheAnalyticQuantiles) {
  const double o = 10, m = 15, p = 30;
  ForecastOptions opt;
  opt.iterations = 200000;
  Forecast f = RunOk(OneTask({o, m, p, model::Distribution::kTriangular}), opt);
  ExpectQuantilesNear(f, [&](double u) {
    double fc = (m - o) / (p - o);
    return u < fc ? o + std::sqrt(u * (p - o) * (m - o))
                  : p - std::sqrt((1 - u) * (p - o) * (p - m));
  });
  EXPECT_NEAR(f.mean.position, (o + m + p) / 3, 0.005 * (o + m + p) / 3);
}

TEST(Forecast, UniformMatchesTheAnalyticQuantiles) {
  ForecastOptions opt;
  opt.iterations = 200000;
  Forecast f = RunOk(OneTask({5, 9, 15, model::Distribution::kUniform}), opt);
  ExpectQuantilesNear(f, [](double u) { return 5 + u * 10; });
}

// The beta quantile by numerical integration of the density (Simpson) and bisection.
double BetaQuantile(double a, double b, double q) {
  auto density = [&](double x) { return std::pow(x, a - 1) * std::pow(1 - x, b - 1); };
  const int n = 20000;
  std::vector<double> cdf(n + 1, 0);
  const double h = 1.0 / n;
  for (int i = 0; i < n; ++i) {
    double x0 = i * h, x1 = x0 + h;
    cdf[i + 1] = cdf[i] + h / 6 * (density(x0) + 4 * density((x0 + x1) / 2) + density(x1));
  }
  const double total = cdf[n];
  for (int i = 0; i < n; ++i) {
    if (cdf[i + 1] / total >= q) {
      double t = (q * total - cdf[i]) / (cdf[i + 1] - cdf[i]);
      return (i + t) * h;
    }
  }
  return 1;
}

TEST(Forecast, PertMatchesTheBetaQuantiles) {
  for (auto [o, m, p] :
       {std::tuple{10.0, 14.0, 30.0}, std::tuple{2.0, 2.0, 8.0}, std::tuple{5.0, 9.5, 10.0}}) {
    ForecastOptions opt;
    opt.iterations = 200000;
    opt.seed = 42;
    Forecast f = RunOk(OneTask({o, m, p, model::Distribution::kPert}), opt);
    const double alpha = 1 + 4 * (m - o) / (p - o), beta = 1 + 4 * (p - m) / (p - o);
    ExpectQuantilesNear(f, [&](double u) { return o + (p - o) * BetaQuantile(alpha, beta, u); });
    const double mean = o + (p - o) * alpha / (alpha + beta);  // (o + 4m + p) / 6
    EXPECT_NEAR(f.mean.position, mean, 0.005 * mean);
  }
}

TEST(Forecast, FinishDatesAndNearestRank) {
  // A fixed 5-day task: F = 5 in every iteration, day(4) = Friday 2026-01-09.
  model::Program p = OneTask({5, 5, 5, model::Distribution::kPert});
  p.target = D(2026, 1, 9);
  ForecastOptions opt;
  opt.iterations = 10;
  Forecast f = RunOk(p, opt);
  EXPECT_EQ(f.p50.position, 5);
  EXPECT_EQ(f.p90.date, D(2026, 1, 9));
  EXPECT_EQ(f.mean.date, D(2026, 1, 9));
  EXPECT_EQ(f.p_on_time, 1.0);
  p.target = D(2026, 1, 8);
  EXPECT_EQ(RunOk(p, opt).p_on_time, 0.0);
  EXPECT_EQ(f.tasks[0].sensitivity, 0);
  EXPECT_EQ(f.tasks[0].criticality, 1);
}

model::Program FixedDurations(model::Program p) {
  for (auto& pr : p.projects) {
    for (auto& t : pr.tasks) {
      if (t.estimate) {
        t.duration = std::ceil(t.estimate->likely);
        t.estimate.reset();
      }
      if (t.actual_start && !t.actual_finish && !t.milestone) {
        // Remaining work is rounded up in the schedule only: keep it whole here.
        t.duration = 10;
        t.percent_complete = std::round(*t.percent_complete / 10) * 10;
      }
    }
  }
  return p;
}

TEST(Forecast, FixedDurationsEqualTheSchedule) {
  for (uint64_t seed = 1; seed <= 40; ++seed) {
    testing::GenerateOptions g;
    g.seed = seed;
    g.tasks = 30 + static_cast<int>(seed * 7 % 200);
    g.progress = seed % 2 == 0;
    g.registers = seed % 3 == 0;
    model::Program p = FixedDurations(testing::GenerateProgram(g));
    p.risks.clear();
    Schedule s = ComputeSchedule(p).value();
    ForecastOptions opt;
    opt.iterations = 70;
    Forecast f = RunOk(p, opt);
    SCOPED_TRACE(seed);
    EXPECT_EQ(f.p10.position, s.finish_position);
    EXPECT_EQ(f.p90.position, s.finish_position);
    EXPECT_EQ(f.mean.position, s.finish_position);
    EXPECT_EQ(f.p50.date, s.finish);
    for (size_t i = 0; i < s.tasks.size(); ++i) {
      ASSERT_EQ(f.tasks[i].criticality, s.tasks[i].critical ? 1.0 : 0.0) << i;
      ASSERT_EQ(f.tasks[i].sensitivity, 0.0);
    }
  }
}

TEST(Forecast, ProgressUsesUnroundedRemainingWork) {
  model::Program p = OneTask({10, 10, 10, model::Distribution::kUniform});
  p.status_date = D(2026, 1, 6);  // S = 2
  auto& t = p.projects[0].tasks[0];
  t.actual_start = D(2026, 1, 5);
  t.percent_complete = 75;  // remaining 2.5, not 3
  Forecast f = RunOk(p);
  EXPECT_DOUBLE_EQ(f.p50.position, 4.5);
  EXPECT_EQ(f.p50.date, D(2026, 1, 9));  // day(ceil(4.5) - 1) = day(4)
}

model::Program WithRisk(model::RiskStatus status) {
  model::Program p = OneTask({10, 10, 10, model::Distribution::kUniform});
  model::Risk r;
  r.id = "R-1";
  r.status = status;
  r.probability = 0.3;
  r.impact = model::RiskImpact{5.0, std::nullopt, {"a"}};
  r.residual = model::Residual{0.1, 1};
  p.risks.push_back(r);
  return p;
}

TEST(Forecast, RisksAddTheirImpact) {
  ForecastOptions opt;
  opt.iterations = 100000;
  Forecast f = RunOk(WithRisk(model::RiskStatus::kOpen), opt);
  EXPECT_EQ(f.p50.position, 10);
  EXPECT_EQ(f.p80.position, 15);
  EXPECT_NEAR(f.mean.position, 10 + 0.3 * 5, 0.05);
  EXPECT_GT(f.tasks[0].sensitivity, 0.99);  // the only source of variation
  Forecast mitigating = RunOk(WithRisk(model::RiskStatus::kMitigating), opt);
  EXPECT_NEAR(mitigating.mean.position, 10 + 0.1 * 5, 0.05);
  EXPECT_EQ(mitigating.p80.position, 10);
  Forecast closed = RunOk(WithRisk(model::RiskStatus::kClosed), opt);
  EXPECT_EQ(closed.p90.position, 10);
}

TEST(Forecast, ForcedRiskHappensInEveryIteration) {
  ForecastOptions opt;
  opt.iterations = 1000;
  opt.forced_risks = {"R-1"};
  Forecast f = RunOk(WithRisk(model::RiskStatus::kOpen), opt);
  EXPECT_EQ(f.p10.position, 15);
  EXPECT_EQ(f.mean.position, 15);
  opt.forced_risks = {"R-404"};
  auto bad = RunForecast(WithRisk(model::RiskStatus::kOpen), opt);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kNotFound);
}

TEST(Forecast, ForcedRiskNeverImprovesTheFinish) {
  testing::GenerateOptions g;
  g.seed = 5;
  g.tasks = 300;
  model::Program p = testing::GenerateProgram(g);
  ForecastOptions opt;
  opt.iterations = 500;
  Forecast before = RunOk(p, opt);
  for (const auto& r : p.risks) {
    opt.forced_risks = {r.id};
    Forecast after = RunOk(p, opt);
    EXPECT_GE(after.p80.position, before.p80.position) << r.id;
  }
}

TEST(Forecast, CriticalityAndSensitivity) {
  model::Program p;
  p.id = "p";
  p.name = "P";
  p.start = D(2026, 1, 5);
  model::Task a, b, c;
  a.id = "a";
  a.estimate = model::Estimate{10, 20, 40, model::Distribution::kTriangular};
  b.id = "b";
  b.duration = 5;  // parallel, short: never critical
  c.id = "c";
  c.duration = 3;
  c.depends = {{"a"}, {"b"}};
  p.projects.push_back({"core", "Core", "", {a, b, c}});
  ForecastOptions opt;
  opt.iterations = 5000;
  Forecast f = RunOk(p, opt);
  EXPECT_EQ(f.tasks[0].criticality, 1);
  EXPECT_EQ(f.tasks[1].criticality, 0);
  EXPECT_EQ(f.tasks[2].criticality, 1);
  EXPECT_NEAR(f.tasks[0].sensitivity, 1, 1e-9);
  EXPECT_EQ(f.tasks[1].sensitivity, 0);
}

void ExpectIdentical(const Forecast& a, const Forecast& b) {
  auto same = [](double x, double y) { return std::memcmp(&x, &y, sizeof x) == 0; };
  ASSERT_TRUE(same(a.p10.position, b.p10.position));
  ASSERT_TRUE(same(a.p50.position, b.p50.position));
  ASSERT_TRUE(same(a.p80.position, b.p80.position));
  ASSERT_TRUE(same(a.p90.position, b.p90.position));
  ASSERT_TRUE(same(a.mean.position, b.mean.position));
  ASSERT_EQ(a.p_on_time, b.p_on_time);
  ASSERT_EQ(a.tasks.size(), b.tasks.size());
  for (size_t i = 0; i < a.tasks.size(); ++i) {
    ASSERT_TRUE(same(a.tasks[i].criticality, b.tasks[i].criticality)) << i;
    ASSERT_TRUE(same(a.tasks[i].sensitivity, b.tasks[i].sensitivity)) << i;
  }
}

TEST(Forecast, ThreadCountDoesNotChangeTheNumbers) {
  for (uint64_t seed : {3, 11}) {
    testing::GenerateOptions g;
    g.seed = seed;
    g.tasks = 400;
    model::Program p = testing::GenerateProgram(g);
    ForecastOptions opt;
    opt.iterations = 1000;  // not a multiple of the chunk size
    opt.seed = 99;
    opt.threads = 1;
    Forecast one = RunOk(p, opt);
    opt.threads = 2;
    Forecast two = RunOk(p, opt);
    opt.threads = 8;
    Forecast eight = RunOk(p, opt);
    ExpectIdentical(one, two);
    ExpectIdentical(one, eight);
    ASSERT_TRUE(one.p_on_time.has_value());
  }
}

TEST(Forecast, SeedsMatter) {
  testing::GenerateOptions g;
  g.tasks = 200;
  model::Program p = testing::GenerateProgram(g);
  ForecastOptions opt;
  opt.iterations = 300;
  Forecast a = RunOk(p, opt), b = RunOk(p, opt);
  ExpectIdentical(a, b);
  opt.seed = 2;
  Forecast c = RunOk(p, opt);
  EXPECT_NE(a.mean.position, c.mean.position);
}

TEST(Forecast, ProgressCallbackAndCancel) {
  testing::GenerateOptions g;
  g.tasks = 100;
  model::Program p = testing::GenerateProgram(g);
  ForecastOptions opt;
  opt.iterations = 640;
  opt.threads = 2;
  std::vector<double> seen;
  opt.progress = [&](double x) { seen.push_back(x); };
  Forecast f = RunOk(p, opt);
  EXPECT_FALSE(f.cancelled);
  ASSERT_EQ(seen.size(), 10u);
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  EXPECT_EQ(seen.back(), 1.0);

  std::atomic<bool> cancel{true};
  opt.progress = nullptr;
  opt.cancel = &cancel;
  EXPECT_TRUE(RunOk(p, opt).cancelled);

  // Cancelled from the progress callback, mid-run.
  cancel = false;
  opt.progress = [&](double x) {
    if (x > 0.25) cancel = true;
  };
  EXPECT_TRUE(RunOk(p, opt).cancelled);
}

TEST(Forecast, BadIterations) {
  ForecastOptions opt;
  opt.iterations = 0;
  EXPECT_FALSE(RunForecast(OneTask({1, 2, 3, model::Distribution::kPert}), opt).ok());
}

}  // namespace
}  // namespace tpmkit::plan
