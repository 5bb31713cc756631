#include "tpmkit/cli/account_commands.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <ostream>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/report/account_text.h"

namespace tpmkit::cli {

namespace {

std::string NameOf(app::Role role) {
  return role == app::Role::kNone ? std::string() : std::string(app::RoleName(role));
}

}  // namespace

ExitCode RunUserAdd(const UserAddArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::AddUserRequest request{a.name, a.admin, std::nullopt};
  if (a.password_stdin) {
    std::string line;
    std::getline(a.in ? *a.in : std::cin, line);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    request.password = line;
  }
  auto r = app::AddUser(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const report::AddedUser added{r->name, r->admin, r->generated_password};
  Print(out, a.common.json ? report::UserAddedJson(added) : report::UserAddedText(added));
  return ExitCode::kOk;
}

ExitCode RunUserGrant(const UserGrantArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  app::Role role = app::Role::kNone;
  if (a.role != "none") {
    auto parsed = app::ParseRole(a.role);
    if (!parsed) {
      return Fail(
          err, Error::Usage("ROLE: expected viewer, editor, owner or none, got '" + a.role + "'"));
    }
    role = *parsed;
  }
  auto r = app::GrantRole(env, {a.name, a.program, role});
  if (!r.ok()) return Fail(err, r.error());
  const report::GrantedRole grant{r->user, r->program, NameOf(r->role), NameOf(r->previous)};
  Print(out, a.common.json ? report::GrantJson(grant) : report::GrantText(grant));
  return ExitCode::kOk;
}

ExitCode RunUserList(const UserListArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::ListUsers(env);
  if (!r.ok()) return Fail(err, r.error());
  std::vector<report::UserView> views;
  for (const auto& u : *r) views.push_back(app::ToUserView(u));
  Print(out, a.common.json ? report::UsersJson(views) : report::UsersText(views));
  return ExitCode::kOk;
}

ExitCode RunUserDisable(const UserNameArgs& a, app::Env& env, std::ostream& out,
                        std::ostream& err) {
  auto r = app::DisableUser(env, a.name);
  if (!r.ok()) return Fail(err, r.error());
  const report::DisabledUser disabled{r->name, r->sessions_revoked, r->tokens_revoked};
  Print(out, a.common.json ? report::DisabledJson(disabled) : report::DisabledText(disabled));
  return ExitCode::kOk;
}

ExitCode RunUserSessions(const UserNameArgs& a, app::Env& env, std::ostream& out,
                         std::ostream& err) {
  auto r = app::UserSessions(env, {a.name, a.revoke, ""});
  if (!r.ok()) return Fail(err, r.error());
  std::vector<report::SessionView> views;
  for (const auto& s : r->sessions) views.push_back(app::ToSessionView(s));
  Print(out, a.common.json ? report::SessionsJson(a.name, views, r->revoked)
                           : report::SessionsText(a.name, views, r->revoked, a.revoke));
  return ExitCode::kOk;
}

ExitCode RunUserTotp(const UserNameArgs& a, app::Env& env, std::ostream& out, std::ostream& err) {
  auto r = app::EnableTotp(env, a.name);
  if (!r.ok()) return Fail(err, r.error());
  const report::SecondFactor factor{a.name, r->secret, r->uri};
  Print(out, a.common.json ? report::TotpJson(factor) : report::TotpText(factor));
  return ExitCode::kOk;
}

ExitCode RunTokenCreate(const TokenCreateArgs& a, app::Env& env, std::ostream& out,
                        std::ostream& err) {
  auto role = app::ParseRole(a.role);
  if (!role || *role == app::Role::kOwner) {
    return Fail(err, Error::Usage("--role: expected viewer or editor, got '" + a.role + "'"));
  }
  app::CreateTokenRequest request;
  request.user = a.name;
  if (!a.program.empty()) request.program = a.program;
  request.role = *role;
  request.expires_days = a.expires;
  auto r = app::CreateToken(env, request);
  if (!r.ok()) return Fail(err, r.error());
  const auto view = app::ToTokenView(r->token);
  Print(out, a.common.json ? report::TokenCreatedJson(view, r->secret)
                           : report::TokenCreatedText(view, r->secret));
  return ExitCode::kOk;
}

ExitCode RunTokenList(const TokenRevokeArgs& a, app::Env& env, std::ostream& out,
                      std::ostream& err) {
  auto r = app::ListTokens(env, a.name);
  if (!r.ok()) return Fail(err, r.error());
  std::vector<report::TokenView> views;
  for (const auto& t : *r) views.push_back(app::ToTokenView(t));
  Print(out, a.common.json ? report::TokensJson(views) : report::TokensText(a.name, views));
  return ExitCode::kOk;
}

ExitCode RunTokenRevoke(const TokenRevokeArgs& a, app::Env& env, std::ostream& out,
                        std::ostream& err) {
  if (auto s = app::RevokeToken(env, a.name, a.id); !s.ok()) return Fail(err, s.error());
  Print(out, a.common.json ? report::SessionsEndedJson(1) : report::TokenRevokedText(a.id));
  return ExitCode::kOk;
}

void DefineAccountCommands(CLI::App& root, Invocation& invocation) {
  auto* user = root.add_subcommand("user", "Users of `tpmkit serve`: add, grant, list, disable");
  user->require_subcommand(1);
  user->footer(
      "Examples:\n  tpmkit user add ana --admin\n  tpmkit user add priya\n"
      "  tpmkit user grant priya phoenix editor\n"
      "  tpmkit user sessions priya --revoke");

  auto add = std::make_shared<UserAddArgs>();
  auto* c = user->add_subcommand("add", "Add a user; prints a generated password once");
  c->add_option("NAME", add->name, "Letters, digits and . _ @ - (an e-mail address works)")
      ->required();
  c->add_flag("--admin", add->admin, "May manage users and create programs");
  c->add_flag("--password-stdin", add->password_stdin,
              "Read the password from the first line of standard input");
  Bind(*c, invocation, add, RunUserAdd);

  auto grant = std::make_shared<UserGrantArgs>();
  c = user->add_subcommand("grant", "Give a user a role on a program (none removes it)");
  c->add_option("NAME", grant->name, "The user")->required();
  c->add_option("PROGRAM", grant->program, "The program id")->required();
  c->add_option("ROLE", grant->role, "viewer | editor | owner | none")->required();
  Bind(*c, invocation, grant, RunUserGrant);

  c = user->add_subcommand("list", "Every user with their roles");
  Bind(*c, invocation, std::make_shared<UserListArgs>(), RunUserList);

  auto disable = std::make_shared<UserNameArgs>();
  c = user->add_subcommand("disable", "Stop a user from logging in; revokes sessions and tokens");
  c->add_option("NAME", disable->name, "The user")->required();
  Bind(*c, invocation, disable, RunUserDisable);

  auto sessions = std::make_shared<UserNameArgs>();
  c = user->add_subcommand("sessions", "A user's live sessions");
  c->add_option("NAME", sessions->name, "The user")->required();
  c->add_flag("--revoke", sessions->revoke, "End them all");
  Bind(*c, invocation, sessions, RunUserSessions);

  auto totp = std::make_shared<UserNameArgs>();
  c = user->add_subcommand("totp", "Require a second factor (TOTP): prints its secret once");
  c->add_option("NAME", totp->name, "The user")->required();
  Bind(*c, invocation, totp, RunUserTotp);

  auto* token = root.add_subcommand("token", "API tokens for scripts: create, list, revoke");
  token->require_subcommand(1);
  token->footer(
      "Example (a token acts for a user):\n  tpmkit user add ci-bot\n"
      "  tpmkit token create ci-bot --program phoenix --role viewer --expires 30\n"
      "Send it as 'Authorization: Bearer tpm_...'.");
  auto create = std::make_shared<TokenCreateArgs>();
  c = token->add_subcommand("create", "A new token for a user; prints it once");
  c->add_option("NAME", create->name, "The user the token acts for")->required();
  c->add_option("--program", create->program, "Only this program (default: every program)");
  c->add_option("--role", create->role, "viewer | editor: the most it may do (default viewer)");
  c->add_option("--expires", create->expires, "Days until it expires, 1..366 (default 90)");
  Bind(*c, invocation, create, RunTokenCreate);

  auto list = std::make_shared<TokenRevokeArgs>();
  c = token->add_subcommand("list", "A user's tokens");
  c->add_option("NAME", list->name, "The user")->required();
  Bind(*c, invocation, list, RunTokenList);

  auto revoke = std::make_shared<TokenRevokeArgs>();
  c = token->add_subcommand("revoke", "Revoke one of a user's tokens");
  c->add_option("NAME", revoke->name, "The user")->required();
  c->add_option("ID", revoke->id, "The token's id (tok_...)")->required();
  Bind(*c, invocation, revoke, RunTokenRevoke);
}

}  // namespace tpmkit::cli
