// Use cases on the people who use a workspace through the server (spec server.md
// "Authentication and sessions"): users and their roles, API tokens, logging in and out,
// and finding who a request comes from. The command line (`user ...`, `token create`) and
// the server share them.
//
// Every user-facing event (a user added or disabled, a role granted, a token created or
// revoked, a login, a failed login, a logout) is an entry of the audit trail with entity
// "user" and the user's name as its id, under the workspace (program ""), so `tpmkit log
// --entity user` lists them. Secrets are never stored or logged: passwords as argon2id,
// session and token values as SHA-256.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/access.h"
#include "tpmkit/app/env.h"
#include "tpmkit/base/error.h"
#include "tpmkit/report/account_text.h"

namespace tpmkit::app {

// Sessions end after 30 minutes without a request, and 12 hours after the login.
inline constexpr int64_t kSessionIdleSeconds = 30 * 60;
inline constexpr int64_t kSessionAbsoluteSeconds = 12 * 60 * 60;
// Logins are refused (kThrottled) after 5 failures for an account or 20 from an address
// within this window.
inline constexpr int64_t kLoginWindowSeconds = 15 * 60;
inline constexpr int64_t kMaxFailuresPerUser = 5;
inline constexpr int64_t kMaxFailuresPerAddress = 20;

// A user name: 1..64 characters of letters, digits and . _ @ - (an e-mail address works).
Status CheckUserName(const std::string& name);

// user add NAME [--admin]: creates the user with `password`, or with a generated one
// (returned once, never stored in clear). Errors: kConflict when the name is taken;
// kInvalidInput for a bad name or a password the rules refuse.
struct AddUserRequest {
  std::string name;
  bool admin = false;
  std::optional<std::string> password;
};
struct AddUserResponse {
  std::string name;
  bool admin = false;
  std::string generated_password;  // empty when one was given
};
Result<AddUserResponse> AddUser(Env& env, const AddUserRequest& request);

// user grant NAME PROGRAM ROLE: gives `user` the role on `program` (Role::kNone removes
// it). The program need not exist yet. Errors: kNotFound for an unknown user.
struct GrantRoleRequest {
  std::string user;
  std::string program;
  Role role = Role::kViewer;
};
struct GrantRoleResponse {
  std::string user;
  std::string program;
  Role role = Role::kNone;
  Role previous = Role::kNone;
};
Result<GrantRoleResponse> GrantRole(Env& env, const GrantRoleRequest& request);

struct UserSummary {
  std::string name;
  bool admin = false;
  bool disabled = false;
  bool totp = false;
  int64_t created_at = 0;
  std::map<std::string, Role> roles;
  size_t sessions = 0;
  size_t tokens = 0;
};
// user list: every user, by name.
Result<std::vector<UserSummary>> ListUsers(Env& env);

// user disable NAME: the user can no longer log in; their sessions and tokens are revoked.
struct DisableUserResponse {
  std::string name;
  int64_t sessions_revoked = 0;
  int64_t tokens_revoked = 0;
};
Result<DisableUserResponse> DisableUser(Env& env, const std::string& name);

// A session as lists show it: never its value, only a short handle of its hash.
struct SessionInfo {
  std::string id;  // the first 12 hex digits of the session's hash
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string address;
  bool current = false;  // the session the request came with
};

// user sessions NAME [--revoke]: the user's live sessions; with `revoke`, ends them all.
struct UserSessionsRequest {
  std::string user;
  bool revoke = false;
  std::string current_id_hash;  // marks the caller's own session
};
struct UserSessionsResponse {
  std::vector<SessionInfo> sessions;  // as they were before any revocation
  int64_t revoked = 0;
};
Result<UserSessionsResponse> UserSessions(Env& env, const UserSessionsRequest& request);

struct TokenInfo {
  std::string id;  // "tok_..." handle
  std::string user;
  std::optional<std::string> program;
  Role role = Role::kViewer;
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
};

// token create NAME [--program ID] [--role viewer|editor] [--expires DAYS]: a new API
// token for the user. The secret ("tpm_...") is returned once. Errors: kNotFound for an
// unknown user; kInvalidInput for an owner role or an expiry outside 1..366 days.
struct CreateTokenRequest {
  std::string user;
  std::optional<std::string> program;
  Role role = Role::kViewer;
  int expires_days = 90;
};
struct CreateTokenResponse {
  TokenInfo token;
  std::string secret;
};
Result<CreateTokenResponse> CreateToken(Env& env, const CreateTokenRequest& request);

Result<std::vector<TokenInfo>> ListTokens(Env& env, const std::string& user);
// Revokes the token `id` of `user`. Errors: kNotFound when the user has no such token.
Status RevokeToken(Env& env, const std::string& user, const std::string& id);

// Ends one live session of `user`, named by its handle (SessionInfo::id, as the lists
// show it). Errors: kNotFound when the user has no session with that handle.
Status RevokeSession(Env& env, const std::string& user, const std::string& id);

// Logging in with a password (and a TOTP code when the user has a second factor).
struct LoginRequest {
  std::string user;
  std::string password;
  std::string totp;
  std::string address;  // the client's, for throttling and the trail
};
struct LoginResponse {
  std::string user;
  std::string session_secret;  // the cookie's value; returned once
  std::string csrf_token;
  int64_t expires_at = 0;  // the absolute end of the session
};
// Errors: kThrottled past the failure limits (nothing is checked then); kUnauthorized for
// an unknown or disabled user, a wrong password or a missing or wrong code, all with the
// same message so that the answer does not tell which.
Result<LoginResponse> Login(Env& env, const LoginRequest& request);

// Who a request comes from: a session cookie's value or a bearer token ("tpm_...").
// Touches the session's last use (at most once a minute). Errors: kUnauthorized when
// unknown, expired, revoked or the user is disabled.
Result<Principal> AuthenticateSession(Env& env, const std::string& session_secret);
Result<Principal> AuthenticateToken(Env& env, const std::string& bearer);

// Ends the caller's session; with `others`, ends every other session of the user instead.
// Returns the number of sessions ended.
Result<int64_t> Logout(Env& env, const Principal& who, bool others = false);

// Changes a user's password, checking the current one. Ends the user's other sessions.
struct ChangePasswordRequest {
  std::string user;
  std::string current;
  std::string password;
  std::string keep_session_id_hash;
};
Status ChangePassword(Env& env, const ChangePasswordRequest& request);

// user totp NAME: gives the user a new second factor; returns the secret (base32) and
// the otpauth:// URI for an authenticator app, once.
struct EnableTotpResponse {
  std::string secret;
  std::string uri;
};
Result<EnableTotpResponse> EnableTotp(Env& env, const std::string& user);

// The views report/account_text.h renders.
report::UserView ToUserView(const UserSummary& user);
report::SessionView ToSessionView(const SessionInfo& session);
report::TokenView ToTokenView(const TokenInfo& token);
report::CallerView ToCallerView(const Principal& who);

}  // namespace tpmkit::app
