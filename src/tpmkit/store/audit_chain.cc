#include "tpmkit/store/audit_chain.h"

#include <fmt/format.h>

#include <ctime>

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
  if (!changes.empty()) TPMKIT_RETURN_IF_ERROR(log.WriteHead({seq, prev}));
  return out;
}

Result<VerifyResult> VerifyAuditLog(AuditLog& log) {
  ChainVerifier verifier;
  TPMKIT_RETURN_IF_ERROR(log.ForEachRow([&](const AuditRow& row) {
    auto e = DecodeAuditRow(row, {.require_canonical = true});
    if (e.ok()) {
      verifier.Add(*e);
    } else {
      verifier.AddUnreadable(row.seq, e.error().message);
    }
  }));
  TPMKIT_ASSIGN_OR_RETURN(auto head, log.ReadHead());
  return verifier.Finish(head);
}

}  // namespace tpmkit::store
