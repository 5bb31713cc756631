#include "tpmkit/store/sql/account_rows.h"

#include <fmt/format.h>

#include <utility>

namespace tpmkit::store::sql {

namespace {

// A boolean column (0 or 1; the schema checks it on write).
bool Flag(const SqlRow& r, int c) {
  int64_t v = r.Int(c);
  if (v != 0 && v != 1) r.Fail(fmt::format("{} is not a boolean", v));
  return v == 1;
}

// Columns name, password_hash, admin, disabled, totp_secret, totp_last_step, created_at.
UserRecord ReadUser(const SqlRow& r) {
  return {r.Text(0), r.Text(1), Flag(r, 2), Flag(r, 3), r.Text(4), r.Int(5), r.Int(6)};
}

// Columns id_hash, user_name, csrf_token, created_at, last_seen, address.
SessionRecord ReadSession(const SqlRow& r) {
  return {r.Text(0), r.Text(1), r.Text(2), r.Int(3), r.Int(4), r.Text(5)};
}

// Columns id, hash, user_name, program, role, created_at, expires_at.
TokenRecord ReadToken(const SqlRow& r) {
  return {r.Text(0),
          r.Text(1),
          r.Text(2),
          r.Null(3) ? std::nullopt : std::optional(r.Text(3)),
          r.Text(4),
          r.Int(5),
          r.Null(6) ? std::nullopt : std::optional(r.Int(6))};
}

}  // namespace

Status SqlAccountRows::NeedUser(const std::string& name) {
  bool found = false;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT 1 FROM users WHERE name = ?", [&](const SqlRow&) { found = true; }, name));
  if (!found) return Error::NotFound(fmt::format("no user '{}'", name));
  return OkStatus();
}

Result<std::optional<UserRecord>> SqlAccountRows::LoadUser(const std::string& name) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::optional<UserRecord> user;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT name, password_hash, admin, disabled, totp_secret, totp_last_step, created_at "
      "FROM users WHERE name = ?",
      [&](const SqlRow& r) { user = ReadUser(r); }, name));
  return user;
}

Result<std::vector<UserRecord>> SqlAccountRows::ListUsers() {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::vector<UserRecord> out;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT name, password_hash, admin, disabled, totp_secret, totp_last_step, created_at "
      "FROM users ORDER BY name",
      [&](const SqlRow& r) { out.push_back(ReadUser(r)); }));
  return out;
}

Status SqlAccountRows::PutUser(const UserRecord& u) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  // An upsert, not INSERT OR REPLACE: replacing deletes the row, and the cascade would
  // take the user's grants, sessions and tokens with it.
  return db_.Run(
      "INSERT INTO users (name, password_hash, admin, disabled, totp_secret, totp_last_step, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, "
      "admin = excluded.admin, disabled = excluded.disabled, "
      "totp_secret = excluded.totp_secret, totp_last_step = excluded.totp_last_step, "
      "created_at = excluded.created_at",
      u.name, u.password_hash, u.admin, u.disabled, u.totp_secret, u.totp_last_step, u.created_at);
}

Result<std::vector<GrantRecord>> SqlAccountRows::ListGrants(
    const std::optional<std::string>& user) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::vector<GrantRecord> out;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      // The CAST names the parameter's type, which PostgreSQL cannot guess from `? IS NULL`.
      "SELECT user_name, program, role FROM grants WHERE (CAST(?1 AS TEXT) IS NULL OR user_name = "
      "?1) "
      "ORDER BY user_name, program",
      [&](const SqlRow& r) {
        out.push_back({r.Text(0), r.Text(1), r.Text(2)});
      },
      user));
  return out;
}

Status SqlAccountRows::PutGrant(const GrantRecord& g) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(NeedUser(g.user));
  return db_.Run(
      "INSERT INTO grants (user_name, program, role) VALUES (?, ?, ?) "
      "ON CONFLICT (user_name, program) DO UPDATE SET role = excluded.role",
      g.user, g.program, g.role);
}

Result<int64_t> SqlAccountRows::DeleteGrant(const std::string& user, const std::string& program) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(
      db_.Run("DELETE FROM grants WHERE user_name = ? AND program = ?", user, program));
  return static_cast<int64_t>(db_.Changes());
}

Result<std::optional<SessionRecord>> SqlAccountRows::LoadSession(const std::string& id_hash) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::optional<SessionRecord> session;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT id_hash, user_name, csrf_token, created_at, last_seen, address FROM sessions "
      "WHERE id_hash = ?",
      [&](const SqlRow& r) { session = ReadSession(r); }, id_hash));
  return session;
}

Result<std::vector<SessionRecord>> SqlAccountRows::ListSessions(const std::string& user) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::vector<SessionRecord> out;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT id_hash, user_name, csrf_token, created_at, last_seen, address FROM sessions "
      "WHERE user_name = ? ORDER BY created_at, id_hash",
      [&](const SqlRow& r) { out.push_back(ReadSession(r)); }, user));
  return out;
}

Status SqlAccountRows::PutSession(const SessionRecord& s) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(NeedUser(s.user));
  return db_.Run(
      "INSERT INTO sessions (id_hash, user_name, csrf_token, created_at, last_seen, address) "
      "VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id_hash) DO UPDATE SET user_name = excluded.user_name, "
      "csrf_token = excluded.csrf_token, created_at = excluded.created_at, "
      "last_seen = excluded.last_seen, address = excluded.address",
      s.id_hash, s.user, s.csrf_token, s.created_at, s.last_seen, s.address);
}

Result<int64_t> SqlAccountRows::DeleteSession(const std::string& id_hash) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(db_.Run("DELETE FROM sessions WHERE id_hash = ?", id_hash));
  return static_cast<int64_t>(db_.Changes());
}

Result<int64_t> SqlAccountRows::DeleteSessions(const std::string& user, const std::string& keep) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(
      db_.Run("DELETE FROM sessions WHERE user_name = ? AND id_hash <> ?", user, keep));
  return static_cast<int64_t>(db_.Changes());
}

Result<int64_t> SqlAccountRows::DeleteExpiredSessions(int64_t idle_before, int64_t created_before) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(db_.Run("DELETE FROM sessions WHERE last_seen < ? OR created_at < ?",
                                 idle_before, created_before));
  return static_cast<int64_t>(db_.Changes());
}

Result<std::optional<TokenRecord>> SqlAccountRows::LoadToken(const std::string& hash) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::optional<TokenRecord> token;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT id, hash, user_name, program, role, created_at, expires_at FROM tokens "
      "WHERE hash = ?",
      [&](const SqlRow& r) { token = ReadToken(r); }, hash));
  return token;
}

Result<std::vector<TokenRecord>> SqlAccountRows::ListTokens(const std::string& user) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  std::vector<TokenRecord> out;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT id, hash, user_name, program, role, created_at, expires_at FROM tokens "
      "WHERE user_name = ? ORDER BY id",
      [&](const SqlRow& r) { out.push_back(ReadToken(r)); }, user));
  return out;
}

Status SqlAccountRows::PutToken(const TokenRecord& t) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(NeedUser(t.user));
  return db_.Run(
      "INSERT INTO tokens (id, hash, user_name, program, role, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, user_name = excluded.user_name, "
      "program = excluded.program, role = excluded.role, created_at = excluded.created_at, "
      "expires_at = excluded.expires_at",
      t.id, t.hash, t.user, t.program, t.role, t.created_at, t.expires_at);
}

Result<int64_t> SqlAccountRows::DeleteToken(const std::string& id) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  TPMKIT_RETURN_IF_ERROR(db_.Run("DELETE FROM tokens WHERE id = ?", id));
  return static_cast<int64_t>(db_.Changes());
}

Status SqlAccountRows::AddLoginFailure(const std::string& user, const std::string& address,
                                       int64_t at) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  return db_.Run("INSERT INTO login_failures (user_name, address, at) VALUES (?, ?, ?)", user,
                 address, at);
}

Result<LoginFailureCounts> SqlAccountRows::CountLoginFailures(const std::string& user,
                                                              const std::string& address,
                                                              int64_t since) {
  TPMKIT_RETURN_IF_ERROR(usable_(false));
  LoginFailureCounts counts;
  // Two subqueries, so that each uses its own index.
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT (SELECT COUNT(*) FROM login_failures WHERE user_name = ?1 AND at >= ?3), "
      "(SELECT COUNT(*) FROM login_failures WHERE address = ?2 AND at >= ?3)",
      [&](const SqlRow& r) {
        counts = {r.Int(0), r.Int(1)};
      },
      user, address, since));
  return counts;
}

Status SqlAccountRows::ClearLoginFailures(const std::string& user, int64_t before) {
  TPMKIT_RETURN_IF_ERROR(usable_(true));
  return db_.Run("DELETE FROM login_failures WHERE user_name = ? OR at < ?", user, before);
}

}  // namespace tpmkit::store::sql
