// The risk commands run as functions, without the binary: a fixed clock, an in-memory
// workspace and string streams.
#include "tpmkit/cli/risk_commands.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::cli {
namespace {

constexpr std::string_view kNow = "2026-06-15T09:00:00Z";

TEST(RiskCommandsTest, RisksOfAFileStartWithTheHighestScore) {
  app::TestEnv f(kNow);
  RisksArgs args;
  args.source.file = "examples/phoenix.yaml";
  EXPECT_EQ(RunRisks(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(
      f.out.str().rfind("Risk register of Project Phoenix: 13 risks, 10 open or mitigating.\n", 0),
      0u)
      << f.out.str();
  EXPECT_NE(f.out.str().find("  R-07  open"), std::string::npos);
  EXPECT_EQ(f.err.str(), "");
}

TEST(RiskCommandsTest, AddThenUpdateWithABadSeverity) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  RiskEditArgs add;
  add.id = "R-20";
  add.title = "Vendor API rate limits";
  add.category = "vendor";
  add.probability = "0.3";
  add.severity = "4";
  ASSERT_EQ(RunRiskAdd(add, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(), "Added risk R-20 of phoenix (1 change recorded in the audit trail).\n");

  f.out.str("");
  RiskEditArgs update;
  update.id = "R-20";
  update.severity = "2.5";
  EXPECT_EQ(RunRiskUpdate(update, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: --severity: expected an integer 1..5\n");
  EXPECT_EQ(f.out.str(), "");

  f.err.str("");
  RiskEditArgs close;
  close.id = "R-20";
  close.common.json = true;
  ASSERT_EQ(RunRiskClose(close, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(),
            "{\n  \"changed\": 1,\n  \"program\": \"phoenix\",\n  \"risk\": \"R-20\"\n}\n");
}

TEST(RiskCommandsTest, AssessRefusesARatingThatIsNotANumber) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  AssessArgs args;
  args.ratings = {"schedule=x"};
  args.by = "Priya Shah";
  EXPECT_EQ(RunAssess(args, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(),
            "tpmkit: --rating: expected KEY=N with N an integer 1..5, got 'schedule=x'\n");

  f.err.str("");
  args.ratings = {"schedule=4", "vendor=5"};
  args.common.as_of = Date::Parse("2026-06-20");
  ASSERT_EQ(RunAssess(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(),
            "Recorded the assessment of phoenix by Priya Shah on 2026-06-20: the latest score is "
            "87.5 of 100 (critical).\n");
}

}  // namespace
}  // namespace tpmkit::cli
