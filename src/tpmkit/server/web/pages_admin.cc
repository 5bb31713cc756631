// Users and access. For admins: every user with their roles, adding a user, granting or
// removing a role, disabling a user, and everyone's API tokens. For everyone: their own
// sessions (end one, or sign out everywhere) and tokens (create one, its secret shown
// once; revoke). Each form calls the use case of its API route (app/account_cases.h);
// the answer's words are report/account_text.h's, as the command line prints them.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/report/account_text.h"
#include "tpmkit/server/cookies.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

const std::vector<FieldSpec>& AddUserFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "name",
       .label = "User name",
       .hint = "Letters, digits and . _ @ - (an e-mail address works).",
       .autocomplete = "off",
       .required = true},
      {.name = "password",
       .label = "Password",
       .type = "password",
       .hint = "Empty: one is generated and shown once.",
       .autocomplete = "new-password",
       .keep_value = false},
  };
  return kFields;
}

const std::vector<FieldSpec>& GrantFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "user", .label = "User", .autocomplete = "off", .required = true},
      {.name = "program", .label = "Program", .hint = "The program's id.", .required = true},
  };
  return kFields;
}

const std::vector<FieldSpec>& TokenFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "program",
       .label = "Program",
       .hint = "Only this program's id; empty: every program you may see."},
      {.name = "expires_days",
       .label = "Expires in days",
       .type = "number",
       .hint = "1 to 366; empty: 90."},
  };
  return kFields;
}

// What a form brings back: which form, what was typed, the errors beside their fields.
struct AccessFormState {
  std::string form;
  const Form* typed = nullptr;
  std::map<std::string, std::string> errors;
  std::string problem;
};

nlohmann::json FormView(const Call& call, const AccessFormState& state, const std::string& name,
                        const std::vector<FieldSpec>& fields) {
  const bool mine = state.form == name;
  static const std::map<std::string, std::string> kNone;
  return {{"csrf_token", call.who->csrf_token},
          {"problem", mine ? state.problem : ""},
          {"fields", FieldsView(fields, mine ? state.typed : nullptr, mine ? state.errors : kNone)},
          {"typed_role", mine && state.typed ? state.typed->Value("role") : ""}};
}

// The choices of a role select: `roles` in order, the typed one selected.
nlohmann::json RoleChoices(const std::vector<std::string>& roles, const std::string& typed) {
  auto out = nlohmann::json::array();
  for (const auto& r : roles) out.push_back({{"value", r}, {"selected", r == typed}});
  return out;
}

std::string RolesText(const std::map<std::string, app::Role>& roles) {
  std::string out;
  for (const auto& [program, role] : roles) {
    out += fmt::format("{}{}: {}", out.empty() ? "" : ", ", program, app::RoleName(role));
  }
  return out.empty() ? "-" : out;
}

nlohmann::json TokenRows(const std::vector<app::TokenInfo>& tokens) {
  auto rows = nlohmann::json::array();
  for (const auto& t : tokens) {
    const auto v = app::ToTokenView(t);
    rows.push_back({{"id", v.id},
                    {"program", v.program.value_or("every program")},
                    {"role", v.role},
                    {"created", report::UtcTime(v.created_at)},
                    {"expires", v.expires_at ? report::UtcTime(*v.expires_at) : "never"}});
  }
  return rows;
}

HttpResponse UsersPage(Call& call, const AccessFormState& state, const std::string& notice,
                       const std::string& secret, http::status status) {
  auto users = app::ListUsers(call.env);
  if (!users.ok()) return ErrorPage(call, users.error());
  auto rows = nlohmann::json::array();
  for (const auto& u : *users) {
    auto tokens = app::ListTokens(call.env, u.name);
    if (!tokens.ok()) return ErrorPage(call, tokens.error());
    auto token_rows = TokenRows(*tokens);
    for (auto& t : token_rows) {
      t["revoke_action"] = fmt::format("/users/{}/tokens/{}/revoke", QueryEncode(u.name),
                                       QueryEncode(t["id"].get<std::string>()));
    }
    rows.push_back({{"name", u.name},
                    {"admin", u.admin},
                    {"disabled", u.disabled},
                    {"totp", u.totp},
                    {"created", report::UtcTime(u.created_at)},
                    {"roles", RolesText(u.roles)},
                    {"sessions", u.sessions},
                    {"tokens", token_rows},
                    {"has_tokens", !token_rows.empty()},
                    {"disable_action", fmt::format("/users/{}/disable", QueryEncode(u.name))},
                    {"self", u.name == call.who->user}});
  }
  auto add = FormView(call, state, "add", AddUserFields());
  add["admin_checked"] = state.form == "add" && state.typed && !state.typed->Value("admin").empty();
  auto grant = FormView(call, state, "grant", GrantFields());
  grant["roles"] =
      RoleChoices({"viewer", "editor", "owner", "none"}, grant["typed_role"].get<std::string>());
  const nlohmann::json view = {{"users", rows},    {"csrf_token", call.who->csrf_token},
                               {"notice", notice}, {"secret", secret},
                               {"add_form", add},  {"grant_form", grant}};
  return Page(call, {.title = "Users and access", .section = "users"}, "users", view, status);
}

HttpResponse SessionsPage(Call& call, const AccessFormState& state, const std::string& notice,
                          const std::string& secret, http::status status) {
  const std::string& user = call.who->user;
  auto sessions = app::UserSessions(call.env, {user, false, call.who->session_id_hash});
  if (!sessions.ok()) return ErrorPage(call, sessions.error());
  auto tokens = app::ListTokens(call.env, user);
  if (!tokens.ok()) return ErrorPage(call, tokens.error());
  auto session_rows = nlohmann::json::array();
  for (const auto& s : sessions->sessions) {
    const auto v = app::ToSessionView(s);
    session_rows.push_back({{"id", v.id},
                            {"created", report::UtcTime(v.created_at)},
                            {"last_seen", report::UtcTime(v.last_seen)},
                            {"address", v.address.empty() ? "-" : v.address},
                            {"current", v.current},
                            {"revoke_action", "/me/sessions/" + QueryEncode(v.id) + "/revoke"}});
  }
  auto token_rows = TokenRows(*tokens);
  for (auto& t : token_rows) {
    t["revoke_action"] = "/me/tokens/" + QueryEncode(t["id"].get<std::string>()) + "/revoke";
  }
  auto create = FormView(call, state, "token", TokenFields());
  create["roles"] = RoleChoices({"viewer", "editor"}, create["typed_role"].get<std::string>());
  const nlohmann::json view = {{"user", user},
                               {"csrf_token", call.who->csrf_token},
                               {"notice", notice},
                               {"secret", secret},
                               {"sessions", session_rows},
                               {"tokens", token_rows},
                               {"has_tokens", !token_rows.empty()},
                               {"token_form", create}};
  return Page(call, {.title = "My sessions and tokens", .section = "sessions"}, "sessions", view,
              status);
}

std::optional<Form> PostedForm(const Call& call) {
  return IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
}

HttpResponse NotAForm(const Call& call) {
  return MessagePage(call, http::status::bad_request, "Not a form", "Send the form from its page.");
}

// The status of a refusal the user can fix: the form comes back with it.
http::status FixableStatus(const Error& error) {
  switch (error.code) {
    case ErrorCode::kConflict:
      return http::status::conflict;
    case ErrorCode::kNotFound:
      return http::status::not_found;
    default:
      return http::status::unprocessable_entity;
  }
}

bool Fixable(const Error& error) {
  return error.code == ErrorCode::kInvalidInput || error.code == ErrorCode::kConflict ||
         error.code == ErrorCode::kNotFound || error.code == ErrorCode::kUsage;
}

}  // namespace

HttpResponse Users(Call& call) { return UsersPage(call, {}, "", "", http::status::ok); }

HttpResponse AddUser(Call& call) {
  auto form = PostedForm(call);
  if (!form) return NotAForm(call);
  AccessFormState state{"add", &*form, {}, ""};
  const std::string name = form->Value("name");
  if (name.empty()) {
    state.errors["name"] = "Enter the new user's name.";
    return UsersPage(call, state, "", "", http::status::unprocessable_entity);
  }
  std::optional<std::string> password;
  if (auto p = form->Value("password"); !p.empty()) password = p;
  auto r = app::AddUser(call.env, {name, !form->Value("admin").empty(), password});
  if (!r.ok()) {
    if (!Fixable(r.error())) return ErrorPage(call, r.error());
    // A refused password is said beside it; anything else is about the name.
    const bool about_password = password && r.error().message.find("password") != std::string::npos;
    state.errors[about_password ? "password" : "name"] = r.error().message;
    return UsersPage(call, state, "", "", FixableStatus(r.error()));
  }
  // The generated password goes on the page once, never into a URL or the log.
  const std::string notice =
      fmt::format("Added user {}{}.", r->name, r->admin ? " (admin)" : "") +
      (r->generated_password.empty() ? "" : " Their password is shown below, this once.");
  return UsersPage(call, {}, notice, r->generated_password, http::status::ok);
}

HttpResponse GrantRole(Call& call) {
  auto form = PostedForm(call);
  if (!form) return NotAForm(call);
  AccessFormState state{"grant", &*form, {}, ""};
  const std::string user = form->Value("user");
  const std::string program = form->Value("program");
  const std::string role_name = form->Value("role");
  if (user.empty()) state.errors["user"] = "Enter the user's name.";
  if (program.empty()) state.errors["program"] = "Enter the program's id.";
  app::Role role = app::Role::kNone;
  if (role_name != "none") {
    auto parsed = app::ParseRole(role_name);
    if (!parsed) {
      state.problem = "Choose viewer, editor, owner or none.";
    } else {
      role = *parsed;
    }
  }
  if (state.errors.empty() && state.problem.empty()) {
    // As over the API: a role is granted on a program that exists.
    auto programs = app::ListPrograms(call.env);
    if (!programs.ok()) return ErrorPage(call, programs.error());
    if (std::none_of(programs->begin(), programs->end(),
                     [&](const auto& p) { return p.id == program; })) {
      state.errors["program"] = fmt::format("no program '{}' in the workspace", program);
    }
  }
  if (!state.errors.empty() || !state.problem.empty()) {
    return UsersPage(call, state, "", "", http::status::unprocessable_entity);
  }
  auto r = app::GrantRole(call.env, {user, program, role});
  if (!r.ok()) {
    if (!Fixable(r.error())) return ErrorPage(call, r.error());
    state.errors["user"] = r.error().message;
    return UsersPage(call, state, "", "", FixableStatus(r.error()));
  }
  auto name = [](app::Role x) {
    return x == app::Role::kNone ? std::string() : std::string(app::RoleName(x));
  };
  const std::string notice =
      report::GrantText({r->user, r->program, name(r->role), name(r->previous)});
  return UsersPage(call, {}, notice, "", http::status::ok);
}

HttpResponse DisableUser(Call& call) {
  if (!PostedForm(call)) return NotAForm(call);
  auto r = app::DisableUser(call.env, call.Param("name"));
  if (!r.ok()) return ErrorPage(call, r.error());
  return UsersPage(call, {},
                   report::DisabledText({r->name, r->sessions_revoked, r->tokens_revoked}), "",
                   http::status::ok);
}

HttpResponse RevokeUserToken(Call& call) {
  if (!PostedForm(call)) return NotAForm(call);
  auto s = app::RevokeToken(call.env, call.Param("name"), call.Param("tid"));
  if (!s.ok()) return ErrorPage(call, s.error());
  return UsersPage(call, {}, report::TokenRevokedText(call.Param("tid")), "", http::status::ok);
}

HttpResponse MySessions(Call& call) { return SessionsPage(call, {}, "", "", http::status::ok); }

HttpResponse RevokeMySession(Call& call) {
  if (!PostedForm(call)) return NotAForm(call);
  auto s = app::RevokeSession(call.env, call.who->user, call.Param("sid"));
  if (!s.ok()) return ErrorPage(call, s.error());
  if (call.who->session_id_hash.starts_with(call.Param("sid"))) {
    // Ending the session in use is logging out.
    auto response = Redirect(call, "/login");
    response.set(http::field::set_cookie, SessionCookie("", 0));
    return response;
  }
  return SessionsPage(call, {}, fmt::format("Ended session {}.", call.Param("sid")), "",
                      http::status::ok);
}

HttpResponse LogOutEverywhere(Call& call) {
  if (!PostedForm(call)) return NotAForm(call);
  auto r = app::UserSessions(call.env, {call.who->user, true, call.who->session_id_hash});
  if (!r.ok()) return ErrorPage(call, r.error());
  auto response = Redirect(call, "/login");
  response.set(http::field::set_cookie, SessionCookie("", 0));
  return response;
}

HttpResponse CreateMyToken(Call& call) {
  auto form = PostedForm(call);
  if (!form) return NotAForm(call);
  AccessFormState state{"token", &*form, {}, ""};
  app::CreateTokenRequest request;
  request.user = call.who->user;
  if (auto p = form->Value("program"); !p.empty()) request.program = p;
  const std::string role = form->Value("role");
  auto parsed = app::ParseRole(role.empty() ? "viewer" : role);
  if (!parsed) {
    state.problem = "Choose viewer or editor.";
  } else {
    request.role = *parsed;
  }
  if (auto days = form->Value("expires_days"); !days.empty()) {
    int n = 0;
    auto [end, ec] = std::from_chars(days.data(), days.data() + days.size(), n);
    if (ec != std::errc() || end != days.data() + days.size() || n < 1 || n > 366) {
      state.errors["expires_days"] = "Enter a whole number of days from 1 to 366.";
    } else {
      request.expires_days = n;
    }
  }
  if (!state.errors.empty() || !state.problem.empty()) {
    return SessionsPage(call, state, "", "", http::status::unprocessable_entity);
  }
  auto r = app::CreateToken(call.env, request);
  if (!r.ok()) {
    if (!Fixable(r.error())) return ErrorPage(call, r.error());
    state.problem = r.error().message;
    return SessionsPage(call, state, "", "", FixableStatus(r.error()));
  }
  return SessionsPage(
      call, {},
      fmt::format("Created token {}. Its secret is shown below, this once: keep it in a "
                  "password manager.",
                  r->token.id),
      r->secret, http::status::ok);
}

HttpResponse RevokeMyToken(Call& call) {
  if (!PostedForm(call)) return NotAForm(call);
  auto s = app::RevokeToken(call.env, call.who->user, call.Param("tid"));
  if (!s.ok()) return ErrorPage(call, s.error());
  return SessionsPage(call, {}, report::TokenRevokedText(call.Param("tid")), "", http::status::ok);
}

}  // namespace tpmkit::server::web::pages
