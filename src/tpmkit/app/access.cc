#include "tpmkit/app/access.h"

#include <algorithm>

namespace tpmkit::app {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kViewer:
      return "viewer";
    case Role::kEditor:
      return "editor";
    case Role::kOwner:
      return "owner";
    case Role::kNone:
      break;
  }
  return "none";
}

std::optional<Role> ParseRole(std::string_view name) {
  if (name == "viewer") return Role::kViewer;
  if (name == "editor") return Role::kEditor;
  if (name == "owner") return Role::kOwner;
  return std::nullopt;
}

Role RoleOn(const Principal& who, const std::string& program) {
  Role role = Role::kNone;
  if (who.admin) {
    role = Role::kOwner;
  } else if (auto it = who.roles.find(program); it != who.roles.end()) {
    role = it->second;
  }
  if (who.via_token) {
    if (who.token_program && *who.token_program != program) return Role::kNone;
    role = std::min(role, who.token_role);
  }
  return role;
}

bool ActsAsAdmin(const Principal& who) { return who.admin && !who.via_token; }

}  // namespace tpmkit::app
