// The risk use cases against an in-memory workspace holding examples/phoenix.yaml, with a
// fixed clock (ctest runs from the source folder).
#include "tpmkit/app/risk_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

RiskPatch NewVendorRisk() {
  RiskPatch f;
  f.title = "Vendor API rate limits";
  f.category = "vendor";
  f.owner = "Priya Shah";
  f.probability = 0.3;
  f.severity = 4;
  return f;
}

TEST(RiskCasesTest, AddUpdateCloseEachWriteOneAuditEntry) {
  TestEnv f(kNow, kPhoenixFile);
  const size_t before = f.Audit().size();

  auto added = AddRisk(f.env, {std::nullopt, "R-20", NewVendorRisk()});
  ASSERT_TRUE(added.ok()) << added.error().message;
  EXPECT_EQ(added->program, "phoenix");
  EXPECT_EQ(added->risk, "R-20");
  EXPECT_EQ(added->changed, 1u);
  auto audit = f.Audit();
  ASSERT_EQ(audit.size(), before + 1);
  EXPECT_EQ(audit[0].actor, "tester");
  EXPECT_EQ(audit[0].at, "2026-06-20T09:00:00Z");
  EXPECT_EQ(audit[0].change.entity, "risk");
  EXPECT_EQ(audit[0].change.entity_id, "R-20");
  EXPECT_EQ(audit[0].change.action, model::ChangeAction::kCreate);

  RiskPatch patch;
  patch.probability = 0.5;
  patch.impact_schedule = 5;
  patch.impact_tasks = std::vector<std::string>{"iam-sso"};
  patch.status = ParseRiskStatus("mitigating");
  auto updated = UpdateRisk(f.env, {"phoenix", "R-20", patch});
  ASSERT_TRUE(updated.ok()) << updated.error().message;
  EXPECT_EQ(updated->changed, 1u);
  audit = f.Audit();
  ASSERT_EQ(audit.size(), before + 2);
  EXPECT_EQ(audit[0].change.action, model::ChangeAction::kUpdate);
  const model::Program p = f.Program();
  const model::Risk r = FindById(p.risks, "R-20");
  EXPECT_EQ(r.title, "Vendor API rate limits");  // untouched by the update
  EXPECT_DOUBLE_EQ(r.probability, 0.5);
  EXPECT_EQ(r.status, model::RiskStatus::kMitigating);
  ASSERT_TRUE(r.impact.has_value());
  EXPECT_EQ(r.impact->schedule, 5.0);
  EXPECT_EQ(r.impact->tasks, std::vector<std::string>{"iam-sso"});

  // The same values again: nothing changes, no entry.
  auto same = UpdateRisk(f.env, {std::nullopt, "R-20", patch});
  ASSERT_TRUE(same.ok()) << same.error().message;
  EXPECT_EQ(same->changed, 0u);
  EXPECT_EQ(f.Audit().size(), before + 2);

  auto closed = CloseRisk(f.env, {std::nullopt, "R-20"});
  ASSERT_TRUE(closed.ok()) << closed.error().message;
  EXPECT_EQ(closed->changed, 1u);
  EXPECT_EQ(FindById(f.Program().risks, "R-20").status, model::RiskStatus::kClosed);
  auto again = CloseRisk(f.env, {std::nullopt, "R-20"});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->changed, 0u);
  EXPECT_EQ(f.Audit().size(), before + 3);
}

TEST(RiskCasesTest, ABadValueOrIdChangesNothing) {
  TestEnv f(kNow, kPhoenixFile);
  const model::Program before = f.Program();
  const size_t entries = f.Audit().size();

  RiskPatch bad;
  bad.probability = 2;
  auto invalid = UpdateRisk(f.env, {std::nullopt, "R-01", bad});
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().code, ErrorCode::kInvalidInput);
  ASSERT_FALSE(invalid.error().diagnostics.empty());
  EXPECT_NE(invalid.error().diagnostics[0].message.find("probability"), std::string::npos);

  auto unknown = UpdateRisk(f.env, {std::nullopt, "R-99", NewVendorRisk()});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(unknown.error().message, "no risk R-99 in program phoenix");

  auto twice = AddRisk(f.env, {std::nullopt, "R-01", NewVendorRisk()});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().message, "risk R-01 already exists in program phoenix");

  RiskPatch weather = NewVendorRisk();
  weather.category = "weather";
  EXPECT_FALSE(AddRisk(f.env, {std::nullopt, "R-21", weather}).ok());

  EXPECT_FALSE(CloseRisk(f.env, {std::nullopt, "R-404"}).ok());
  EXPECT_FALSE(
      AssessScorecard(f.env, {std::nullopt, std::nullopt, {{"nosuch", 3}}, "Ana", ""}).ok());

  EXPECT_EQ(f.Program(), before);
  EXPECT_EQ(f.Audit().size(), entries);
}

TEST(RiskCasesTest, AssessIsDatedTheDateInForce) {
  TestEnv f(kNow, kPhoenixFile);
  // No --as-of: phoenix's status_date (2026-06-15), not the clock's 2026-06-20.
  auto a = AssessScorecard(f.env, {std::nullopt,
                                   std::nullopt,
                                   {{"schedule", 2}},
                                   "Priya Shah",
                                   "Vendor sandbox slipped twice"});
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_EQ(a->date, *Date::Parse("2026-06-15"));
  EXPECT_EQ(a->applied.program, "phoenix");
  EXPECT_EQ(a->applied.changed, 1u);
  EXPECT_EQ(f.Audit()[0].change.entity, "assessment");
  ASSERT_TRUE(a->scorecard.date.has_value());
  EXPECT_EQ(*a->scorecard.date, *Date::Parse("2026-06-15"));
  ASSERT_TRUE(a->scorecard.score.has_value());
  EXPECT_DOUBLE_EQ(*a->scorecard.score, 25.0);  // schedule rated 2 alone: (2-1)/4 * 100

  auto later = AssessScorecard(
      f.env, {"phoenix", *Date::Parse("2026-06-21"), {{"vendor", 5}}, "Priya Shah", ""});
  ASSERT_TRUE(later.ok()) << later.error().message;
  EXPECT_EQ(later->date, *Date::Parse("2026-06-21"));
  auto shown = ShowScorecard(f.env, {{std::nullopt, std::string("phoenix")}, std::nullopt});
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  EXPECT_EQ(shown->scorecard.by, "Priya Shah");
  EXPECT_EQ(*shown->scorecard.date, *Date::Parse("2026-06-21"));
  EXPECT_FALSE(shown->suggested.has_value());
}

TEST(RiskCasesTest, ScorecardSuggestsAndRisksListTheRegister) {
  TestEnv f(kNow, kPhoenixFile);
  ShowScorecardRequest request;
  request.source.file = "examples/phoenix.yaml";
  request.suggest = true;
  request.iterations = 200;
  auto shown = ShowScorecard(f.env, request);
  ASSERT_TRUE(shown.ok()) << shown.error().message;
  ASSERT_TRUE(shown->suggested.has_value());
  EXPECT_EQ(shown->suggested->items.size(), shown->scorecard.criteria.size());

  auto listed = ListRisks(f.env, {{std::nullopt, std::nullopt}});
  ASSERT_TRUE(listed.ok()) << listed.error().message;
  EXPECT_EQ(listed->risks.risks.size(), 13u);
  EXPECT_EQ(listed->risks.active, 10);
  EXPECT_EQ(listed->risks.risks[0].id, "R-07");
}

TEST(RiskCasesTest, RiskStatusNames) {
  EXPECT_EQ(ParseRiskStatus("open"), model::RiskStatus::kOpen);
  EXPECT_EQ(ParseRiskStatus("realized"), model::RiskStatus::kRealized);
  EXPECT_EQ(ParseRiskStatus("gone"), std::nullopt);
}

}  // namespace
}  // namespace tpmkit::app
