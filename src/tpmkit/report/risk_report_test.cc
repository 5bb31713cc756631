#include "tpmkit/report/risk_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tpmkit/report/register_fixture_test.h"

namespace tpmkit::report {
namespace {

using testing::ExpectGolden;
using testing::RegisterProgram;

TEST(RiskReportTest, HeatmapGolden) {
  // Open or mitigating: R-01 (0.4 -> 3, severity 4), R-02 (0.2 -> 2, 3), R-03 (0.6 -> 4, 2),
  // R-05 (0.8 -> 5, 5); R-04 is closed. Rows 5..1 from the top, severity 1..5 across.
  const auto reg = toolkit::ComputeRiskRegister(RegisterProgram());
  ExpectGolden("risk_heatmap", RiskHeatmapText(reg.heatmap, {}));
}

TEST(RiskReportTest, RegisterGolden) {
  const auto reg = toolkit::ComputeRiskRegister(RegisterProgram());
  ExpectGolden("risk_register", RiskRegisterText(reg, "USD", {}));
}

TEST(RiskReportTest, HeatmapWidensForLargeCounts) {
  toolkit::Heatmap h{};
  h[0][0] = 123;
  const auto text = RiskHeatmapText(h, {});
  EXPECT_NE(text.find("likelihood 5  |   . |   . |"), std::string::npos) << text;
  EXPECT_NE(text.find("\n           1  | 123 |"), std::string::npos) << text;
}

TEST(RiskReportTest, ColourOnlyWhenAsked) {
  const auto reg = toolkit::ComputeRiskRegister(RegisterProgram());
  EXPECT_EQ(RiskRegisterText(reg, "USD", {}).find('\x1b'), std::string::npos);
  const auto coloured = RiskHeatmapText(reg.heatmap, {.color = true});
  // R-05 sits at likelihood 5 x severity 5 = 25: red.
  EXPECT_NE(coloured.find("\x1b[31m1\x1b[0m"), std::string::npos);
  // R-02 at 2 x 3 = 6: yellow.
  EXPECT_NE(coloured.find("\x1b[33m1\x1b[0m"), std::string::npos);
}

TEST(RiskReportTest, JsonKeysAndValues) {
  const auto reg = toolkit::ComputeRiskRegister(RegisterProgram());
  const auto j = nlohmann::json::parse(RiskRegisterJson(reg));
  ASSERT_TRUE(j.contains("risks"));
  ASSERT_EQ(j["risks"].size(), 5u);
  for (const auto& r : j["risks"]) {
    for (const char* key : {"id", "title", "category", "owner", "status", "likelihood", "severity",
                            "score", "residual_score", "exposure_cost", "exposure_days"}) {
      EXPECT_TRUE(r.contains(key)) << key;
    }
  }
  // Order: R-05 (25), R-04 (5 x 5 = 25, closed; exposure 0 both -> id), R-01 (12),
  // R-03 (8), R-02 (6).
  std::vector<std::string> ids;
  for (const auto& r : j["risks"]) ids.push_back(r["id"]);
  EXPECT_EQ(ids, (std::vector<std::string>{"R-04", "R-05", "R-01", "R-03", "R-02"}));
  const auto& r01 = j["risks"][2];
  EXPECT_EQ(r01["score"], 12);
  EXPECT_EQ(r01["residual_score"], 6);  // 0.15 -> 2, x 3
  EXPECT_DOUBLE_EQ(r01["exposure_cost"].get<double>(), 32000.0);
  EXPECT_DOUBLE_EQ(r01["exposure_days"].get<double>(), 4.0);
  EXPECT_TRUE(j["risks"][4]["exposure_days"].is_null());  // R-02 states no schedule
  EXPECT_TRUE(j["risks"][4]["owner"].is_null());
  EXPECT_TRUE(j["risks"][0]["residual_score"].is_null());
  ASSERT_EQ(j["heatmap"].size(), 5u);
  EXPECT_EQ(j["heatmap"][4][4], 1);
  EXPECT_EQ(j["heatmap"][2][3], 1);
  EXPECT_EQ(j["heatmap"][1][2], 1);
  EXPECT_EQ(j["heatmap"][3][1], 1);
  int total = 0;
  for (const auto& row : j["heatmap"]) {
    ASSERT_EQ(row.size(), 5u);
    for (const auto& v : row) total += v.get<int>();
  }
  EXPECT_EQ(total, 4);
}

}  // namespace
}  // namespace tpmkit::report
