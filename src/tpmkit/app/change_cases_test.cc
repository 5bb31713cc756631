// Change control as use cases: a fixed clock, an in-memory workspace holding
// examples/phoenix.yaml (status date 2026-06-15; CR-01 implemented, CR-02 approved, CR-03
// proposed with tasks to add, CR-04 rejected). ctest runs from the source folder.
#include "tpmkit/app/change_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

const Date kStatusDate = Date::FromYmd(2026, 6, 15);
const Date kToday = Date::FromYmd(2026, 6, 20);

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

DecideChangeRequest Approve(std::string id) {
  DecideChangeRequest r;
  r.change_id = std::move(id);
  r.decision = model::ApprovalDecision::kApproved;
  r.by = "Dana Lee";
  r.note = "Funded from contingency";
  return r;
}

TEST(ChangeCasesTest, ListsTheChangesWithTheMoneyPosition) {
  TestEnv w(kNow, kPhoenixFile);
  auto r = ListChanges(w.env, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->loaded.program.changes.size(), 4u);
  EXPECT_DOUBLE_EQ(r->money.contingency_left.ToDouble(), 145000);
  EXPECT_DOUBLE_EQ(r->money.approved_changes.ToDouble(), 45000);
  EXPECT_DOUBLE_EQ(r->money.contingency.ToDouble(), 190000);
  // EAC 2,343,362 (BAC / CPI) plus the 45,000 of CR-02 leaves about 11,638 of headroom.
  ASSERT_TRUE(r->money.eac.has_value());
  EXPECT_NEAR(r->money.forecast_final_cost, *r->money.eac + 45000, 1e-6);
  EXPECT_NEAR(r->money.headroom, 11638, 1);
}

TEST(ChangeCasesTest, ApprovalIsDatedOnWhenGiven) {
  TestEnv w(kNow, kPhoenixFile);
  auto request = Approve("CR-03");
  request.on = Date::FromYmd(2026, 6, 16);
  request.as_of = Date::FromYmd(2026, 6, 17);
  auto r = DecideChange(w.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->approval.on, Date::FromYmd(2026, 6, 16));
  EXPECT_EQ(r->status, model::ChangeStatus::kApproved);
  EXPECT_EQ(r->applied.changed, 1u);
  const auto p = w.Program();
  const auto c = FindById(p.changes, "CR-03");
  EXPECT_EQ(c.status, model::ChangeStatus::kApproved);
  ASSERT_EQ(c.approvals.size(), 1u);
  EXPECT_EQ(c.approvals.back().on, Date::FromYmd(2026, 6, 16));
  EXPECT_EQ(c.approvals.back().by, "Dana Lee");
}

TEST(ChangeCasesTest, ApprovalIsDatedTheDateInForce) {
  TestEnv w(kNow, kPhoenixFile);
  auto as_of = Approve("CR-03");
  as_of.as_of = Date::FromYmd(2026, 6, 17);
  auto r = DecideChange(w.env, as_of);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->approval.on, Date::FromYmd(2026, 6, 17));

  auto second = DecideChange(w.env, Approve("CR-03"));
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->approval.on, kStatusDate);

  w.ClearStatusDate();
  auto third = DecideChange(w.env, Approve("CR-03"));
  ASSERT_TRUE(third.ok()) << third.error().message;
  EXPECT_EQ(third->approval.on, kToday);
  EXPECT_EQ(FindById(w.Program().changes, "CR-03").approvals.size(), 3u);
}

TEST(ChangeCasesTest, RejectionOverturnsAnApproval) {
  TestEnv w(kNow, kPhoenixFile);
  ASSERT_TRUE(DecideChange(w.env, Approve("CR-03")).ok());
  auto reject = Approve("CR-03");
  reject.decision = model::ApprovalDecision::kRejected;
  auto r = DecideChange(w.env, reject);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->status, model::ChangeStatus::kRejected);
  EXPECT_EQ(FindById(w.Program().changes, "CR-03").status, model::ChangeStatus::kRejected);
}

TEST(ChangeCasesTest, RefusedEditsChangeNothing) {
  TestEnv w(kNow, kPhoenixFile);
  const model::Program before = w.Program();

  auto unknown = DecideChange(w.env, Approve("CR-99"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  auto nobody = Approve("CR-03");
  nobody.by.clear();
  auto without_by = DecideChange(w.env, nobody);
  ASSERT_FALSE(without_by.ok());
  EXPECT_EQ(without_by.error().code, ErrorCode::kUsage);

  auto rejected = Approve("CR-04");  // rejected already: no more decisions
  auto r = DecideChange(w.env, rejected);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kConflict);

  auto proposed = ImplementChange(w.env, {std::nullopt, "CR-03"});
  ASSERT_FALSE(proposed.ok());
  EXPECT_EQ(proposed.error().code, ErrorCode::kConflict);
  EXPECT_EQ(proposed.error().message,
            "change CR-03 is proposed; only an approved change can be implemented");

  EXPECT_EQ(w.Program(), before);
}

TEST(ChangeCasesTest, ImplementAddsTheApprovedChangesTasks) {
  TestEnv w(kNow, kPhoenixFile);
  const model::Program before = w.Program();
  const size_t added = FindById(before.changes, "CR-03").adds_tasks.size();
  ASSERT_GT(added, 0u);
  ASSERT_TRUE(DecideChange(w.env, Approve("CR-03")).ok());
  auto r = ImplementChange(w.env, {std::nullopt, "CR-03"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->tasks_added, added);
  EXPECT_GE(r->applied.changed, 2u);  // the change and the added tasks
  const auto p = w.Program();
  EXPECT_EQ(p.TaskCount(), before.TaskCount() + added);
  EXPECT_EQ(FindById(p.changes, "CR-03").status, model::ChangeStatus::kImplemented);
}

TEST(ChangeCasesTest, AssessmentSimulatesAsOfTheDateInForce) {
  TestEnv w(kNow, kPhoenixFile);
  AssessChangeRequest request;
  request.change_id = "CR-03";
  request.iterations = 200;
  auto r = AssessChange(w.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->as_of, kStatusDate);
  EXPECT_EQ(r->assessment.id, "CR-03");
  EXPECT_EQ(r->iterations, 200);
  EXPECT_EQ(r->seed, 1u);

  w.ClearStatusDate();
  auto today = AssessChange(w.env, request);
  ASSERT_TRUE(today.ok()) << today.error().message;
  EXPECT_EQ(today->as_of, kToday);
}

TEST(ChangeCasesTest, AssessmentRefusesBadRequests) {
  TestEnv w(kNow, kPhoenixFile);
  AssessChangeRequest request;
  request.change_id = "CR-03";
  request.iterations = 0;
  auto zero = AssessChange(w.env, request);
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().code, ErrorCode::kUsage);
  request.iterations = 100;
  request.change_id = "CR-99";
  auto unknown = AssessChange(w.env, request);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().message, "no change request 'CR-99' in program phoenix");
}

}  // namespace
}  // namespace tpmkit::app
