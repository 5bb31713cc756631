// Who may use a workspace through the server (spec server.md): users, their roles per
// program, browser sessions, API tokens and failed logins. They live in the workspace
// database beside the programs, so that every server process on the same database serves
// the same users; each backend keeps them in its own tables (SQLite: migration 004).
//
// Secrets are never stored: a session or token is kept as the SHA-256 of its random value,
// a password as its argon2id string. Times are seconds since the Unix epoch (UTC).
// The rows are used inside the caller's Transaction (Transaction::Accounts()), so that an
// account change and its audit entries commit together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::store {

struct UserRecord {
  std::string name;           // unique; the audit trail's actor
  std::string password_hash;  // crypto_pwhash_str output (argon2id)
  bool admin = false;
  bool disabled = false;
  std::string totp_secret;  // base32; empty when the user has no second factor
  // The time step (unix time / 30) of the last code accepted: a code is good once (RFC
  // 6238 section 5.2), so codes of that step or earlier are refused.
  int64_t totp_last_step = 0;
  int64_t created_at = 0;

  friend bool operator==(const UserRecord&, const UserRecord&) = default;
};

// A role on one program: "viewer", "editor" or "owner".
struct GrantRecord {
  std::string user;
  std::string program;
  std::string role;

  friend bool operator==(const GrantRecord&, const GrantRecord&) = default;
};

struct SessionRecord {
  std::string id_hash;  // hex SHA-256 of the cookie's value; the key
  std::string user;
  std::string csrf_token;  // random, sent with every state-changing browser request
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string address;  // the client's address at login

  friend bool operator==(const SessionRecord&, const SessionRecord&) = default;
};

struct TokenRecord {
  std::string id;    // public handle ("tok_" + 8 hex), shown in lists and used to revoke
  std::string hash;  // hex SHA-256 of the secret ("tpm_..."); the key for lookups
  std::string user;
  std::optional<std::string> program;  // nullopt: every program the user may see
  std::string role;                    // "viewer" or "editor": the most the token may do
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;

  friend bool operator==(const TokenRecord&, const TokenRecord&) = default;
};

struct LoginFailureCounts {
  int64_t for_user = 0;     // failures for the account since the time asked
  int64_t for_address = 0;  // failures from the address since the time asked

  friend bool operator==(const LoginFailureCounts&, const LoginFailureCounts&) = default;
};

// The account rows of one transaction. Writes need a write transaction (kInternal
// otherwise); lookups of an absent key return nullopt, deletes return the number of rows
// removed (0 when the key is absent). Grants, sessions and tokens belong to a user: putting
// one for a name that is not a user is kNotFound. A role other than those listed above is
// refused by the database (kStorage); callers validate first. Other errors: kStorage, kBusy.
class AccountRows {
 public:
  virtual ~AccountRows() = default;

  virtual Result<std::optional<UserRecord>> LoadUser(const std::string& name) = 0;
  virtual Result<std::vector<UserRecord>> ListUsers() = 0;  // by name
  virtual Status PutUser(const UserRecord& user) = 0;       // insert or replace by name

  // The grants of `user` (every user's when nullopt), by user then program.
  virtual Result<std::vector<GrantRecord>> ListGrants(const std::optional<std::string>& user) = 0;
  virtual Status PutGrant(const GrantRecord& grant) = 0;  // insert or replace (user, program)
  // Returns the number removed (0 or 1).
  virtual Result<int64_t> DeleteGrant(const std::string& user, const std::string& program) = 0;

  virtual Result<std::optional<SessionRecord>> LoadSession(const std::string& id_hash) = 0;
  // By created_at, then id_hash.
  virtual Result<std::vector<SessionRecord>> ListSessions(const std::string& user) = 0;
  virtual Status PutSession(const SessionRecord& session) = 0;  // insert or replace by id_hash
  virtual Result<int64_t> DeleteSession(const std::string& id_hash) = 0;
  // Deletes the sessions of `user` except `keep` (an id_hash; "" keeps none). Returns how
  // many were deleted.
  virtual Result<int64_t> DeleteSessions(const std::string& user, const std::string& keep) = 0;
  // Deletes every session last seen before `idle_before` or created before `created_before`.
  // Returns how many were deleted.
  virtual Result<int64_t> DeleteExpiredSessions(int64_t idle_before, int64_t created_before) = 0;

  virtual Result<std::optional<TokenRecord>> LoadToken(const std::string& hash) = 0;
  virtual Result<std::vector<TokenRecord>> ListTokens(const std::string& user) = 0;  // by id
  // Insert or replace by id; a hash that another token has is refused (kStorage).
  virtual Status PutToken(const TokenRecord& token) = 0;
  virtual Result<int64_t> DeleteToken(const std::string& id) = 0;

  virtual Status AddLoginFailure(const std::string& user, const std::string& address,
                                 int64_t at) = 0;
  // Counts the failures at or after `since`, for `user` and from `address` separately.
  virtual Result<LoginFailureCounts> CountLoginFailures(const std::string& user,
                                                        const std::string& address,
                                                        int64_t since) = 0;
  // Forgets the failures of `user` (after a successful login) and every failure older than
  // `before`.
  virtual Status ClearLoginFailures(const std::string& user, int64_t before) = 0;
};

}  // namespace tpmkit::store
