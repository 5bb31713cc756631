// The user and token commands as functions over an in-memory workspace.
#include "tpmkit/cli/account_commands.h"

#include <gtest/gtest.h>

#include <sstream>

#include "tpmkit/app/test_env.h"

namespace tpmkit::cli {
namespace {

constexpr std::string_view kNow = "2026-06-15T09:00:00Z";

ExitCode AddWithPassword(app::TestEnv& f, const std::string& name, const std::string& password,
                         bool admin = false) {
  std::istringstream in(password + "\n");
  UserAddArgs add;
  add.name = name;
  add.admin = admin;
  add.password_stdin = true;
  add.in = &in;
  return RunUserAdd(add, f.env, f.out, f.err);
}

TEST(AccountCommandsTest, AddGrantAndList) {
  app::TestEnv f(kNow);
  ASSERT_EQ(AddWithPassword(f, "ana", "tangerine-harbour-42", true), ExitCode::kOk) << f.err.str();
  EXPECT_EQ(f.out.str(), "Added user ana (admin).\n");
  f.out.str("");
  UserGrantArgs grant;
  grant.name = "ana";
  grant.program = "phoenix";
  grant.role = "editor";
  ASSERT_EQ(RunUserGrant(grant, f.env, f.out, f.err), ExitCode::kOk);
  EXPECT_EQ(f.out.str(), "ana is now an editor on phoenix.\n");
  f.out.str("");
  grant.role = "boss";
  EXPECT_EQ(RunUserGrant(grant, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: ROLE: expected viewer, editor, owner or none, got 'boss'\n");
  ASSERT_EQ(RunUserList({}, f.env, f.out, f.err), ExitCode::kOk);
  EXPECT_EQ(f.out.str(), "ana (admin): phoenix editor; 0 sessions, 0 tokens\n");
}

TEST(AccountCommandsTest, WeakPasswordIsRefusedWithoutEchoingIt) {
  app::TestEnv f(kNow);
  EXPECT_EQ(AddWithPassword(f, "bob", "password123"), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str().find("password123"), std::string::npos) << f.err.str();
  EXPECT_NE(f.err.str().find("common"), std::string::npos) << f.err.str();
}

TEST(AccountCommandsTest, GeneratedPasswordAndTokenAreShownOnce) {
  app::TestEnv f(kNow);
  UserAddArgs add;
  add.name = "cy";
  ASSERT_EQ(RunUserAdd(add, f.env, f.out, f.err), ExitCode::kOk);
  EXPECT_NE(f.out.str().find("Password, shown this once: "), std::string::npos);
  f.out.str("");
  TokenCreateArgs token;
  token.name = "cy";
  token.program = "phoenix";
  token.role = "owner";
  EXPECT_EQ(RunTokenCreate(token, f.env, f.out, f.err), ExitCode::kBadInput);
  token.role = "editor";
  token.expires = 30;
  ASSERT_EQ(RunTokenCreate(token, f.env, f.out, f.err), ExitCode::kOk) << f.err.str();
  EXPECT_NE(f.out.str().find("editor on phoenix, expires 2026-07-15T09:00:00Z"), std::string::npos)
      << f.out.str();
  EXPECT_NE(f.out.str().find("Token, shown this once: tpm_"), std::string::npos);
}

TEST(AccountCommandsTest, DisableAndSessionsOfAnUnknownUser) {
  app::TestEnv f(kNow);
  UserNameArgs who;
  who.name = "ghost";
  EXPECT_EQ(RunUserDisable(who, f.env, f.out, f.err), ExitCode::kBadInput);
  EXPECT_EQ(f.err.str(), "tpmkit: no user 'ghost'\n");
}

}  // namespace
}  // namespace tpmkit::cli
