// The account rows (store/accounts.h) as rows of the workspace schema (each backend's
// migrations/004_accounts.sql): users, grants, sessions, tokens and login failures.
// Private to store/.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tpmkit/store/accounts.h"
#include "tpmkit/store/sql/sql_db.h"

namespace tpmkit::store::sql {

class SqlAccountRows : public AccountRows {
 public:
  // `usable(write)` is asked before every call (write: whether the call writes) and its
  // error returned instead: the transaction's checks (finished, read-only).
  SqlAccountRows(SqlDb& db, std::function<Status(bool write)> usable)
      : db_(db), usable_(std::move(usable)) {}

  Result<std::optional<UserRecord>> LoadUser(const std::string& name) override;
  Result<std::vector<UserRecord>> ListUsers() override;
  Status PutUser(const UserRecord& user) override;

  Result<std::vector<GrantRecord>> ListGrants(const std::optional<std::string>& user) override;
  Status PutGrant(const GrantRecord& grant) override;
  Result<int64_t> DeleteGrant(const std::string& user, const std::string& program) override;

  Result<std::optional<SessionRecord>> LoadSession(const std::string& id_hash) override;
  Result<std::vector<SessionRecord>> ListSessions(const std::string& user) override;
  Status PutSession(const SessionRecord& session) override;
  Result<int64_t> DeleteSession(const std::string& id_hash) override;
  Result<int64_t> DeleteSessions(const std::string& user, const std::string& keep) override;
  Result<int64_t> DeleteExpiredSessions(int64_t idle_before, int64_t created_before) override;

  Result<std::optional<TokenRecord>> LoadToken(const std::string& hash) override;
  Result<std::vector<TokenRecord>> ListTokens(const std::string& user) override;
  Status PutToken(const TokenRecord& token) override;
  Result<int64_t> DeleteToken(const std::string& id) override;

  Status AddLoginFailure(const std::string& user, const std::string& address, int64_t at) override;
  Result<LoginFailureCounts> CountLoginFailures(const std::string& user, const std::string& address,
                                                int64_t since) override;
  Status ClearLoginFailures(const std::string& user, int64_t before) override;

 private:
  // kNotFound when no user has that name: the rows that belong to a user need one.
  Status NeedUser(const std::string& name);

  SqlDb& db_;
  std::function<Status(bool write)> usable_;
};

}  // namespace tpmkit::store::sql
