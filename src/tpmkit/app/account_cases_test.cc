// The account use cases over an in-memory workspace and a clock the tests move: users and
// roles, login and its throttling, session expiry, tokens and their scope.
#include "tpmkit/app/account_cases.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/base/password.h"
#include "tpmkit/base/totp.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {
namespace {

constexpr char kPassword[] = "tangerine-harbour-42";

class MovableClock final : public Clock {
 public:
  TimePoint Now() const override { return now_; }
  void Advance(std::chrono::seconds s) { now_ += s; }

 private:
  TimePoint now_ = ParseUtcTimestamp("2026-06-15T09:00:00Z").value();
};

class AccountCasesTest : public ::testing::Test {
 protected:
  AccountCasesTest() : store_(":memory:", clock_, {.create = true}), env_{store_, clock_, "root"} {}

  void AddUser(const std::string& name, bool admin = false) {
    auto r = app::AddUser(env_, {name, admin, kPassword});
    ASSERT_TRUE(r.ok()) << r.error().message;
  }

  Result<LoginResponse> LogIn(const std::string& name, const std::string& password = kPassword,
                              const std::string& address = "10.0.0.1",
                              const std::string& totp = "") {
    return Login(env_, {name, password, totp, address});
  }

  std::vector<store::AuditEntry> UserEntries() {
    auto txn = store_.Begin(store::TxnMode::kRead);
    EXPECT_TRUE(txn.ok());
    store::AuditFilter filter;
    filter.entity = "user";
    auto entries = (*txn)->ReadAudit(filter);
    EXPECT_TRUE(entries.ok());
    return entries.ok() ? *entries : std::vector<store::AuditEntry>{};
  }

  MovableClock clock_;
  DeferredStore store_;
  Env env_;
};

TEST_F(AccountCasesTest, AddedUserLogsInAndTheSessionIdentifiesThem) {
  AddUser("ana", /*admin=*/true);
  auto login = LogIn("ana");
  ASSERT_TRUE(login.ok()) << login.error().message;
  EXPECT_EQ(login->user, "ana");
  EXPECT_GE(login->session_secret.size(), 40u);
  auto who = AuthenticateSession(env_, login->session_secret);
  ASSERT_TRUE(who.ok()) << who.error().message;
  EXPECT_EQ(who->user, "ana");
  EXPECT_TRUE(who->admin);
  EXPECT_EQ(who->csrf_token, login->csrf_token);
  EXPECT_EQ(RoleOn(*who, "anything"), Role::kOwner);
  // Every event is in the trail under the workspace, the secret nowhere.
  auto entries = UserEntries();
  ASSERT_EQ(entries.size(), 2u);  // created, login
  EXPECT_EQ(entries[0].program, "");
  for (const auto& e : entries) {
    for (const auto& c : e.change.changes) {
      EXPECT_EQ(c.new_value.value_or("").find(login->session_secret), std::string::npos);
    }
  }
}

TEST_F(AccountCasesTest, LoginRehashesAPasswordMadeWithOtherCosts) {
  {
    auto txn = store_.Begin(store::TxnMode::kWrite);
    ASSERT_TRUE(txn.ok());
    store::UserRecord old;
    old.name = "olde";
    old.password_hash = HashPasswordWith(kPassword, 1, 8 * 1024 * 1024).value();
    ASSERT_TRUE(PasswordNeedsRehash(old.password_hash));
    ASSERT_TRUE((*txn)->Accounts().PutUser(old).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  ASSERT_TRUE(LogIn("olde").ok());
  auto txn = store_.Begin(store::TxnMode::kRead);
  ASSERT_TRUE(txn.ok());
  auto user = (*txn)->Accounts().LoadUser("olde");
  ASSERT_TRUE(user.ok() && user->has_value());
  EXPECT_FALSE(PasswordNeedsRehash((*user)->password_hash));
  EXPECT_TRUE(VerifyPassword((*user)->password_hash, kPassword));
}

TEST_F(AccountCasesTest, GeneratedPasswordIsReturnedOnceAndWorks) {
  auto r = app::AddUser(env_, {"bob", false, std::nullopt});
  ASSERT_TRUE(r.ok());
  EXPECT_GE(r->generated_password.size(), 20u);
  EXPECT_TRUE(LogIn("bob", r->generated_password).ok());
}

TEST_F(AccountCasesTest, RefusesBadNamesWeakPasswordsAndDuplicates) {
  EXPECT_EQ(app::AddUser(env_, {"bad name", false, kPassword}).error().code,
            ErrorCode::kInvalidInput);
  EXPECT_EQ(app::AddUser(env_, {"carl", false, "password1"}).error().code,
            ErrorCode::kInvalidInput);
  AddUser("carl");
  EXPECT_EQ(app::AddUser(env_, {"carl", false, kPassword}).error().code, ErrorCode::kConflict);
}

TEST_F(AccountCasesTest, WrongPasswordUnknownUserAndDisabledUserGetTheSameAnswer) {
  AddUser("dora");
  auto wrong = LogIn("dora", "not-the-password");
  auto unknown = LogIn("nobody", kPassword);
  ASSERT_TRUE(DisableUser(env_, "dora").ok());
  auto disabled = LogIn("dora", kPassword, "10.0.0.2");
  for (const auto* r : {&wrong, &unknown, &disabled}) {
    ASSERT_FALSE(r->ok());
    EXPECT_EQ(r->error().code, ErrorCode::kUnauthorized);
    EXPECT_EQ(r->error().message, wrong.error().message);
  }
}

TEST_F(AccountCasesTest, FiveFailuresLockTheAccountForFifteenMinutes) {
  AddUser("eve");
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(LogIn("eve", "nope-nope-nope").error().code, ErrorCode::kUnauthorized);
  // Even the right password is refused now, from any address.
  EXPECT_EQ(LogIn("eve", kPassword, "10.9.9.9").error().code, ErrorCode::kThrottled);
  clock_.Advance(std::chrono::seconds(kLoginWindowSeconds + 1));
  EXPECT_TRUE(LogIn("eve").ok());
}

TEST_F(AccountCasesTest, TwentyFailuresFromOneAddressLockThatAddress) {
  AddUser("fay");
  for (int i = 0; i < 20; ++i)
    (void)LogIn("user" + std::to_string(i), "x-wrong-password", "10.1.1.1");
  EXPECT_EQ(LogIn("fay", kPassword, "10.1.1.1").error().code, ErrorCode::kThrottled);
  EXPECT_TRUE(LogIn("fay", kPassword, "10.2.2.2").ok());
}

TEST_F(AccountCasesTest, SessionsEndWhenIdleOrOld) {
  AddUser("gus");
  auto login = LogIn("gus");
  ASSERT_TRUE(login.ok());
  // Used every 20 minutes, it lives until its absolute end (12 hours).
  for (int i = 0; i < 35; ++i) {
    clock_.Advance(std::chrono::minutes(20));
    ASSERT_TRUE(AuthenticateSession(env_, login->session_secret).ok()) << i;
  }
  clock_.Advance(std::chrono::minutes(21));  // 12 h 1 min after the login
  auto old = AuthenticateSession(env_, login->session_secret);
  ASSERT_FALSE(old.ok());
  EXPECT_EQ(old.error().code, ErrorCode::kUnauthorized);
  // Idle for more than 30 minutes, it ends.
  auto second = LogIn("gus");
  ASSERT_TRUE(second.ok());
  clock_.Advance(std::chrono::minutes(31));
  EXPECT_EQ(AuthenticateSession(env_, second->session_secret).error().code,
            ErrorCode::kUnauthorized);
}

TEST_F(AccountCasesTest, LogoutAndLogoutOfOtherSessions) {
  AddUser("hal");
  auto a = LogIn("hal");
  auto b = LogIn("hal");
  auto c = LogIn("hal");
  auto who = AuthenticateSession(env_, a->session_secret);
  ASSERT_TRUE(who.ok());
  auto ended = Logout(env_, *who, /*others=*/true);
  ASSERT_TRUE(ended.ok());
  EXPECT_EQ(*ended, 2);
  EXPECT_TRUE(AuthenticateSession(env_, a->session_secret).ok());
  EXPECT_FALSE(AuthenticateSession(env_, b->session_secret).ok());
  EXPECT_FALSE(AuthenticateSession(env_, c->session_secret).ok());
  ASSERT_TRUE(Logout(env_, *who).ok());
  EXPECT_FALSE(AuthenticateSession(env_, a->session_secret).ok());
}

TEST_F(AccountCasesTest, RevokeSessionEndsOnlyTheSessionItNames) {
  AddUser("ivy");
  AddUser("jo");
  auto a = LogIn("ivy");
  auto b = LogIn("ivy");
  auto other = LogIn("jo");
  auto who = AuthenticateSession(env_, a->session_secret);
  ASSERT_TRUE(who.ok());
  auto listed = UserSessions(env_, {"ivy", false, who->session_id_hash});
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->sessions.size(), 2u);
  const auto& b_info = listed->sessions[0].current ? listed->sessions[1] : listed->sessions[0];
  // Another user's session, a prefix and an unknown handle are not theirs to end.
  EXPECT_EQ(RevokeSession(env_, "jo", b_info.id).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(RevokeSession(env_, "ivy", b_info.id.substr(0, 4)).error().code, ErrorCode::kNotFound);
  ASSERT_TRUE(RevokeSession(env_, "ivy", b_info.id).ok());
  EXPECT_TRUE(AuthenticateSession(env_, a->session_secret).ok());
  EXPECT_FALSE(AuthenticateSession(env_, b->session_secret).ok());
  EXPECT_TRUE(AuthenticateSession(env_, other->session_secret).ok());
  EXPECT_EQ(RevokeSession(env_, "ivy", b_info.id).error().code, ErrorCode::kNotFound);
  // The trail says whose session ended, under the actor, without the session's value.
  const auto entries = UserEntries();
  const std::string event = "session " + b_info.id + " revoked";
  EXPECT_TRUE(std::any_of(entries.begin(), entries.end(), [&](const store::AuditEntry& e) {
    return e.change.entity_id == "ivy" && e.actor == "root" && !e.change.changes.empty() &&
           e.change.changes.front().new_value == event;
  }));
}

TEST_F(AccountCasesTest, TokensAreScopedCappedAndExpire) {
  AddUser("ivy");
  ASSERT_TRUE(GrantRole(env_, {"ivy", "phoenix", Role::kOwner}).ok());
  ASSERT_TRUE(GrantRole(env_, {"ivy", "atlas", Role::kViewer}).ok());
  auto token = CreateToken(env_, {"ivy", "phoenix", Role::kEditor, 2});
  ASSERT_TRUE(token.ok()) << token.error().message;
  EXPECT_EQ(token->secret.rfind("tpm_", 0), 0u);
  auto who = AuthenticateToken(env_, token->secret);
  ASSERT_TRUE(who.ok());
  EXPECT_EQ(RoleOn(*who, "phoenix"), Role::kEditor);  // capped below owner
  EXPECT_EQ(RoleOn(*who, "atlas"), Role::kNone);      // outside its scope
  EXPECT_FALSE(ActsAsAdmin(*who));
  EXPECT_EQ(CreateToken(env_, {"ivy", std::nullopt, Role::kOwner, 2}).error().code,
            ErrorCode::kInvalidInput);
  clock_.Advance(std::chrono::hours(49));
  EXPECT_EQ(AuthenticateToken(env_, token->secret).error().code, ErrorCode::kUnauthorized);
}

TEST_F(AccountCasesTest, RevokedTokenAndDisabledUserStopWorking) {
  AddUser("jo");
  auto one = CreateToken(env_, {"jo", std::nullopt, Role::kViewer, 30});
  auto two = CreateToken(env_, {"jo", std::nullopt, Role::kViewer, 30});
  ASSERT_TRUE(one.ok() && two.ok());
  ASSERT_TRUE(RevokeToken(env_, "jo", one->token.id).ok());
  EXPECT_FALSE(AuthenticateToken(env_, one->secret).ok());
  EXPECT_TRUE(AuthenticateToken(env_, two->secret).ok());
  EXPECT_EQ(RevokeToken(env_, "jo", "tok_000000000000").error().code, ErrorCode::kNotFound);
  auto disabled = DisableUser(env_, "jo");
  ASSERT_TRUE(disabled.ok());
  EXPECT_EQ(disabled->tokens_revoked, 1);
  EXPECT_FALSE(AuthenticateToken(env_, two->secret).ok());
}

TEST_F(AccountCasesTest, SecondFactorIsRequiredOnceEnabled) {
  AddUser("kim");
  auto totp = EnableTotp(env_, "kim");
  ASSERT_TRUE(totp.ok());
  EXPECT_EQ(totp->uri.rfind("otpauth://totp/", 0), 0u);
  EXPECT_EQ(LogIn("kim").error().code, ErrorCode::kUnauthorized);
  const int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.Now().time_since_epoch()).count();
  auto code = TotpCode(totp->secret, now);
  ASSERT_TRUE(code.ok());
  EXPECT_TRUE(LogIn("kim", kPassword, "10.0.0.1", *code).ok());
  // A code is good once (RFC 6238 section 5.2), and so is any earlier one.
  EXPECT_EQ(LogIn("kim", kPassword, "10.0.0.1", *code).error().code, ErrorCode::kUnauthorized);
  EXPECT_FALSE(LogIn("kim", kPassword, "10.0.0.1", *TotpCode(totp->secret, now - 30)).ok());
  clock_.Advance(std::chrono::seconds(30));
  EXPECT_TRUE(LogIn("kim", kPassword, "10.0.0.1", *TotpCode(totp->secret, now + 30)).ok());
}

TEST_F(AccountCasesTest, ChangePasswordChecksTheCurrentOneAndEndsOtherSessions) {
  AddUser("lou");
  auto a = LogIn("lou");
  auto b = LogIn("lou");
  const auto keep = AuthenticateSession(env_, a->session_secret)->session_id_hash;
  EXPECT_EQ(ChangePassword(env_, {"lou", "wrong-current-1", "a-new-passphrase", keep}).error().code,
            ErrorCode::kUnauthorized);
  ASSERT_TRUE(ChangePassword(env_, {"lou", kPassword, "a-new-passphrase", keep}).ok());
  EXPECT_TRUE(AuthenticateSession(env_, a->session_secret).ok());
  EXPECT_FALSE(AuthenticateSession(env_, b->session_secret).ok());
  EXPECT_FALSE(LogIn("lou").ok());
  EXPECT_TRUE(LogIn("lou", "a-new-passphrase").ok());
}

TEST_F(AccountCasesTest, ListUsersShowsRolesAndLiveSessions) {
  AddUser("max", true);
  AddUser("ned");
  ASSERT_TRUE(GrantRole(env_, {"ned", "phoenix", Role::kEditor}).ok());
  auto same = GrantRole(env_, {"ned", "phoenix", Role::kEditor});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->previous, Role::kEditor);
  ASSERT_TRUE(LogIn("ned").ok());
  auto users = ListUsers(env_);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[1].name, "ned");
  EXPECT_EQ((*users)[1].roles.at("phoenix"), Role::kEditor);
  EXPECT_EQ((*users)[1].sessions, 1u);
  ASSERT_TRUE(GrantRole(env_, {"ned", "phoenix", Role::kNone}).ok());
  EXPECT_TRUE(ListUsers(env_)->at(1).roles.empty());
  EXPECT_EQ(GrantRole(env_, {"nobody", "phoenix", Role::kViewer}).error().code,
            ErrorCode::kNotFound);
}

}  // namespace
}  // namespace tpmkit::app
