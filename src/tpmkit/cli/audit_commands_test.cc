// The audit and log commands run as functions, without the binary: a fixed clock, an
// in-memory workspace and string streams.
#include "tpmkit/cli/audit_commands.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tpmkit/app/test_env.h"

namespace tpmkit::cli {
namespace {

constexpr std::string_view kNow = "2026-07-01T08:00:00Z";

TEST(AuditCommandsTest, SignoffPrintsTheDateInForceAsJson) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  SignoffArgs args;
  args.common.json = true;
  args.item = "risk_assessments";
  args.by = "Victor Lindqvist";
  ASSERT_EQ(RunSignoff(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(),
            "{\n  \"by\": \"Victor Lindqvist\",\n  \"changed\": 1,\n  \"item\": "
            "\"risk_assessments\",\n  \"on\": \"2026-06-15\"\n}\n");
  EXPECT_EQ(f.err.str(), "");
}

TEST(AuditCommandsTest, SignoffRefusesABadDate) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  SignoffArgs args;
  args.item = "training";
  args.by = "Beatriz Santos";
  args.on = "June 16";
  EXPECT_EQ(RunSignoff(args, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: --on: expected a date YYYY-MM-DD, got 'June 16'\n");
  EXPECT_EQ(f.out.str(), "");
}

TEST(AuditCommandsTest, VerifyAndLogAfterASignoff) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  SignoffArgs sign;
  sign.item = "training";
  sign.by = "Beatriz Santos";
  sign.on = "2026-06-16";
  ASSERT_EQ(RunSignoff(sign, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(), "Audit item training signed off by Beatriz Santos on 2026-06-16.\n");

  std::ostringstream verify_out;
  EXPECT_EQ(RunVerify({}, f.env, verify_out, f.err), ExitCode::kOk);
  EXPECT_NE(verify_out.str().find("Audit trail verified: "), std::string::npos);

  LogArgs log;
  log.limit = 1;
  std::ostringstream log_out;
  ASSERT_EQ(RunLog(log, f.env, log_out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(log_out.str().substr(6),
            "  2026-07-01T08:00:00Z  tester  update audit_item training (phoenix)\n"
            "        signoff.by: (none) -> Beatriz Santos\n"
            "        signoff.on: (none) -> 2026-06-16\n");
}

TEST(AuditCommandsTest, LogRefusesABadSinceAndSaysWhenNothingMatches) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  LogArgs bad;
  bad.since = "yesterday";
  EXPECT_EQ(RunLog(bad, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(),
            "tpmkit: --since: expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, got 'yesterday'\n");

  LogArgs later;
  later.since = "2030-01-01";
  std::ostringstream out;
  EXPECT_EQ(RunLog(later, f.env, out, f.err), ExitCode::kOk);
  EXPECT_EQ(out.str(), "No audit-trail entries match.\n");
}

TEST(AuditCommandsTest, EvidenceForAnUnknownItemIsBadInput) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  EvidenceAddArgs args;
  args.item = "nosuch";
  args.file = "examples/evidence/training-roster.md";
  EXPECT_EQ(RunEvidenceAdd(args, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_NE(f.err.str().find("tpmkit: no audit item 'nosuch'"), std::string::npos) << f.err.str();
  EXPECT_EQ(f.out.str(), "");
}

TEST(AuditCommandsTest, ReadinessOfAFileHasNoTrail) {
  app::TestEnv f(kNow, app::kPhoenixFile);
  AuditArgs args;
  args.common.json = true;
  args.source.file = "examples/phoenix.yaml";
  ASSERT_EQ(RunAudit(args, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("\"as_of\": \"2026-06-15\""), std::string::npos);
  EXPECT_NE(f.out.str().find("\"ok\": null"), std::string::npos);
}

}  // namespace
}  // namespace tpmkit::cli
