#include "tpmkit/report/scorecard_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tpmkit/report/register_fixture_test.h"

namespace tpmkit::report {
namespace {

using testing::ExpectGolden;
using testing::RegisterProgram;

// Latest (2026-06-01): 25*1 + 20*2 + 15*1 + 15*3 + 10*0 + 15*4 = 185 -> 46.25, moderate.
// Earlier (2026-03-01): 25*1 + 20*1 + 0 + 15*1 + 0 + 15*2 = 90 -> 22.5, low.
TEST(ScorecardReportTest, JsonKeysWithoutSuggestion) {
  const auto card = toolkit::ComputeScorecard(RegisterProgram());
  const auto j = nlohmann::json::parse(ScorecardJson(card, std::nullopt));
  for (const char* key : {"score", "band", "ratings", "trend", "suggested"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_DOUBLE_EQ(j["score"].get<double>(), 46.25);
  EXPECT_EQ(j["band"], "moderate");
  EXPECT_EQ(j["ratings"]["vendor"], 5);
  ASSERT_EQ(j["trend"].size(), 2u);
  EXPECT_EQ(j["trend"][0]["date"], "2026-03-01");
  EXPECT_DOUBLE_EQ(j["trend"][0]["score"].get<double>(), 22.5);
  EXPECT_TRUE(j["suggested"].is_null());
}

// Suggested with p_on_time 0.62 (3) and CPI 0.97 (2): alignment: key cfo (4, resistant),
// ops-lead (5), vp-sales (4): 4 / 13 = 0.3077 -> 3; vendor: R-01 open -> 1 -> 2;
// regulatory: done requirements + change_trail of 9 applicable = 22.2% -> 5;
// technical: R-05 alone, score 25 -> 5.
// 25*2 + 20*4 + 15*1 + 15*2 + 10*4 + 15*1 = 230 -> 57.5, high.
TEST(ScorecardReportTest, JsonWithSuggestion) {
  const auto p = RegisterProgram();
  const auto card = toolkit::ComputeScorecard(p);
  const auto sug = toolkit::SuggestRatings(p, toolkit::SuggestInputs{0.62, 0.97});
  const auto j = nlohmann::json::parse(ScorecardJson(card, sug));
  const auto& s = j["suggested"];
  for (const char* key : {"ratings", "score", "reasons"}) EXPECT_TRUE(s.contains(key)) << key;
  EXPECT_EQ(s["ratings"]["stakeholder_alignment"], 3);
  EXPECT_EQ(s["ratings"]["vendor"], 2);
  EXPECT_EQ(s["ratings"]["regulatory"], 5);
  EXPECT_EQ(s["ratings"]["technical_feasibility"], 5);
  EXPECT_EQ(s["ratings"]["schedule"], 3);
  EXPECT_EQ(s["ratings"]["budget"], 2);
  EXPECT_DOUBLE_EQ(s["score"].get<double>(), 57.5);
  EXPECT_EQ(s["band"], "high");
  EXPECT_EQ(s["reasons"].size(), 6u);
}

TEST(ScorecardReportTest, TextGolden) {
  const auto p = RegisterProgram();
  const auto card = toolkit::ComputeScorecard(p);
  const auto sug = toolkit::SuggestRatings(p, toolkit::SuggestInputs{0.62, std::nullopt});
  ExpectGolden("scorecard", ScorecardText(card, sug, {}));
}

TEST(ScorecardReportTest, NoAssessmentYet) {
  const auto card = toolkit::ComputeScorecard(model::Program{});
  EXPECT_EQ(ScorecardText(card, std::nullopt, {}),
            "Risk scorecard: no assessment has been recorded yet.\n");
  const auto j = nlohmann::json::parse(ScorecardJson(card, std::nullopt));
  EXPECT_TRUE(j["score"].is_null());
  EXPECT_TRUE(j["band"].is_null());
  EXPECT_TRUE(j["trend"].empty());
}

}  // namespace
}  // namespace tpmkit::report
