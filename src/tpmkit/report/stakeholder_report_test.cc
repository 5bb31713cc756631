#include "tpmkit/report/stakeholder_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tpmkit/report/register_fixture_test.h"

namespace tpmkit::report {
namespace {

using testing::D;
using testing::ExpectGolden;
using testing::RegisterProgram;

// As of 2026-06-15 the order is cfo (4x5 = 20, resistant), ops-lead (5x4 = 20, supportive),
// auditor (2x4 = 8, neutral), vp-sales (4x2 = 8, neutral; id after auditor), dev (1).
TEST(StakeholderReportTest, GridGolden) {
  const auto m = toolkit::ComputeStakeholderMatrix(RegisterProgram(), D(2026, 6, 15));
  ExpectGolden("stakeholder_grid", StakeholderGridText(m, {}));
}

TEST(StakeholderReportTest, TableGolden) {
  const auto m = toolkit::ComputeStakeholderMatrix(RegisterProgram(), D(2026, 6, 15));
  ExpectGolden("stakeholder_table", StakeholderTableText(m, {}));
}

// cfo: last 06-01 + 7 = 06-08, overdue 7 days; ops-lead: 06-10 + 7 = 06-17;
// auditor: own cadence 21, 06-01 + 21 = 06-22; vp-sales: never contacted;
// dev: 06-01 + 30 = 07-01.
TEST(StakeholderReportTest, CommunicationPlanGolden) {
  const auto plan = toolkit::ComputeCommunicationPlan(RegisterProgram(), D(2026, 6, 15));
  ExpectGolden("communication_plan", CommunicationPlanText(plan, {}));
}

TEST(StakeholderReportTest, JsonKeys) {
  const auto p = RegisterProgram();
  const auto m = toolkit::ComputeStakeholderMatrix(p, D(2026, 6, 15));
  auto j = nlohmann::json::parse(StakeholdersJson(m, std::nullopt));
  ASSERT_EQ(j["stakeholders"].size(), 5u);
  for (const auto& s : j["stakeholders"]) {
    for (const char* key : {"id", "name", "quadrant", "priority", "next_contact", "overdue"}) {
      EXPECT_TRUE(s.contains(key)) << key;
    }
  }
  EXPECT_EQ(j["stakeholders"][0]["id"], "cfo");
  EXPECT_EQ(j["stakeholders"][0]["quadrant"], "manage_closely");
  EXPECT_EQ(j["stakeholders"][0]["priority"], 20);
  EXPECT_EQ(j["stakeholders"][0]["next_contact"], "2026-06-08");
  EXPECT_EQ(j["stakeholders"][0]["overdue"], true);
  EXPECT_TRUE(j["stakeholders"][3]["next_contact"].is_null());  // vp-sales, never contacted
  EXPECT_EQ(j["stakeholders"][3]["overdue"], true);
  EXPECT_TRUE(j["communication_plan"].is_null());

  const auto plan = toolkit::ComputeCommunicationPlan(p, D(2026, 6, 15));
  j = nlohmann::json::parse(StakeholdersJson(m, plan));
  ASSERT_EQ(j["communication_plan"].size(), 5u);
  EXPECT_EQ(j["communication_plan"][0]["stakeholder"], "cfo");
  EXPECT_EQ(j["communication_plan"][0]["contact_on"], "2026-06-15");
  EXPECT_EQ(j["communication_plan"][0]["topics"][0]["kind"], "risk");
}

}  // namespace
}  // namespace tpmkit::report
