// user add|grant|list|disable|sessions|totp, token create|list|revoke: the people who use
// the workspace through `tpmkit serve` (spec server.md), managed from the machine that
// holds the workspace (account_commands.cc).
#pragma once

#include <iosfwd>
#include <string>

#include "tpmkit/cli/command.h"

namespace tpmkit::cli {

struct UserAddArgs {
  Common common;
  std::string name;
  bool admin = false;
  bool password_stdin = false;
  std::istream* in = nullptr;  // where --password-stdin reads; std::cin when null
};
ExitCode RunUserAdd(const UserAddArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct UserGrantArgs {
  Common common;
  std::string name;
  std::string program;
  std::string role;  // viewer | editor | owner | none
};
ExitCode RunUserGrant(const UserGrantArgs& args, app::Env& env, std::ostream& out,
                      std::ostream& err);

struct UserListArgs {
  Common common;
};
ExitCode RunUserList(const UserListArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct UserNameArgs {
  Common common;
  std::string name;
  bool revoke = false;  // user sessions --revoke
};
ExitCode RunUserDisable(const UserNameArgs& args, app::Env& env, std::ostream& out,
                        std::ostream& err);
ExitCode RunUserSessions(const UserNameArgs& args, app::Env& env, std::ostream& out,
                         std::ostream& err);
ExitCode RunUserTotp(const UserNameArgs& args, app::Env& env, std::ostream& out, std::ostream& err);

struct TokenCreateArgs {
  Common common;
  std::string name;
  std::string program;
  std::string role = "viewer";
  int expires = 90;  // days
};
ExitCode RunTokenCreate(const TokenCreateArgs& args, app::Env& env, std::ostream& out,
                        std::ostream& err);

struct TokenRevokeArgs {
  Common common;
  std::string name;
  std::string id;  // empty: list
};
ExitCode RunTokenList(const TokenRevokeArgs& args, app::Env& env, std::ostream& out,
                      std::ostream& err);
ExitCode RunTokenRevoke(const TokenRevokeArgs& args, app::Env& env, std::ostream& out,
                        std::ostream& err);

}  // namespace tpmkit::cli
