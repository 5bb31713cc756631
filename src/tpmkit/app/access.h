// Who may do what on which program (spec server.md "Roles"): a viewer reads everything,
// an editor also changes the program, an owner also approves and rejects changes,
// chooses decisions, signs off audit items and grants roles on the program. An admin
// manages users, creates programs and is treated as an owner of every program. A user
// without a role on a program must not learn that it exists.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace tpmkit::app {

enum class Role { kNone = 0, kViewer = 1, kEditor = 2, kOwner = 3 };

std::string_view RoleName(Role role);  // "viewer", "editor", "owner" ("none")
// The role named `name` (viewer, editor, owner); nullopt for anything else.
std::optional<Role> ParseRole(std::string_view name);

// An authenticated caller, as Authenticate (account_cases.h) found it.
struct Principal {
  std::string user;  // the audit trail's actor
  bool admin = false;
  std::map<std::string, Role> roles;  // program id -> the user's role

  // Through an API token: what the token allows, at most (its program, when scoped, and
  // its role cap). Through a browser session: the session and its CSRF token.
  bool via_token = false;
  std::optional<std::string> token_program;
  Role token_role = Role::kNone;
  std::string token_id;
  std::string session_id_hash;
  std::string csrf_token;
};

// The role `who` has on `program`: the user's role (owner for an admin), capped by the
// token's scope when the request came with a token.
Role RoleOn(const Principal& who, const std::string& program);

// Whether `who` may act as an admin (an admin's session; never a token, which is scoped
// to a role on programs).
bool ActsAsAdmin(const Principal& who);

}  // namespace tpmkit::app
