// Recording a decision's choice as a use case: a fixed clock and an in-memory workspace
// holding examples/phoenix.yaml (status date 2026-06-15; D-01 open with the options
// add-people, cut-scope and move-date). ctest runs from the source folder.
#include "tpmkit/app/decision_cases.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

// D-01 as stored now.
model::Decision D01(TestEnv& w) { return FindById(w.Program().decisions, "D-01"); }

ChooseOptionRequest Choose(std::string option) {
  ChooseOptionRequest r;
  r.decision_id = "D-01";
  r.option_id = std::move(option);
  r.by = "Dana Lee";
  r.rationale = "Keeps the date";
  return r;
}

TEST(DecisionCasesTest, ChoiceIsRecordedAndDatedTheDateInForce) {
  TestEnv w(kNow, kPhoenixFile);
  auto r = ChooseOption(w.env, Choose("cut-scope"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->decided_on, Date::FromYmd(2026, 6, 15));  // the status date
  EXPECT_EQ(r->applied.changed, 1u);
  const auto d = D01(w);
  EXPECT_EQ(d.status, model::DecisionStatus::kDecided);
  EXPECT_EQ(d.chosen, "cut-scope");
  EXPECT_EQ(d.decided_by, "Dana Lee");
  EXPECT_EQ(d.rationale, "Keeps the date");
  EXPECT_EQ(d.decided_on, Date::FromYmd(2026, 6, 15));

  auto as_of = Choose("cut-scope");
  as_of.as_of = Date::FromYmd(2026, 6, 17);
  ASSERT_TRUE(ChooseOption(w.env, as_of).ok());
  EXPECT_EQ(D01(w).decided_on, Date::FromYmd(2026, 6, 17));

  auto on = as_of;
  on.on = Date::FromYmd(2026, 6, 18);
  ASSERT_TRUE(ChooseOption(w.env, on).ok());
  EXPECT_EQ(D01(w).decided_on, Date::FromYmd(2026, 6, 18));

  w.ClearStatusDate();
  auto today = ChooseOption(w.env, Choose("move-date"));
  ASSERT_TRUE(today.ok()) << today.error().message;
  EXPECT_EQ(today->decided_on, Date::FromYmd(2026, 6, 20));  // the clock's today
}

TEST(DecisionCasesTest, RefusedChoicesChangeNothing) {
  TestEnv w(kNow, kPhoenixFile);
  const model::Program before = w.Program();

  auto unknown_option = ChooseOption(w.env, Choose("nosuch"));
  ASSERT_FALSE(unknown_option.ok());
  EXPECT_EQ(unknown_option.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(unknown_option.error().message,
            "decision D-01 has no option 'nosuch' (its options: add-people, cut-scope, "
            "move-date)");

  auto unknown_decision = Choose("cut-scope");
  unknown_decision.decision_id = "D-09";
  auto r = ChooseOption(w.env, unknown_decision);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);

  auto no_rationale = Choose("cut-scope");
  no_rationale.rationale.clear();
  auto usage = ChooseOption(w.env, no_rationale);
  ASSERT_FALSE(usage.ok());
  EXPECT_EQ(usage.error().message, "choosing an option needs who decided (by) and why (rationale)");

  EXPECT_EQ(w.Program(), before);
}

TEST(DecisionCasesTest, AnalysisRefusesAnUnknownDecision) {
  TestEnv w(kNow, kPhoenixFile);
  AnalyzeDecisionRequest request;
  request.decision_id = "D-09";
  request.iterations = 100;
  auto r = AnalyzeDecision(w.env, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "no decision 'D-09' in program phoenix (known: D-01, D-02)");
}

}  // namespace
}  // namespace tpmkit::app
