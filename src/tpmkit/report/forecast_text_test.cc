#include "tpmkit/report/forecast_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace tpmkit::report {
namespace {

model::Program Sample() {
  model::Program p;
  p.id = "demo";
  p.name = "Demo";
  p.start = Date::FromYmd(2026, 1, 5);
  p.target = Date::FromYmd(2026, 2, 6);
  model::Task a, b, c;
  a.id = "design";
  a.estimate = model::Estimate{5, 8, 15, model::Distribution::kPert};
  b.id = "build";
  b.estimate = model::Estimate{10, 12, 25, model::Distribution::kTriangular};
  b.depends = {{"design"}};
  c.id = "docs";
  c.duration = 3;
  p.projects.push_back({"core", "Core", "", {a, b, c}});
  return p;
}

TEST(ForecastText, TextShowsPercentilesTargetAndTornados) {
  model::Program p = Sample();
  plan::ForecastOptions o;
  o.iterations = 2000;
  plan::Forecast f = plan::RunForecast(p, o).value();
  std::string text = ForecastText(p, f);
  EXPECT_NE(text.find("p80"), std::string::npos) << text;
  if (std::getenv("TPMKIT_SHOW")) std::fputs(text.c_str(), stdout);
  EXPECT_NE(text.find("Chance of finishing by the target 2026-02-06"), std::string::npos);
  EXPECT_NE(text.find("Most critical tasks"), std::string::npos);
  EXPECT_NE(text.find("Most sensitive tasks"), std::string::npos);
  EXPECT_NE(text.find("design"), std::string::npos);
  EXPECT_NE(text.find("100.0 % #"), std::string::npos);  // design and build always critical
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  EXPECT_NE(ForecastText(p, f, {.color = true}).find("\x1b["), std::string::npos);
}

TEST(ForecastText, JsonHasTheKeysOfTheSpec) {
  model::Program p = Sample();
  plan::ForecastOptions o;
  o.iterations = 500;
  o.seed = 7;
  plan::Forecast f = plan::RunForecast(p, o).value();
  auto j = nlohmann::json::parse(ForecastJson(p, f));
  EXPECT_EQ(j["iterations"], 500);
  EXPECT_EQ(j["seed"], 7);
  EXPECT_EQ(j["target"], "2026-02-06");
  EXPECT_TRUE(j["p_on_time"].is_number());
  for (const char* key : {"p10", "p50", "p80", "p90", "mean"}) {
    EXPECT_TRUE(j["finish"][key].is_string()) << key;
  }
  ASSERT_EQ(j["tasks"].size(), 3u);
  EXPECT_EQ(j["tasks"][2]["id"], "docs");
  EXPECT_EQ(j["tasks"][2]["sensitivity"], 0.0);
  p.target.reset();
  f = plan::RunForecast(p, o).value();
  j = nlohmann::json::parse(ForecastJson(p, f));
  EXPECT_TRUE(j["target"].is_null());
  EXPECT_TRUE(j["p_on_time"].is_null());
}

}  // namespace
}  // namespace tpmkit::report
