#include "tpmkit/toolkit/change_control.h"

#include <gtest/gtest.h>

#include "tpmkit/plan/schedule.h"

namespace tpmkit::toolkit {
namespace {

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }
Money U(int64_t units) { return Money::FromCents(units * 100); }

model::Task T(const std::string& id, double days, int64_t cost,
              std::vector<std::string> deps = {}) {
  model::Task t;
  t.id = id;
  t.name = "Task " + id;
  t.duration = days;
  t.cost = U(cost);
  for (auto& d : deps) t.depends.push_back({d, model::LinkType::kFS, 0});
  return t;
}

model::Program Program() {
  model::Program p;
  p.id = "p";
  p.name = "P";
  p.start = D(2026, 1, 5);
  p.target = D(2026, 3, 31);
  p.budget = U(1000);
  p.projects.push_back({"one", "One", "", {T("a", 10, 300), T("b", 5, 200, {"a"})}});
  p.projects.push_back({"two", "Two", "", {T("c", 3, 100)}});
  model::Change approved;
  approved.id = "CR-1";
  approved.title = "Approved";
  approved.status = model::ChangeStatus::kApproved;
  approved.impact = model::ChangeImpact{2.0, U(150)};
  model::Change proposed;
  proposed.id = "CR-2";
  proposed.title = "Partner SSO";
  proposed.requested_by = "Marcus Reid";
  proposed.adds_tasks = {T("sso", 4, 80, {"b"}), T("sso-2", 2, 20, {"sso"})};
  model::Change no_tasks;
  no_tasks.id = "CR-3";
  no_tasks.title = "Rounding";
  no_tasks.impact = model::ChangeImpact{3.0, std::nullopt};
  p.changes = {approved, proposed, no_tasks};
  p.targets = model::Targets{};
  p.targets->p_on_time = 0.8;
  return p;
}

TEST(ChangeControl, CostIsImpactCostElseSumOfAddedTasks) {
  auto p = Program();
  EXPECT_EQ(ChangeCost(p.changes[0]), U(150));
  EXPECT_EQ(ChangeCost(p.changes[1]), U(100));
  EXPECT_EQ(ChangeCost(p.changes[2]), U(0));
}

TEST(ChangeControl, RemainingBudgetSubtractsPlannedWorkAndApprovedChanges) {
  auto b = ComputeBudgetPosition(Program());
  EXPECT_EQ(b.budget, U(1000));
  EXPECT_EQ(b.planned, U(600));
  EXPECT_EQ(b.approved_changes, U(150));
  EXPECT_EQ(b.remaining, U(250));
}

TEST(ChangeControl, AddedTasksGoToTheProjectOfTheirFirstPlannedPredecessor) {
  auto p = Program();
  EXPECT_EQ(TargetProject(p, p.changes[1]), 0u);
  auto with = ProgramWithChange(p, p.changes[1]);
  ASSERT_TRUE(with.ok());
  ASSERT_EQ(with->projects[0].tasks.size(), 4u);
  EXPECT_EQ(with->projects[0].tasks[2].id, "sso");
  // Without a planned predecessor: the last project.
  model::Change lone;
  lone.id = "X";
  lone.adds_tasks = {T("z", 1, 0)};
  EXPECT_EQ(TargetProject(p, lone), 1u);
}

TEST(ChangeControl, ScheduleImpactWithoutTasksMovesTheFinishByExactlyThatMuch) {
  auto p = Program();
  auto before = plan::ComputeSchedule(p);
  auto with = ProgramWithChange(p, p.changes[2]);
  ASSERT_TRUE(with.ok());
  const auto& extra = with->projects.back().tasks.back();
  EXPECT_EQ(extra.id, "change-cr-3");
  ASSERT_EQ(extra.depends.size(), 2u);  // b and c: nothing depends on them
  auto after = plan::ComputeSchedule(*with);
  ASSERT_TRUE(before.ok() && after.ok());
  EXPECT_EQ(after->finish_position, before->finish_position + 3);
  EXPECT_EQ(with->TotalTaskCost(), p.TotalTaskCost());
}

TEST(ChangeControl, AddedTaskIdAlreadyInThePlanIsAnError) {
  auto p = Program();
  p.changes[1].adds_tasks[0].id = "a";
  auto with = ProgramWithChange(p, p.changes[1]);
  ASSERT_FALSE(with.ok());
  EXPECT_EQ(with.error().code, ErrorCode::kInvalidInput);
}

TEST(ChangeControl, ImplementNeedsAnApprovedChangeAndAddsItsTasks) {
  auto p = Program();
  auto s = ImplementChange(p, "CR-2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_EQ(ImplementChange(p, "CR-9").error().code, ErrorCode::kNotFound);
  p.changes[1].status = model::ChangeStatus::kApproved;
  ASSERT_TRUE(ImplementChange(p, "CR-2").ok());
  EXPECT_EQ(p.changes[1].status, model::ChangeStatus::kImplemented);
  EXPECT_EQ(p.TaskCount(), 5u);
}

TEST(ChangeControl, ApprovalsAppendAndSetStatusUntilRejectedOrImplemented) {
  auto p = Program();
  model::Approval yes{"Dana Lee", D(2026, 2, 1), model::ApprovalDecision::kApproved, "ok"};
  ASSERT_TRUE(RecordChangeDecision(p, "CR-2", yes).ok());
  EXPECT_EQ(p.changes[1].status, model::ChangeStatus::kApproved);
  ASSERT_TRUE(RecordChangeDecision(p, "CR-2", yes).ok());  // a second approver
  EXPECT_EQ(p.changes[1].approvals.size(), 2u);
  model::Approval no{"CFO", D(2026, 2, 2), model::ApprovalDecision::kRejected, "no money"};
  ASSERT_TRUE(RecordChangeDecision(p, "CR-2", no).ok());
  EXPECT_EQ(p.changes[1].status, model::ChangeStatus::kRejected);
  EXPECT_EQ(RecordChangeDecision(p, "CR-2", yes).error().code, ErrorCode::kConflict);
  model::Approval nobody{"", D(2026, 2, 2), model::ApprovalDecision::kApproved, ""};
  EXPECT_EQ(RecordChangeDecision(p, "CR-3", nobody).error().code, ErrorCode::kInvalidInput);
}

ChangeMetrics M(Date finish, Date p80, double p_on_time, int64_t cost) {
  return {finish, p80, p_on_time, U(cost)};
}

TEST(ChangeControl, RejectsWhenTheChanceFallsBelowTheTarget) {
  auto p = Program();
  auto a = AssessChange(p, p.changes[1], M(D(2026, 3, 2), D(2026, 3, 10), 0.85, 600),
                        M(D(2026, 3, 4), D(2026, 3, 12), 0.7, 700));
  EXPECT_EQ(a.recommendation, ChangeRecommendation::kReject);
  EXPECT_TRUE(a.below_p_on_time_target);
  EXPECT_FALSE(a.over_budget);
  EXPECT_EQ(a.finish_delay_days, 2);
  EXPECT_EQ(a.p80_delay_days, 2);
  EXPECT_NE(a.reason.find("70%, below the target of 80%"), std::string::npos) << a.reason;
  EXPECT_NE(a.reply.find("Dear Marcus Reid"), std::string::npos);
  EXPECT_NE(a.reply.find("cannot take it"), std::string::npos);
}

TEST(ChangeControl, RejectsWhenTheCostExceedsTheRemainingBudget) {
  auto p = Program();
  p.changes[1].impact = model::ChangeImpact{std::nullopt, U(251)};
  auto a = AssessChange(p, p.changes[1], M(D(2026, 3, 2), D(2026, 3, 10), 0.9, 600),
                        M(D(2026, 3, 2), D(2026, 3, 10), 0.9, 851));
  EXPECT_EQ(a.recommendation, ChangeRecommendation::kReject);
  EXPECT_TRUE(a.over_budget);
  EXPECT_NE(a.reason.find("251 USD exceeds the contingency left of 250 USD"), std::string::npos)
      << a.reason;
}

TEST(ChangeControl, RejectsWhenTheCostExceedsTheHeadroomAtTheForecast) {
  auto p = Program();
  p.changes[1].impact = model::ChangeImpact{std::nullopt, U(100)};
  // Earned value says the plan runs over: EAC 850 + 150 of approved changes leaves a
  // headroom of 0 although 250 of contingency is left on paper.
  plan::EvmResult evm;
  evm.eac = 850;
  evm.cpi = 0.7;
  const MoneyPosition money = ComputeMoneyPosition(p, evm);
  EXPECT_EQ(money.contingency_left, U(250));
  EXPECT_DOUBLE_EQ(money.forecast_final_cost, 850 + 150);
  EXPECT_DOUBLE_EQ(money.headroom, 0);
  auto a = AssessChange(p, p.changes[1], M(D(2026, 3, 2), D(2026, 3, 10), 0.9, 1000),
                        M(D(2026, 3, 2), D(2026, 3, 10), 0.9, 1100), money);
  EXPECT_TRUE(a.over_budget);
  EXPECT_NE(a.reason.find("100 USD exceeds the headroom of 0 USD"), std::string::npos) << a.reason;
}

TEST(ChangeControl, ApprovesWithinBudgetAndTarget) {
  auto p = Program();
  p.changes[1].impact = model::ChangeImpact{std::nullopt, U(250)};  // exactly what is left
  auto a = AssessChange(p, p.changes[1], M(D(2026, 3, 2), D(2026, 3, 10), 0.9, 600),
                        M(D(2026, 3, 2), D(2026, 3, 10), 0.8, 850));
  EXPECT_EQ(a.recommendation, ChangeRecommendation::kApprove);
  EXPECT_EQ(ChangeRecommendationName(a.recommendation), "approve");
  EXPECT_NE(a.reply.find("We can accept it"), std::string::npos) << a.reply;
  EXPECT_NE(a.reason.find("leaves the P80 finish at 2026-03-10"), std::string::npos) << a.reason;
}

}  // namespace
}  // namespace tpmkit::toolkit
