// The status report, its snapshots and the portfolio against an in-memory workspace holding
// examples/phoenix.yaml (status date 2026-06-15).
#include "tpmkit/app/status_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/risk_cases.h"
#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

ProgramStatusRequest Request(std::optional<Date> as_of = std::nullopt, bool snapshot = false) {
  ProgramStatusRequest r;
  r.as_of = as_of;
  r.forecast.iterations = 500;
  r.snapshot = snapshot;
  return r;
}

TEST(StatusCasesTest, TheHeadlineFiguresAreTheOnesTheOtherCommandsReport) {
  TestEnv f(kNow, kPhoenixFile);
  auto r = ProgramStatus(f.env, Request());
  ASSERT_TRUE(r.ok()) << r.error().message;
  const auto& s = r->status;
  EXPECT_EQ(s.as_of.ToString(), "2026-06-15");
  EXPECT_EQ(s.now.p80, s.forecast.p80.date);
  EXPECT_EQ(s.now.finish, s.schedule.finish);
  EXPECT_DOUBLE_EQ(s.now.budget, 2'400'000);
  EXPECT_DOUBLE_EQ(s.now.bac, 2'210'000);
  EXPECT_EQ(s.now.eac, s.evm.eac);
  // The budget not committed to planned work or approved changes (changes' own figure).
  EXPECT_DOUBLE_EQ(s.now.contingency_left, s.budget.remaining.ToDouble());
  EXPECT_EQ(s.health.areas.size(), 6u);
  EXPECT_EQ(s.now.health, s.health.overall);
  EXPECT_TRUE(s.has_history);
  EXPECT_FALSE(s.previous);
  EXPECT_FALSE(s.snapshot_taken);
}

TEST(StatusCasesTest, SnapshotsGiveThePreviousWeekAndAreAuditedWithoutBreakingVerify) {
  TestEnv f(kNow, kPhoenixFile);
  auto first = ProgramStatus(f.env, Request(Date::Parse("2026-06-08"), true));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_TRUE(first->status.snapshot_taken);
  EXPECT_EQ(f.Audit()[0].change.entity, "snapshot");
  EXPECT_EQ(f.Audit()[0].change.entity_id, "2026-06-08");

  RiskPatch patch;
  patch.probability = 0.9;
  ASSERT_TRUE(UpdateRisk(f.env, {std::nullopt, "R-07", patch}).ok());
  auto second = ProgramStatus(f.env, Request(std::nullopt, true));
  ASSERT_TRUE(second.ok()) << second.error().message;
  const auto& s = second->status;
  ASSERT_TRUE(s.previous);
  EXPECT_EQ(s.previous->as_of.ToString(), "2026-06-08");
  EXPECT_EQ(s.previous->p80, first->status.now.p80);
  ASSERT_EQ(s.history.size(), 2u);
  EXPECT_GT(s.now.risk_scores.at("R-07"), s.previous->risk_scores.at("R-07"));
  // The risk edit is what changed since the first snapshot.
  ASSERT_EQ(s.changes_total, 1u);
  EXPECT_EQ(s.changes[0].entity, "risk");
  EXPECT_EQ(s.changes[0].entity_id, "R-07");

  // Taking it again the same day updates it; the trail still verifies.
  ASSERT_TRUE(ProgramStatus(f.env, Request(std::nullopt, true)).ok());
  auto verified = VerifyTrail(f.env, {});
  ASSERT_TRUE(verified.ok());
  EXPECT_TRUE(verified->ok) << verified->reason;
  EXPECT_TRUE(verified->differences.empty());
}

TEST(StatusCasesTest, SnapshotFiguresReadBackAsTheyWereWritten) {
  toolkit::StatusFigures f;
  f.as_of = *Date::Parse("2026-06-15");
  f.target = Date::Parse("2026-09-30");
  f.p80 = Date::Parse("2026-10-12");
  f.p_on_time = 0.358;
  f.p80_slip = 8;
  f.budget = 2'400'000;
  f.eac = 2'343'361.7;
  f.cpi = 0.9431;
  f.active_risks = 10;
  f.health = toolkit::Rag::kAmber;
  f.risk_scores = {{"R-07", 16}, {"R-05", 15}};
  const store::SnapshotRecord record = ToSnapshot("phoenix", f);
  EXPECT_EQ(record.taken_on, "2026-06-15");
  const toolkit::StatusFigures back = FromSnapshot(record);
  EXPECT_EQ(ToSnapshot("phoenix", back), record);
  EXPECT_EQ(back.p80, f.p80);
  EXPECT_EQ(back.eac, f.eac);
  EXPECT_EQ(back.health, f.health);
  EXPECT_EQ(back.risk_scores, f.risk_scores);
}

TEST(StatusCasesTest, ASnapshotOfAFileIsAUsageError) {
  TestEnv f(kNow);
  ProgramStatusRequest r = Request(std::nullopt, true);
  r.source.file = std::string(kPhoenixFile);
  auto status = ProgramStatus(f.env, r);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kUsage);
}

TEST(StatusCasesTest, ThePortfolioHoldsEveryProgramWithItsFigures) {
  TestEnv f(kNow, kPhoenixFile);
  PortfolioRequest request;
  request.forecast.iterations = 300;
  auto r = Portfolio(f.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->programs.size(), 1u);
  EXPECT_EQ(r->programs[0].id, "phoenix");
  ASSERT_TRUE(r->programs[0].figures);
  EXPECT_TRUE(r->programs[0].figures->p80);
  request.only = std::vector<std::string>{};
  auto none = Portfolio(f.env, request);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->programs.empty());
}

}  // namespace
}  // namespace tpmkit::app
