// Words and JSON documents for the people who use a workspace through the server: `user`
// and `token` commands and their API routes (spec server.md). Times are UTC
// "YYYY-MM-DDTHH:MM:SSZ". Secrets appear only in the document that creates them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tpmkit::report {

// Seconds since 1970-01-01 UTC as "YYYY-MM-DDTHH:MM:SSZ".
std::string UtcTime(int64_t unix_seconds);

struct UserView {
  std::string name;
  bool admin = false;
  bool disabled = false;
  bool totp = false;
  int64_t created_at = 0;
  std::map<std::string, std::string> roles;  // program -> viewer | editor | owner
  size_t sessions = 0;
  size_t tokens = 0;
};
std::string UsersText(const std::vector<UserView>& users);
std::string UsersJson(const std::vector<UserView>& users);  // {"users":[...]}

struct AddedUser {
  std::string name;
  bool admin = false;
  std::string generated_password;  // empty when the password was given
};
std::string UserAddedText(const AddedUser& user);
std::string UserAddedJson(const AddedUser& user);  // {"user","admin","password"?}

struct GrantedRole {
  std::string user;
  std::string program;
  std::string role;      // "" when removed
  std::string previous;  // "" when none
};
std::string GrantText(const GrantedRole& grant);
std::string GrantJson(const GrantedRole& grant);  // {"user","program","role","previous"}

struct DisabledUser {
  std::string name;
  int64_t sessions_revoked = 0;
  int64_t tokens_revoked = 0;
};
std::string DisabledText(const DisabledUser& user);
std::string DisabledJson(const DisabledUser& user);

struct SessionView {
  std::string id;
  int64_t created_at = 0;
  int64_t last_seen = 0;
  std::string address;
  bool current = false;
};
std::string SessionsText(const std::string& user, const std::vector<SessionView>& sessions,
                         int64_t revoked, bool revoking);
// {"user","sessions":[{"id","created_at","last_seen","address","current"}],"revoked"}
std::string SessionsJson(const std::string& user, const std::vector<SessionView>& sessions,
                         int64_t revoked);

struct TokenView {
  std::string id;
  std::string user;
  std::optional<std::string> program;  // nullopt: every program the user may see
  std::string role;
  int64_t created_at = 0;
  std::optional<int64_t> expires_at;
};
std::string TokenCreatedText(const TokenView& token, const std::string& secret);
// {"token": {...}, "secret"}
std::string TokenCreatedJson(const TokenView& token, const std::string& secret);
std::string TokensJson(const std::vector<TokenView>& tokens);  // {"tokens":[...]}
// One line per token, or a sentence when `user` has none.
std::string TokensText(const std::string& user, const std::vector<TokenView>& tokens);
std::string TokenRevokedText(const std::string& id);

struct SecondFactor {
  std::string user;
  std::string secret;
  std::string uri;
};
std::string TotpText(const SecondFactor& factor);
std::string TotpJson(const SecondFactor& factor);  // {"user","secret","uri"}

// Who the caller is: {"user","admin","roles":{program: role},"csrf_token"?,"token"?}.
struct CallerView {
  std::string user;
  bool admin = false;
  std::map<std::string, std::string> roles;
  std::string csrf_token;  // for a session
  std::string token_id;    // for a token
  std::optional<std::string> token_program;
  std::string token_role;
};
std::string CallerJson(const CallerView& caller);

// {"user","csrf_token","expires_at"}
std::string LoginJson(const std::string& user, const std::string& csrf_token, int64_t expires_at);

// {"ended": N}
std::string SessionsEndedJson(int64_t ended);

}  // namespace tpmkit::report
