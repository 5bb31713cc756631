#include "tpmkit/store/sql/audit_rows.h"

#include <utility>

namespace tpmkit::store::sql {

namespace {

// Columns seq, at, actor, program, entity, entity_id, action, changes, prev_hash, hash.
AuditRow ReadRow(const SqlRow& r) {
  return {r.Int(0),  r.Text(1), r.Text(2), r.Text(3), r.Text(4),
          r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Text(9)};
}

}  // namespace

Result<std::optional<AuditHead>> SqlAuditLog::ReadHead() {
  std::optional<AuditHead> head;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT last_seq, last_hash FROM audit_trail_head WHERE id = 1", [&](const SqlRow& r) {
        head = AuditHead{r.Int(0), r.Text(1)};
      }));
  return head;
}

Status SqlAuditLog::WriteHead(const AuditHead& head) {
  return db_.Run("UPDATE audit_trail_head SET last_seq = ?, last_hash = ? WHERE id = 1",
                 head.last_seq, head.last_hash);
}

Status SqlAuditLog::Insert(const AuditRow& row) {
  return db_.Run(
      "INSERT INTO audit_trail (seq, at, actor, program, entity, entity_id, action, changes, "
      "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      row.seq, row.at, row.actor, row.program, row.entity, row.entity_id, row.action, row.changes,
      row.prev_hash, row.hash);
}

Status SqlAuditLog::ForEachRow(const std::function<void(const AuditRow&)>& fn) {
  return db_.ForEach(
      "SELECT seq, at, actor, program, entity, entity_id, action, changes, prev_hash, hash "
      "FROM audit_trail ORDER BY seq",
      [&](const SqlRow& r) { fn(ReadRow(r)); });
}

Result<std::optional<TrailAnchor>> SqlAuditLog::ReadAnchor(const std::string& program) {
  std::optional<TrailAnchor> anchor;
  TPMKIT_RETURN_IF_ERROR(db_.ForEach(
      "SELECT program, entries, last_hash FROM trail_anchor WHERE program = ?",
      [&](const SqlRow& r) {
        anchor = TrailAnchor{r.Text(0), r.Int(1), r.Text(2)};
      },
      program));
  return anchor;
}

Status SqlAuditLog::WriteAnchor(const TrailAnchor& anchor) {
  return db_.Run(
      "INSERT INTO trail_anchor (program, entries, last_hash) VALUES (?, ?, ?) "
      "ON CONFLICT (program) DO UPDATE SET entries = excluded.entries, "
      "last_hash = excluded.last_hash",
      anchor.program, anchor.entries, anchor.last_hash);
}

Result<std::vector<TrailAnchor>> SqlAuditLog::ReadAnchors() {
  std::vector<TrailAnchor> out;
  TPMKIT_RETURN_IF_ERROR(
      db_.ForEach("SELECT program, entries, last_hash FROM trail_anchor ORDER BY program",
                  [&](const SqlRow& r) {
                    out.push_back({r.Text(0), r.Int(1), r.Text(2)});
                  }));
  return out;
}

Result<std::vector<AuditEntry>> ReadAuditRows(SqlDb& db, const AuditFilter& f) {
  // The CASTs name the parameters' type, which PostgreSQL cannot guess from `? IS NULL`.
  std::vector<AuditEntry> out;
  std::optional<Error> error;
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT seq, at, actor, program, entity, entity_id, action, changes, prev_hash, hash "
      "FROM audit_trail WHERE (CAST(?1 AS TEXT) IS NULL OR program = ?1) AND (CAST(?2 AS TEXT) IS "
      "NULL OR entity = ?2) "
      "AND (CAST(?3 AS TEXT) IS NULL OR actor = ?3) AND (CAST(?4 AS TEXT) IS NULL OR at >= ?4) "
      "ORDER BY seq DESC",
      [&](const SqlRow& r) {
        if (error) return;
        auto e = DecodeAuditRow(ReadRow(r));
        if (!e.ok()) {
          error = std::move(e).error();
          return;
        }
        out.push_back(std::move(e).value());
      },
      f.program, f.entity, f.actor, f.since));
  if (error) return *error;
  return out;
}

}  // namespace tpmkit::store::sql
