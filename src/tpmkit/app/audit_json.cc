#include "tpmkit/app/audit_json.h"

#include <nlohmann/json.hpp>

namespace tpmkit::app {

namespace {

using nlohmann::json;

json ValueOrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json EntryJson(const store::AuditEntry& e) {
  json changes = json::object();
  for (const auto& c : e.change.changes) {
    changes[c.field] = {{"old", ValueOrNull(c.old_value)}, {"new", ValueOrNull(c.new_value)}};
  }
  return json{{"seq", e.seq},
              {"at", e.at},
              {"actor", e.actor},
              {"program", e.program},
              {"entity", e.change.entity},
              {"entity_id", e.change.entity_id},
              {"action", std::string(model::Name(e.change.action))},
              {"changes", changes},
              {"prev_hash", e.prev_hash},
              {"hash", e.hash}};
}

}  // namespace

std::string AuditEntriesJson(const std::vector<store::AuditEntry>& entries) {
  json list = json::array();
  for (const auto& e : entries) list.push_back(EntryJson(e));
  return json{{"entries", std::move(list)}}.dump(2);
}

}  // namespace tpmkit::app
