// The plan commands run as functions, without the binary: a fixed clock, an in-memory
// workspace and string streams.
#include "tpmkit/cli/plan_commands.h"

#include <gtest/gtest.h>

#include "tpmkit/app/test_env.h"

namespace tpmkit::cli {
namespace {

constexpr std::string_view kNow = "2026-06-15T09:00:00Z";

TEST(PlanCommandsTest, ScheduleOfAFilePrintsTheCriticalPathAsJson) {
  app::TestEnv f(kNow);
  ScheduleArgs args;
  args.common.json = true;
  args.source.file = "examples/phoenix.yaml";
  EXPECT_EQ(RunSchedule(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("\"critical_path\""), std::string::npos);
  EXPECT_EQ(f.err.str(), "");
}

TEST(PlanCommandsTest, ForecastRefusesZeroIterations) {
  app::TestEnv f(kNow);
  ForecastArgs args;
  args.source.file = "examples/phoenix.yaml";
  args.iterations = 0;
  EXPECT_EQ(RunForecast(args, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: --iterations must be at least 1\n");
  EXPECT_EQ(f.out.str(), "");
}

TEST(PlanCommandsTest, EvmWithoutStatusDateUsesTheClocksToday) {
  app::TestEnv f(kNow);
  EvmArgs args;
  args.common.json = true;
  args.source.file = "tests/data/valid/minimal.yaml";
  const ExitCode code = RunEvm(args, f.env, f.out, f.err);
  ASSERT_EQ(code, ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("\"as_of\": \"2026-06-15\""), std::string::npos) << f.out.str();
}

}  // namespace
}  // namespace tpmkit::cli
