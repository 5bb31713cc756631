#include "tpmkit/report/account_text.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"

namespace tpmkit::report {

namespace {

using json = nlohmann::ordered_json;

std::string Dump(const json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

json RolesJson(const std::map<std::string, std::string>& roles) {
  json out = json::object();
  for (const auto& [program, role] : roles) out[program] = role;
  return out;
}

json TokenJson(const TokenView& t) {
  return {{"id", t.id},
          {"user", t.user},
          {"program", t.program ? json(*t.program) : json(nullptr)},
          {"role", t.role},
          {"created_at", UtcTime(t.created_at)},
          {"expires_at", t.expires_at ? json(UtcTime(*t.expires_at)) : json(nullptr)}};
}

std::string Plural(int64_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::string UtcTime(int64_t unix_seconds) {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                     std::chrono::sys_seconds(std::chrono::seconds(unix_seconds)));
}

std::string UsersText(const std::vector<UserView>& users) {
  if (users.empty()) return "No users yet: add one with `tpmkit user add NAME --admin`.";
  std::string out;
  for (const auto& u : users) {
    std::string roles;
    for (const auto& [program, role] : u.roles)
      roles += (roles.empty() ? "" : ", ") + program + " " + role;
    out += fmt::format("{}{}{}{}: {}; {}, {}\n", EscapeControls(u.name), u.admin ? " (admin)" : "",
                       u.disabled ? " (disabled)" : "", u.totp ? " (second factor)" : "",
                       roles.empty() ? "no roles" : EscapeControls(roles),
                       Plural(static_cast<int64_t>(u.sessions), "session", "sessions"),
                       Plural(static_cast<int64_t>(u.tokens), "token", "tokens"));
  }
  return out;
}

std::string UsersJson(const std::vector<UserView>& users) {
  json list = json::array();
  for (const auto& u : users) {
    list.push_back({{"name", u.name},
                    {"admin", u.admin},
                    {"disabled", u.disabled},
                    {"totp", u.totp},
                    {"created_at", UtcTime(u.created_at)},
                    {"roles", RolesJson(u.roles)},
                    {"sessions", u.sessions},
                    {"tokens", u.tokens}});
  }
  return Dump({{"users", std::move(list)}});
}

std::string UserAddedText(const AddedUser& user) {
  std::string out = fmt::format("Added user {}{}.", user.name, user.admin ? " (admin)" : "");
  if (!user.generated_password.empty()) {
    out += fmt::format(
        "\nPassword, shown this once: {}\nGive it to {} in person or through a password "
        "manager; they can change it after logging in (PUT /api/v1/me/password).",
        user.generated_password, user.name);
  }
  return out;
}

std::string UserAddedJson(const AddedUser& user) {
  json j = {{"user", user.name}, {"admin", user.admin}};
  if (!user.generated_password.empty()) j["password"] = user.generated_password;
  return Dump(j);
}

std::string GrantText(const GrantedRole& g) {
  if (g.role == g.previous) {
    return fmt::format("{} already has {} on {}; nothing changed.", g.user,
                       g.role.empty() ? "no role" : "the " + g.role + " role", g.program);
  }
  if (g.role.empty()) return fmt::format("{} no longer has a role on {}.", g.user, g.program);
  const bool vowel = g.role == "owner" || g.role == "editor";
  return fmt::format("{} is now {} {} on {}{}.", g.user, vowel ? "an" : "a", g.role, g.program,
                     g.previous.empty() ? "" : " (was " + g.previous + ")");
}

std::string GrantJson(const GrantedRole& g) {
  auto role = [](const std::string& r) { return r.empty() ? json(nullptr) : json(r); };
  return Dump({{"user", g.user},
               {"program", g.program},
               {"role", role(g.role)},
               {"previous", role(g.previous)}});
}

std::string DisabledText(const DisabledUser& u) {
  return fmt::format("Disabled {}: {} and {} revoked.", u.name,
                     Plural(u.sessions_revoked, "session", "sessions"),
                     Plural(u.tokens_revoked, "token", "tokens"));
}

std::string DisabledJson(const DisabledUser& u) {
  return Dump({{"user", u.name},
               {"disabled", true},
               {"sessions_revoked", u.sessions_revoked},
               {"tokens_revoked", u.tokens_revoked}});
}

std::string SessionsText(const std::string& user, const std::vector<SessionView>& sessions,
                         int64_t revoked, bool revoking) {
  std::string out;
  if (sessions.empty()) {
    out = fmt::format("{} has no live session.", user);
  } else {
    out =
        fmt::format("{} has {}:\n", user,
                    Plural(static_cast<int64_t>(sessions.size()), "live session", "live sessions"));
    for (const auto& s : sessions) {
      out +=
          fmt::format("  {}  from {}  since {}  last seen {}{}\n", s.id, EscapeControls(s.address),
                      UtcTime(s.created_at), UtcTime(s.last_seen), s.current ? "  (this one)" : "");
    }
  }
  if (revoking) out += fmt::format("\nRevoked {}.", Plural(revoked, "session", "sessions"));
  return out;
}

std::string SessionsJson(const std::string& user, const std::vector<SessionView>& sessions,
                         int64_t revoked) {
  json list = json::array();
  for (const auto& s : sessions) {
    list.push_back({{"id", s.id},
                    {"created_at", UtcTime(s.created_at)},
                    {"last_seen", UtcTime(s.last_seen)},
                    {"address", s.address},
                    {"current", s.current}});
  }
  return Dump({{"user", user}, {"sessions", std::move(list)}, {"revoked", revoked}});
}

std::string TokenCreatedText(const TokenView& t, const std::string& secret) {
  return fmt::format(
      "Created token {} for {}: {} on {}, expires {}.\nToken, shown this once: {}\nUse it as "
      "'Authorization: Bearer {}'.",
      t.id, t.user, t.role, t.program ? *t.program : "every program the user may see",
      t.expires_at ? UtcTime(*t.expires_at) : "never", secret, secret);
}

std::string TokenCreatedJson(const TokenView& token, const std::string& secret) {
  return Dump({{"token", TokenJson(token)}, {"secret", secret}});
}

std::string TokensJson(const std::vector<TokenView>& tokens) {
  json list = json::array();
  for (const auto& t : tokens) list.push_back(TokenJson(t));
  return Dump({{"tokens", std::move(list)}});
}

std::string TokensText(const std::string& user, const std::vector<TokenView>& tokens) {
  if (tokens.empty()) return user + " has no API token.";
  std::string out;
  for (const auto& t : tokens) {
    out += fmt::format("{}  {} on {}  expires {}\n", t.id, t.role,
                       t.program ? *t.program : "every program",
                       t.expires_at ? UtcTime(*t.expires_at) : "never");
  }
  return out;
}

std::string TokenRevokedText(const std::string& id) { return "Revoked token " + id + "."; }

std::string TotpText(const SecondFactor& f) {
  return fmt::format(
      "{} now logs in with a second factor. Add it to an authenticator app, shown this "
      "once:\n  secret: {}\n  {}",
      f.user, f.secret, f.uri);
}

std::string TotpJson(const SecondFactor& f) {
  return Dump({{"user", f.user}, {"secret", f.secret}, {"uri", f.uri}});
}

std::string CallerJson(const CallerView& c) {
  json j = {{"user", c.user}, {"admin", c.admin}, {"roles", RolesJson(c.roles)}};
  if (!c.csrf_token.empty()) j["csrf_token"] = c.csrf_token;
  if (!c.token_id.empty()) {
    j["token"] = {{"id", c.token_id},
                  {"program", c.token_program ? json(*c.token_program) : json(nullptr)},
                  {"role", c.token_role}};
  }
  return Dump(j);
}

std::string LoginJson(const std::string& user, const std::string& csrf_token, int64_t expires_at) {
  return Dump({{"user", user}, {"csrf_token", csrf_token}, {"expires_at", UtcTime(expires_at)}});
}

std::string SessionsEndedJson(int64_t ended) { return Dump({{"ended", ended}}); }

}  // namespace tpmkit::report
