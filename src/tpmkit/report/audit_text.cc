#include "tpmkit/report/audit_text.h"

#include <iomanip>
#include <nlohmann/json.hpp>
#include <sstream>

namespace tpmkit::report {

namespace {

using nlohmann::json;

json ValueOrNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json EntriesJson(const std::vector<LogEntry>& entries) {
  json list = json::array();
  for (const auto& e : entries) {
    json changes = json::object();
    for (const auto& c : e.change.changes) {
      changes[c.field] = {{"old", ValueOrNull(c.old_value)}, {"new", ValueOrNull(c.new_value)}};
    }
    list.push_back(json{{"seq", e.seq},
                        {"at", std::string(e.at)},
                        {"actor", std::string(e.actor)},
                        {"program", std::string(e.program)},
                        {"entity", e.change.entity},
                        {"entity_id", e.change.entity_id},
                        {"action", std::string(model::Name(e.change.action))},
                        {"changes", std::move(changes)},
                        {"prev_hash", std::string(e.prev_hash)},
                        {"hash", std::string(e.hash)}});
  }
  return list;
}

json OptJson(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

json VerificationJson(const TrailVerification& v) {
  json doc{{"ok", v.ok},
           {"entries", v.entries},
           {"first_bad", v.first_bad ? json(*v.first_bad) : json(nullptr)},
           {"reason", v.reason}};
  if (!v.differences.empty()) {
    json list = json::array();
    for (const auto& d : v.differences) {
      list.push_back(json{{"program", d.program},
                          {"entity", d.entity},
                          {"entity_id", d.entity_id},
                          {"field", d.field},
                          {"trail", OptJson(d.trail)},
                          {"stored", OptJson(d.stored)}});
    }
    doc["differences"] = std::move(list);
  }
  return doc;
}

std::string Abbrev(const std::optional<std::string>& v) {
  if (!v) return "(none)";
  std::string s = *v;
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

}  // namespace

std::string LogEntryText(const LogEntry& e) {
  std::ostringstream out;
  out << std::setw(6) << e.seq << "  " << e.at << "  " << e.actor << "  "
      << model::Name(e.change.action) << ' ' << e.change.entity << ' ' << e.change.entity_id << " ("
      << (e.program.empty() ? "workspace" : e.program) << ")\n";
  // An update lists its fields; a create or delete is summarized, its fields are in --json.
  if (e.change.action == model::ChangeAction::kUpdate) {
    for (const auto& c : e.change.changes) {
      out << "        " << c.field << ": " << Abbrev(c.old_value) << " -> " << Abbrev(c.new_value)
          << '\n';
    }
  }
  return out.str();
}

std::string NoLogEntriesText() { return "No audit-trail entries match.\n"; }

std::string AuditEntriesJson(const std::vector<LogEntry>& entries) {
  return json{{"entries", EntriesJson(entries)}}.dump(2);
}

std::string TrailVerificationText(const TrailVerification& v) {
  const std::string chain_ok = "Audit trail verified: " + std::to_string(v.entries) +
                               " entries, every hash matches its entry and links to the one "
                               "before.\n";
  if (v.ok) return chain_ok;
  if (v.first_bad) {
    return "Audit trail BROKEN at entry " + std::to_string(*v.first_bad) + " of " +
           std::to_string(v.entries) + ": " + v.reason + "\n";
  }
  if (v.differences.empty()) return chain_ok + "Workspace data BROKEN: " + v.reason + "\n";
  constexpr size_t kShown = 20;
  std::string out = chain_ok + "Workspace data DIFFER from the audit trail in " +
                    std::to_string(v.differences.size()) +
                    (v.differences.size() == 1 ? " field" : " fields") +
                    " (changed outside tpmkit):\n";
  for (size_t i = 0; i < v.differences.size() && i < kShown; ++i) {
    const auto& d = v.differences[i];
    out += "  " + d.program + ": " + d.entity + " " + d.entity_id;
    if (!d.field.empty()) out += " " + d.field;
    out += ": trail " + Abbrev(d.trail) + ", stored " + Abbrev(d.stored) + "\n";
  }
  if (v.differences.size() > kShown) {
    out +=
        "  ... and " + std::to_string(v.differences.size() - kShown) + " more (--json lists all)\n";
  }
  return out;
}

std::string TrailVerificationJson(const TrailVerification& v) {
  return VerificationJson(v).dump(2);
}

std::string PackTrailJson(std::string_view program_id,
                          const std::optional<std::vector<LogEntry>>& entries,
                          const std::optional<TrailVerification>& verification) {
  return json{{"program", std::string(program_id)},
              {"entries", entries ? EntriesJson(*entries) : json(nullptr)},
              {"verification", verification ? VerificationJson(*verification) : json(nullptr)}}
             .dump(2) +
         "\n";
}

std::string RecordedEvidenceText(const RecordedEvidence& e) {
  if (e.changed == 0) {
    return "Evidence " + e.path + " is already recorded on " + e.item + " with SHA-256 " +
           e.sha256 + ".\n";
  }
  return "Recorded evidence " + e.path + " on audit item " + e.item + " (SHA-256 " + e.sha256 +
         ").\n";
}

std::string RecordedEvidenceJson(const RecordedEvidence& e) {
  return json{{"item", e.item}, {"path", e.path}, {"sha256", e.sha256}, {"changed", e.changed}}
      .dump(2);
}

std::string ItemSignoffText(const ItemSignoff& s) {
  return "Audit item " + s.item + " signed off by " + s.by + " on " + s.on.ToString() + ".\n";
}

std::string ItemSignoffJson(const ItemSignoff& s) {
  return json{{"item", s.item}, {"by", s.by}, {"on", s.on.ToString()}, {"changed", s.changed}}.dump(
      2);
}

std::string WrittenPackText(const WrittenPack& p) {
  const std::string trail = !p.trail_verified   ? "no audit trail (read from a file)"
                            : *p.trail_verified ? "the audit trail verified"
                                                : "the audit trail does NOT verify";
  return "Wrote " + p.pack + ": " + std::to_string(p.files) + " files, " +
         std::to_string(p.evidence_files) + " evidence files with their SHA-256, " +
         std::to_string(p.missing) + " missing; " + trail + ".\n";
}

std::string WrittenPackJson(const WrittenPack& p) {
  return json{{"pack", p.pack},
              {"files", p.files},
              {"evidence_files", p.evidence_files},
              {"missing", p.missing},
              {"trail_verified", p.trail_verified ? json(*p.trail_verified) : json(nullptr)}}
      .dump(2);
}

}  // namespace tpmkit::report
