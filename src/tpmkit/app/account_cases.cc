#include "tpmkit/app/account_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

#include "tpmkit/base/date.h"
#include "tpmkit/base/limits.h"
#include "tpmkit/base/password.h"
#include "tpmkit/base/secret.h"
#include "tpmkit/base/sha256.h"
#include "tpmkit/base/totp.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/store/accounts.h"

namespace tpmkit::app {

namespace {

constexpr char kBadCredentials[] = "The user name, password or code is not right.";
constexpr char kSessionEnded[] = "Not logged in, or the session has ended: log in again.";
constexpr int64_t kTouchEverySeconds = 60;
constexpr int kMaxTokenDays = 366;

int64_t NowSeconds(const Env& env) {
  return std::chrono::duration_cast<std::chrono::seconds>(env.clock.Now().time_since_epoch())
      .count();
}

// The name an audit entry may carry for what a client typed: the name itself when it is
// a valid user name, else a fixed text (it could be anything, invalid UTF-8 included).
std::string RecordableName(const std::string& name) {
  return CheckUserName(name).ok() ? name : "(not a user name)";
}

model::FieldChange Field(std::string name, std::optional<std::string> old_value,
                         std::optional<std::string> new_value) {
  return {std::move(name), std::move(old_value), std::move(new_value)};
}

// One trail entry about `user` (entity "user", under the workspace: program "").
Status RecordUserEvent(store::Transaction& txn, const std::string& actor, const std::string& user,
                       model::ChangeAction action, std::vector<model::FieldChange> fields) {
  model::EntityChange change{"user", user, action, std::move(fields)};
  auto appended = txn.AppendAudit(actor, "", {std::move(change)});
  if (!appended.ok()) return std::move(appended).error();
  return OkStatus();
}

Status RecordEvent(store::Transaction& txn, const std::string& actor, const std::string& user,
                   const std::string& event, const std::string& address) {
  std::vector<model::FieldChange> fields{Field("event", std::nullopt, event)};
  if (!address.empty()) fields.push_back(Field("address", std::nullopt, address));
  return RecordUserEvent(txn, actor, user, model::ChangeAction::kUpdate, std::move(fields));
}

Result<store::UserRecord> LoadExistingUser(store::Transaction& txn, const std::string& name) {
  TPMKIT_ASSIGN_OR_RETURN(auto user, txn.Accounts().LoadUser(name));
  if (!user) return Error::NotFound(fmt::format("no user '{}'", name));
  return std::move(*user);
}

std::string DateOf(int64_t unix_seconds) {
  return Date::FromDays(static_cast<int>(unix_seconds / 86400)).ToString();
}

TokenInfo InfoOf(const store::TokenRecord& t) {
  return {t.id,         t.user,      t.program, ParseRole(t.role).value_or(Role::kViewer),
          t.created_at, t.expires_at};
}

Result<std::map<std::string, Role>> RolesOf(store::Transaction& txn, const std::string& user) {
  TPMKIT_ASSIGN_OR_RETURN(auto grants, txn.Accounts().ListGrants(user));
  std::map<std::string, Role> roles;
  for (const auto& g : grants) roles[g.program] = ParseRole(g.role).value_or(Role::kNone);
  return roles;
}

}  // namespace

Status CheckUserName(const std::string& name) {
  const bool ok =
      !name.empty() && name.size() <= 64 && std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '.' || c == '_' || c == '@' || c == '-';
      });
  if (ok) return OkStatus();
  return Error::Invalid(
      "a user name has 1 to 64 characters: letters, digits and . _ @ - (an e-mail address "
      "works)");
}

Result<AddUserResponse> AddUser(Env& env, const AddUserRequest& request) {
  TPMKIT_RETURN_IF_ERROR(CheckUserName(request.name));
  AddUserResponse response{request.name, request.admin, ""};
  std::string password;
  if (request.password) {
    TPMKIT_RETURN_IF_ERROR(CheckPasswordRules(*request.password, request.name));
    password = *request.password;
  } else {
    // 18 random bytes: 24 characters of base64url, about 144 bits.
    response.generated_password = RandomToken("", 18);
    password = response.generated_password;
  }
  // Hash before taking the write lock: argon2id takes a while.
  TPMKIT_ASSIGN_OR_RETURN(auto hash, HashPassword(password));
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto existing, txn->Accounts().LoadUser(request.name));
  if (existing) return Error::Conflict(fmt::format("user '{}' already exists", request.name));
  store::UserRecord user;
  user.name = request.name;
  user.password_hash = std::move(hash);
  user.admin = request.admin;
  user.created_at = NowSeconds(env);
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutUser(user));
  TPMKIT_RETURN_IF_ERROR(
      RecordUserEvent(*txn, env.actor, user.name, model::ChangeAction::kCreate,
                      {Field("admin", std::nullopt, user.admin ? "true" : "false")}));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return response;
}

Result<GrantRoleResponse> GrantRole(Env& env, const GrantRoleRequest& request) {
  if (request.program.empty()) return Error::Invalid("a role is granted on a program: name one");
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_RETURN_IF_ERROR(LoadExistingUser(*txn, request.user));
  TPMKIT_ASSIGN_OR_RETURN(auto roles, RolesOf(*txn, request.user));
  GrantRoleResponse response{request.user, request.program, request.role, Role::kNone};
  if (auto it = roles.find(request.program); it != roles.end()) response.previous = it->second;
  if (response.previous == request.role) return response;
  if (request.role == Role::kNone) {
    TPMKIT_RETURN_IF_ERROR(txn->Accounts().DeleteGrant(request.user, request.program));
  } else {
    TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutGrant(
        {request.user, request.program, std::string(RoleName(request.role))}));
  }
  auto name = [](Role r) {
    return r == Role::kNone ? std::nullopt : std::optional<std::string>(RoleName(r));
  };
  TPMKIT_RETURN_IF_ERROR(RecordUserEvent(
      *txn, env.actor, request.user, model::ChangeAction::kUpdate,
      {Field("role." + request.program, name(response.previous), name(request.role))}));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return response;
}

Result<std::vector<UserSummary>> ListUsers(Env& env) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  auto& rows = txn->Accounts();
  TPMKIT_ASSIGN_OR_RETURN(auto users, rows.ListUsers());
  TPMKIT_ASSIGN_OR_RETURN(auto grants, rows.ListGrants(std::nullopt));
  const int64_t now = NowSeconds(env);
  std::vector<UserSummary> out;
  for (const auto& u : users) {
    UserSummary s{u.name, u.admin, u.disabled, !u.totp_secret.empty(), u.created_at, {}, 0, 0};
    for (const auto& g : grants) {
      if (g.user == u.name) s.roles[g.program] = ParseRole(g.role).value_or(Role::kNone);
    }
    TPMKIT_ASSIGN_OR_RETURN(auto sessions, rows.ListSessions(u.name));
    s.sessions = static_cast<size_t>(std::count_if(sessions.begin(), sessions.end(), [&](auto& x) {
      return now - x.last_seen <= kSessionIdleSeconds &&
             now - x.created_at <= kSessionAbsoluteSeconds;
    }));
    TPMKIT_ASSIGN_OR_RETURN(auto tokens, rows.ListTokens(u.name));
    s.tokens = static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), [&](auto& t) {
      return !t.expires_at || *t.expires_at > now;
    }));
    out.push_back(std::move(s));
  }
  return out;
}

Result<DisableUserResponse> DisableUser(Env& env, const std::string& name) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  auto& rows = txn->Accounts();
  TPMKIT_ASSIGN_OR_RETURN(auto user, LoadExistingUser(*txn, name));
  DisableUserResponse response{name, 0, 0};
  TPMKIT_ASSIGN_OR_RETURN(response.sessions_revoked, rows.DeleteSessions(name, ""));
  TPMKIT_ASSIGN_OR_RETURN(auto tokens, rows.ListTokens(name));
  for (const auto& t : tokens) {
    TPMKIT_ASSIGN_OR_RETURN(auto n, rows.DeleteToken(t.id));
    response.tokens_revoked += n;
  }
  if (!user.disabled) {
    user.disabled = true;
    TPMKIT_RETURN_IF_ERROR(rows.PutUser(user));
    TPMKIT_RETURN_IF_ERROR(RecordUserEvent(*txn, env.actor, name, model::ChangeAction::kUpdate,
                                           {Field("disabled", "false", "true")}));
  }
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return response;
}

Result<UserSessionsResponse> UserSessions(Env& env, const UserSessionsRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(
      auto txn, env.store.Begin(request.revoke ? store::TxnMode::kWrite : store::TxnMode::kRead));
  auto& rows = txn->Accounts();
  TPMKIT_RETURN_IF_ERROR(LoadExistingUser(*txn, request.user));
  TPMKIT_ASSIGN_OR_RETURN(auto sessions, rows.ListSessions(request.user));
  const int64_t now = NowSeconds(env);
  UserSessionsResponse response;
  for (const auto& s : sessions) {
    if (now - s.last_seen > kSessionIdleSeconds || now - s.created_at > kSessionAbsoluteSeconds)
      continue;
    response.sessions.push_back({s.id_hash.substr(0, 12), s.created_at, s.last_seen, s.address,
                                 s.id_hash == request.current_id_hash});
  }
  if (request.revoke) {
    TPMKIT_ASSIGN_OR_RETURN(response.revoked, rows.DeleteSessions(request.user, ""));
    TPMKIT_RETURN_IF_ERROR(RecordEvent(*txn, env.actor, request.user,
                                       fmt::format("{} sessions revoked", response.revoked), ""));
    TPMKIT_RETURN_IF_ERROR(txn->Commit());
  }
  return response;
}

Status RevokeSession(Env& env, const std::string& user, const std::string& id) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto sessions, txn->Accounts().ListSessions(user));
  // A handle is the first 12 hex digits of the hash: exactly that many, so that a short
  // prefix cannot match (and end) sessions it does not name.
  auto it = std::find_if(sessions.begin(), sessions.end(), [&](const auto& s) {
    return id.size() == 12 && s.id_hash.starts_with(id);
  });
  if (it == sessions.end()) return Error::NotFound(fmt::format("no session '{}'", id));
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().DeleteSession(it->id_hash));
  TPMKIT_RETURN_IF_ERROR(
      RecordEvent(*txn, env.actor, user, fmt::format("session {} revoked", id), ""));
  return txn->Commit();
}

Result<CreateTokenResponse> CreateToken(Env& env, const CreateTokenRequest& request) {
  if (request.role != Role::kViewer && request.role != Role::kEditor)
    return Error::Invalid("a token's role is viewer or editor");
  if (request.expires_days < 1 || request.expires_days > kMaxTokenDays)
    return Error::Invalid(fmt::format("a token expires in 1 to {} days", kMaxTokenDays));
  if (request.program && request.program->empty())
    return Error::Invalid("a token's program must be named");
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto user, LoadExistingUser(*txn, request.user));
  if (user.disabled) return Error::Conflict(fmt::format("user '{}' is disabled", request.user));
  const int64_t now = NowSeconds(env);
  CreateTokenResponse response;
  response.secret = RandomToken("tpm_", 32);
  store::TokenRecord token{"tok_" + RandomHex(6),
                           Sha256Hex(response.secret),
                           request.user,
                           request.program,
                           std::string(RoleName(request.role)),
                           now,
                           now + int64_t{request.expires_days} * 86400};
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutToken(token));
  TPMKIT_RETURN_IF_ERROR(
      RecordUserEvent(*txn, env.actor, request.user, model::ChangeAction::kUpdate,
                      {Field("token." + token.id, std::nullopt,
                             fmt::format("{} on {}, expires {}", token.role,
                                         request.program ? *request.program : "every program",
                                         DateOf(*token.expires_at)))}));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  response.token = InfoOf(token);
  return response;
}

Result<std::vector<TokenInfo>> ListTokens(Env& env, const std::string& user) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_RETURN_IF_ERROR(LoadExistingUser(*txn, user));
  TPMKIT_ASSIGN_OR_RETURN(auto tokens, txn->Accounts().ListTokens(user));
  std::vector<TokenInfo> out;
  for (const auto& t : tokens) out.push_back(InfoOf(t));
  return out;
}

Status RevokeToken(Env& env, const std::string& user, const std::string& id) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto tokens, txn->Accounts().ListTokens(user));
  auto it = std::find_if(tokens.begin(), tokens.end(), [&](auto& t) { return t.id == id; });
  if (it == tokens.end()) return Error::NotFound(fmt::format("no token '{}'", id));
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().DeleteToken(id));
  TPMKIT_RETURN_IF_ERROR(RecordUserEvent(*txn, env.actor, user, model::ChangeAction::kUpdate,
                                         {Field("token." + id, "active", std::nullopt)}));
  return txn->Commit();
}

Result<LoginResponse> Login(Env& env, const LoginRequest& request) {
  const int64_t now = NowSeconds(env);
  const std::string name = RecordableName(request.user);
  std::optional<store::UserRecord> user;
  {
    TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
    TPMKIT_ASSIGN_OR_RETURN(auto failures, txn->Accounts().CountLoginFailures(
                                               name, request.address, now - kLoginWindowSeconds));
    if (failures.for_user >= kMaxFailuresPerUser ||
        failures.for_address >= kMaxFailuresPerAddress) {
      return Error{ErrorCode::kThrottled,
                   "Too many failed logins: wait 15 minutes before trying again.",
                   {}};
    }
    TPMKIT_ASSIGN_OR_RETURN(user, txn->Accounts().LoadUser(request.user));
  }
  // The slow check runs outside any transaction, so it holds no lock.
  bool ok = false;
  std::optional<int64_t> totp_step;
  if (user && !user->disabled && request.password.size() <= 4 * kMaxPasswordLength) {
    ok = VerifyPassword(user->password_hash, request.password);
    if (ok && !user->totp_secret.empty()) {
      totp_step = MatchTotpStep(user->totp_secret, request.totp, now);
      ok = totp_step.has_value();
    }
  } else {
    BurnPasswordVerify(request.password.substr(0, 4 * kMaxPasswordLength));
  }
  std::optional<std::string> rehash;
  if (ok && PasswordNeedsRehash(user->password_hash)) {
    auto hash = HashPassword(request.password);
    if (hash.ok()) rehash = std::move(*hash);
  }

  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  auto& rows = txn->Accounts();
  // The user as stored now: disabled meanwhile, or a code already used (by this login's
  // twin, racing it), fails as any wrong credential does.
  std::optional<store::UserRecord> fresh;
  if (ok) {
    TPMKIT_ASSIGN_OR_RETURN(fresh, rows.LoadUser(user->name));
    ok = fresh && !fresh->disabled && (!totp_step || *totp_step > fresh->totp_last_step);
  }
  if (!ok) {
    TPMKIT_RETURN_IF_ERROR(rows.AddLoginFailure(name, request.address, now));
    TPMKIT_RETURN_IF_ERROR(RecordEvent(*txn, name, name, "login failed", request.address));
    TPMKIT_RETURN_IF_ERROR(txn->Commit());
    return Error::Unauthorized(kBadCredentials);
  }
  user = std::move(fresh);
  TPMKIT_RETURN_IF_ERROR(rows.ClearLoginFailures(user->name, now - kLoginWindowSeconds));
  TPMKIT_RETURN_IF_ERROR(
      rows.DeleteExpiredSessions(now - kSessionIdleSeconds, now - kSessionAbsoluteSeconds));
  if (rehash || totp_step) {
    if (rehash) user->password_hash = std::move(*rehash);
    if (totp_step) user->totp_last_step = *totp_step;
    TPMKIT_RETURN_IF_ERROR(rows.PutUser(*user));
  }
  LoginResponse response{user->name, RandomToken("", 32), RandomToken("", 32),
                         now + kSessionAbsoluteSeconds};
  TPMKIT_RETURN_IF_ERROR(rows.PutSession({Sha256Hex(response.session_secret), user->name,
                                          response.csrf_token, now, now, request.address}));
  TPMKIT_RETURN_IF_ERROR(RecordEvent(*txn, user->name, user->name, "login", request.address));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return response;
}

Result<Principal> AuthenticateSession(Env& env, const std::string& session_secret) {
  if (session_secret.empty() || session_secret.size() > 256)
    return Error::Unauthorized(kSessionEnded);
  const std::string id_hash = Sha256Hex(session_secret);
  const int64_t now = NowSeconds(env);
  Principal who;
  std::optional<store::SessionRecord> session;
  {
    TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
    TPMKIT_ASSIGN_OR_RETURN(session, txn->Accounts().LoadSession(id_hash));
    if (!session || now - session->last_seen > kSessionIdleSeconds ||
        now - session->created_at > kSessionAbsoluteSeconds)
      return Error::Unauthorized(kSessionEnded);
    TPMKIT_ASSIGN_OR_RETURN(auto user, txn->Accounts().LoadUser(session->user));
    if (!user || user->disabled) return Error::Unauthorized(kSessionEnded);
    who.user = user->name;
    who.admin = user->admin;
    TPMKIT_ASSIGN_OR_RETURN(who.roles, RolesOf(*txn, user->name));
  }
  who.session_id_hash = id_hash;
  who.csrf_token = session->csrf_token;
  if (now - session->last_seen >= kTouchEverySeconds) {
    TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
    // The session may have ended in between: touch only one that is still there.
    TPMKIT_ASSIGN_OR_RETURN(auto still, txn->Accounts().LoadSession(id_hash));
    if (!still) return Error::Unauthorized(kSessionEnded);
    still->last_seen = now;
    TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutSession(*still));
    TPMKIT_RETURN_IF_ERROR(txn->Commit());
  }
  return who;
}

Result<Principal> AuthenticateToken(Env& env, const std::string& bearer) {
  constexpr char kBadToken[] = "The API token is not valid: unknown, expired or revoked.";
  if (bearer.rfind("tpm_", 0) != 0 || bearer.size() > 256) return Error::Unauthorized(kBadToken);
  const int64_t now = NowSeconds(env);
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_ASSIGN_OR_RETURN(auto token, txn->Accounts().LoadToken(Sha256Hex(bearer)));
  if (!token || (token->expires_at && *token->expires_at <= now))
    return Error::Unauthorized(kBadToken);
  TPMKIT_ASSIGN_OR_RETURN(auto user, txn->Accounts().LoadUser(token->user));
  if (!user || user->disabled) return Error::Unauthorized(kBadToken);
  Principal who;
  who.user = user->name;
  who.admin = user->admin;
  TPMKIT_ASSIGN_OR_RETURN(who.roles, RolesOf(*txn, user->name));
  who.via_token = true;
  who.token_program = token->program;
  who.token_role = ParseRole(token->role).value_or(Role::kViewer);
  who.token_id = token->id;
  return who;
}

Result<int64_t> Logout(Env& env, const Principal& who, bool others) {
  if (who.via_token || who.session_id_hash.empty())
    return Error::Usage("an API token has no session to end; revoke the token instead");
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  int64_t ended = 0;
  if (others) {
    TPMKIT_ASSIGN_OR_RETURN(ended, txn->Accounts().DeleteSessions(who.user, who.session_id_hash));
  } else {
    TPMKIT_ASSIGN_OR_RETURN(ended, txn->Accounts().DeleteSession(who.session_id_hash));
  }
  TPMKIT_RETURN_IF_ERROR(RecordEvent(
      *txn, who.user, who.user,
      others ? fmt::format("logout of {} other sessions", ended) : std::string("logout"), ""));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return ended;
}

Status ChangePassword(Env& env, const ChangePasswordRequest& request) {
  TPMKIT_RETURN_IF_ERROR(CheckPasswordRules(request.password, request.user));
  std::optional<store::UserRecord> user;
  {
    TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
    TPMKIT_ASSIGN_OR_RETURN(user, txn->Accounts().LoadUser(request.user));
  }
  if (!user || user->disabled || request.current.size() > 4 * kMaxPasswordLength ||
      !VerifyPassword(user->password_hash, request.current))
    return Error::Unauthorized("The current password is not right.");
  TPMKIT_ASSIGN_OR_RETURN(auto hash, HashPassword(request.password));
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto fresh, LoadExistingUser(*txn, request.user));
  fresh.password_hash = std::move(hash);
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutUser(fresh));
  TPMKIT_RETURN_IF_ERROR(
      txn->Accounts().DeleteSessions(request.user, request.keep_session_id_hash));
  TPMKIT_RETURN_IF_ERROR(RecordUserEvent(*txn, env.actor, request.user,
                                         model::ChangeAction::kUpdate,
                                         {Field("password", std::nullopt, "changed")}));
  return txn->Commit();
}

Result<EnableTotpResponse> EnableTotp(Env& env, const std::string& name) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto user, LoadExistingUser(*txn, name));
  const bool had = !user.totp_secret.empty();
  user.totp_secret = NewTotpSecret();
  TPMKIT_RETURN_IF_ERROR(txn->Accounts().PutUser(user));
  TPMKIT_RETURN_IF_ERROR(RecordUserEvent(*txn, env.actor, name, model::ChangeAction::kUpdate,
                                         {Field("totp", had ? "on" : "off", "on (new secret)")}));
  TPMKIT_RETURN_IF_ERROR(txn->Commit());
  return EnableTotpResponse{user.totp_secret, TotpUri("tpmkit", name, user.totp_secret)};
}

namespace {

std::map<std::string, std::string> RoleNames(const std::map<std::string, Role>& roles) {
  std::map<std::string, std::string> out;
  for (const auto& [program, role] : roles) out[program] = std::string(RoleName(role));
  return out;
}

}  // namespace

report::UserView ToUserView(const UserSummary& u) {
  return {u.name,     u.admin, u.disabled, u.totp, u.created_at, RoleNames(u.roles),
          u.sessions, u.tokens};
}

report::SessionView ToSessionView(const SessionInfo& s) {
  return {s.id, s.created_at, s.last_seen, s.address, s.current};
}

report::TokenView ToTokenView(const TokenInfo& t) {
  return {t.id, t.user, t.program, std::string(RoleName(t.role)), t.created_at, t.expires_at};
}

report::CallerView ToCallerView(const Principal& who) {
  report::CallerView c;
  c.user = who.user;
  c.admin = who.admin;
  c.roles = RoleNames(who.roles);
  c.csrf_token = who.csrf_token;
  if (who.via_token) {
    c.token_id = who.token_id;
    c.token_program = who.token_program;
    c.token_role = std::string(RoleName(who.token_role));
  }
  return c;
}

}  // namespace tpmkit::app
