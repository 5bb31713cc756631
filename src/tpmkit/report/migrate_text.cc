#include "tpmkit/report/migrate_text.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace tpmkit::report {

using json = nlohmann::ordered_json;

std::string MigrateText(const MigrationCounts& c) {
  std::string out = fmt::format("Copied the workspace {} to {}:\n", c.from, c.to);
  out += fmt::format("  programs       {}\n", c.programs);
  out += fmt::format("  audit entries  {} (the chain verifies on the target)\n", c.audit_entries);
  out += fmt::format("  snapshots      {}\n", c.snapshots);
  out += fmt::format("  users          {}\n", c.users);
  out += fmt::format("  grants         {}\n", c.grants);
  out += fmt::format("  sessions       {}\n", c.sessions);
  out += fmt::format("  API tokens     {}", c.tokens);
  return out;
}

std::string MigrateJson(const MigrationCounts& c) {
  return json{{"from", c.from},           {"to", c.to},
              {"programs", c.programs},   {"audit_entries", c.audit_entries},
              {"snapshots", c.snapshots}, {"users", c.users},
              {"grants", c.grants},       {"sessions", c.sessions},
              {"tokens", c.tokens},       {"verified", true}}
      .dump(2);
}

}  // namespace tpmkit::report
