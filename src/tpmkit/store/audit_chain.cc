#include "tpmkit/store/audit_chain.h"

#include <fmt/format.h>

#include <ctime>
#include <map>

namespace tpmkit::store {

namespace {

std::optional<model::ChangeAction> ParseAction(std::string_view a) {
  for (auto v :
       {model::ChangeAction::kCreate, model::ChangeAction::kUpdate, model::ChangeAction::kDelete}) {
    if (model::Name(v) == a) return v;
  }
  return std::nullopt;
}

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

Result<AuditEntry> DecodeAuditRow(const AuditRow& row, DecodeOptions options) {
  AuditEntry e;
  e.seq = row.seq;
  e.at = row.at;
  e.actor = row.actor;
  e.program = row.program;
  e.change.entity = row.entity;
  e.change.entity_id = row.entity_id;
  auto action = ParseAction(row.action);
  if (!action) return Error::Storage(fmt::format("audit entry {} has an unknown action", e.seq));
  e.change.action = *action;
  auto parsed = ParseChangesJson(row.changes);
  if (!parsed.ok()) {
    return Error::Storage(fmt::format("audit entry {}: its changes are not valid JSON", e.seq));
  }
  e.change.changes = std::move(parsed).value();
  if (options.require_canonical && CanonicalChangesJson(e.change.changes) != row.changes) {
    return Error::Storage(
        fmt::format("audit entry {}: its changes are not in canonical form", e.seq));
  }
  e.prev_hash = row.prev_hash;
  e.hash = row.hash;
  return e;
}

Result<std::vector<AuditEntry>> AppendToChain(
    AuditLog& log, const std::function<std::chrono::system_clock::time_point()>& clock,
    const std::string& actor, const std::string& program,
    const std::vector<model::EntityChange>& changes) {
  TPMKIT_ASSIGN_OR_RETURN(auto head, log.ReadHead());
  if (!head) {
    return Error::Storage("the audit trail's head record is missing; run `tpmkit audit verify`");
  }
  const std::string at = FormatUtc(clock ? clock() : std::chrono::system_clock::now());
  std::vector<AuditEntry> out;
  out.reserve(changes.size());
  int64_t seq = head->last_seq;
  std::string prev = head->last_hash;
  for (const auto& c : changes) {
    AuditEntry e;
    e.seq = ++seq;
    e.at = at;
    e.actor = actor;
    e.program = program;
    e.change = c;
    e.prev_hash = prev;
    AuditRow row;
    row.changes = CanonicalChangesJson(c.changes);
    e.hash = ComputeEntryHash(prev, e, row.changes);
    row.seq = e.seq;
    row.at = e.at;
    row.actor = e.actor;
    row.program = e.program;
    row.entity = c.entity;
    row.entity_id = c.entity_id;
    row.action = std::string(model::Name(c.action));
    row.prev_hash = e.prev_hash;
    row.hash = e.hash;
    TPMKIT_RETURN_IF_ERROR(log.Insert(row));
    prev = e.hash;
    out.push_back(std::move(e));
  }
  if (!changes.empty()) {
    TPMKIT_RETURN_IF_ERROR(log.WriteHead({seq, prev}));
    TPMKIT_ASSIGN_OR_RETURN(auto anchor, log.ReadAnchor(program));
    const int64_t before = anchor ? anchor->entries : 0;
    TPMKIT_RETURN_IF_ERROR(
        log.WriteAnchor({program, before + static_cast<int64_t>(changes.size()), prev}));
  }
  return out;
}

namespace {

// What the trail holds for one program.
struct ProgramTrail {
  int64_t entries = 0;
  int64_t last_seq = 0;
  std::string last_hash;
};

// The first program whose trail does not match its anchor, as a failed result.
std::optional<VerifyResult> CheckAnchors(const std::map<std::string, ProgramTrail>& trails,
                                         const std::vector<TrailAnchor>& anchors, int64_t entries) {
  std::optional<VerifyResult> worst;
  auto fail = [&](int64_t seq, std::string reason) {
    // Report the lowest seq, so that the verdict does not depend on program order.
    if (worst && *worst->first_bad <= seq) return;
    worst = VerifyResult{false, entries, seq, std::move(reason), {}};
  };
  std::map<std::string, const TrailAnchor*> by_program;
  for (const auto& a : anchors) by_program[a.program] = &a;
  for (const auto& a : anchors) {
    auto it = trails.find(a.program);
    const ProgramTrail t = it == trails.end() ? ProgramTrail{} : it->second;
    if (t.entries < a.entries) {
      fail(t.last_seq + 1,
           fmt::format("entries of program {} are missing: its anchor records {}, the trail "
                       "holds {}",
                       a.program, a.entries, t.entries));
    } else if (t.entries > a.entries) {
      fail(t.last_seq, fmt::format("program {} has more entries than its anchor records ({} "
                                   "in the trail, {} anchored)",
                                   a.program, t.entries, a.entries));
    } else if (t.last_hash != a.last_hash) {
      fail(t.last_seq, fmt::format("the newest entry of program {} is not the one its anchor "
                                   "records",
                                   a.program));
    }
  }
  for (const auto& [program, t] : trails) {
    if (!by_program.contains(program)) {
      fail(t.last_seq, fmt::format("program {} has entries but no anchor", program));
    }
  }
  return worst;
}

}  // namespace

Status CopyToChain(AuditLog& log, const std::vector<AuditEntry>& entries) {
  TPMKIT_ASSIGN_OR_RETURN(std::optional<AuditHead> head, log.ReadHead());
  if (!head) return Error::Storage("the audit trail has no head record: it cannot be written");
  if (head->last_seq != 0) {
    return Error{ErrorCode::kConflict, "the workspace's audit trail is not empty", {}};
  }
  std::map<std::string, TrailAnchor> anchors;
  for (const AuditEntry& e : entries) {
    AuditRow row;
    row.seq = e.seq;
    row.at = e.at;
    row.actor = e.actor;
    row.program = e.program;
    row.entity = e.change.entity;
    row.entity_id = e.change.entity_id;
    row.action = std::string(model::Name(e.change.action));
    row.changes = CanonicalChangesJson(e.change.changes);
    row.prev_hash = e.prev_hash;
    row.hash = e.hash;
    TPMKIT_RETURN_IF_ERROR(log.Insert(row));
    TrailAnchor& anchor = anchors[e.program];
    anchor.program = e.program;
    anchor.entries += 1;
    anchor.last_hash = e.hash;
  }
  if (entries.empty()) return OkStatus();
  TPMKIT_RETURN_IF_ERROR(log.WriteHead({entries.back().seq, entries.back().hash}));
  for (const auto& [program, anchor] : anchors) TPMKIT_RETURN_IF_ERROR(log.WriteAnchor(anchor));
  return OkStatus();
}

Result<VerifyResult> VerifyAuditLog(AuditLog& log) {
  ChainVerifier verifier;
  std::map<std::string, ProgramTrail> trails;
  TPMKIT_RETURN_IF_ERROR(log.ForEachRow([&](const AuditRow& row) {
    auto& t = trails[row.program];
    ++t.entries;
    t.last_seq = row.seq;
    t.last_hash = row.hash;
    auto e = DecodeAuditRow(row, {.require_canonical = true});
    if (e.ok()) {
      verifier.Add(*e, row.changes);  // DecodeAuditRow checked it is canonical
    } else {
      verifier.AddUnreadable(row.seq, e.error().message);
    }
  }));
  TPMKIT_ASSIGN_OR_RETURN(auto head, log.ReadHead());
  VerifyResult chain = verifier.Finish(head);
  if (!chain.ok) return chain;
  TPMKIT_ASSIGN_OR_RETURN(auto anchors, log.ReadAnchors());
  if (auto bad = CheckAnchors(trails, anchors, chain.entries)) return *bad;
  return chain;
}

}  // namespace tpmkit::store
