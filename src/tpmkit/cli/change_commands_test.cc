// The change commands run as functions, without the binary: a fixed clock, an in-memory
// workspace and string streams.
#include "tpmkit/cli/change_commands.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::cli {
namespace {

constexpr std::string_view kNow = "2026-06-15T09:00:00Z";

TEST(ChangeCommandsTest, ListOfAFileEndsWithTheBudgetPosition) {
  app::TestEnv f(kNow);
  ChangesArgs args;
  args.source.file = "examples/phoenix.yaml";
  EXPECT_EQ(RunChanges(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("CR-03  proposed"), std::string::npos) << f.out.str();
  // The money model every command shares: contingency left and headroom at the forecast.
  EXPECT_NE(f.out.str().find("  Contingency left  "), std::string::npos) << f.out.str();
  EXPECT_NE(f.out.str().find("145,000 USD\n"), std::string::npos) << f.out.str();
  EXPECT_NE(f.out.str().find("  Headroom (budget - forecast final cost)  "), std::string::npos)
      << f.out.str();
  EXPECT_NE(f.out.str().find("11,638 USD\n"), std::string::npos) << f.out.str();
  EXPECT_EQ(f.err.str(), "");
}

TEST(ChangeCommandsTest, ApproveRefusesAFile) {
  app::TestEnv f(kNow);
  ChangeDecisionArgs args;
  args.source.file = "examples/phoenix.yaml";
  args.id = "CR-03";
  args.by = "Dana Lee";
  EXPECT_EQ(RunChangeApprove(args, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: changes approve edits the workspace; use -p, not -f\n");
  EXPECT_EQ(f.out.str(), "");
}

TEST(ChangeCommandsTest, ApproveThenImplementInTheWorkspace) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  ChangeDecisionArgs approve;
  approve.id = "CR-03";
  approve.by = "Dana Lee";
  approve.note = "Funded from contingency";
  ASSERT_EQ(RunChangeApprove(approve, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(), "Change CR-03 is approved by Dana Lee (1 entry in the audit trail).\n");

  f.out.str("");
  ChangeImplementArgs implement;
  implement.common.json = true;
  implement.id = "CR-03";
  ASSERT_EQ(RunChangeImplement(implement, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("\"status\": \"implemented\""), std::string::npos) << f.out.str();

  f.out.str("");
  ChangeDecisionArgs again = approve;
  again.on = "16/06/2026";
  EXPECT_EQ(RunChangeReject(again, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: --on: expected a date YYYY-MM-DD, got '16/06/2026'\n");
}

}  // namespace
}  // namespace tpmkit::cli
