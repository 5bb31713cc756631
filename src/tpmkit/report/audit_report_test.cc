#include "tpmkit/report/audit_report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tpmkit/report/register_fixture_test.h"

namespace tpmkit::report {
namespace {

using testing::D;
using testing::ExpectGolden;
using testing::RegisterProgram;

toolkit::AuditInputs Inputs() {
  toolkit::AuditInputs in;
  in.as_of = D(2026, 6, 15);
  in.file_sha256 = std::map<std::string, std::string>{{"docs/requirements-v3.pdf", "9f2c"}};
  return in;
}

// Ten defaults; privacy not applicable -> 9 applicable; done: requirements, change_trail
// -> 100 * 2 / 9 = 22.2%. training was due 2026-05-31: 15 days overdue. change_trail is
// done without evidence: unsupported.
TEST(AuditReportTest, ChecklistGolden) {
  const auto a = toolkit::ComputeAuditReadiness(RegisterProgram(), Inputs());
  ExpectGolden("audit_checklist", AuditText(a, {}));
}

TEST(AuditReportTest, JsonKeys) {
  const auto a = toolkit::ComputeAuditReadiness(RegisterProgram(), Inputs());
  const auto j = nlohmann::json::parse(AuditJson(a));
  for (const char* key : {"readiness", "items", "gaps", "automatic"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_NEAR(j["readiness"].get<double>(), 200.0 / 9.0, 1e-9);
  ASSERT_EQ(j["items"].size(), 10u);
  for (const auto& item : j["items"]) {
    for (const char* key : {"id", "status", "unsupported", "overdue", "evidence"}) {
      EXPECT_TRUE(item.contains(key)) << key;
    }
  }
  const auto& req = j["items"][0];
  EXPECT_EQ(req["id"], "requirements");
  EXPECT_EQ(req["evidence"][0]["ref"], "docs/requirements-v3.pdf");
  EXPECT_EQ(req["evidence"][0]["state"], "verified");
  EXPECT_EQ(req["evidence"][1]["state"], "linked");
  EXPECT_EQ(j["items"][1]["unsupported"], true);  // change_trail
  EXPECT_EQ(j["items"][5]["overdue"], true);      // training
  EXPECT_TRUE(j["items"][9]["due"].is_null());
  ASSERT_EQ(j["automatic"].size(), 4u);
  EXPECT_TRUE(j["automatic"][0]["ok"].is_null());  // change_trail: no trail checked
  EXPECT_EQ(j["automatic"][3]["ok"], true);        // sponsor set
  EXPECT_FALSE(j["gaps"].empty());
  EXPECT_TRUE(j["gaps"][0].contains("text"));
}

TEST(AuditReportTest, NothingApplicable) {
  model::Program p;
  p.audit = model::Audit{};
  for (const auto& id : model::DefaultAuditItemIds()) {
    model::AuditItem it;
    it.id = id;
    it.status = model::AuditStatus::kNotApplicable;
    p.audit->items.push_back(it);
  }
  const auto a = toolkit::ComputeAuditReadiness(p, toolkit::AuditInputs{D(2026, 1, 1), {}, {}, {}});
  EXPECT_TRUE(nlohmann::json::parse(AuditJson(a))["readiness"].is_null());
  EXPECT_EQ(AuditText(a, {}).rfind("Audit readiness as of 2026-01-01: undefined", 0), 0u);
}

}  // namespace
}  // namespace tpmkit::report
