#include "tpmkit/store/sql/snapshot_rows.h"

namespace tpmkit::store::sql {

Result<std::vector<SnapshotRecord>> ReadSnapshotRows(SqlDb& db, const std::string& program) {
  std::vector<SnapshotRecord> out;
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT taken_on, name, value FROM snapshot_figures WHERE program = ? "
      "ORDER BY taken_on, name",
      [&](const SqlRow& r) {
        if (out.empty() || out.back().taken_on != r.Text(0)) {
          out.push_back({program, r.Text(0), {}});
        }
        out.back().figures.emplace_back(r.Text(1), r.Text(2));
      },
      program));
  return out;
}

Status PutSnapshotRows(SqlDb& db, const SnapshotRecord& snapshot) {
  TPMKIT_RETURN_IF_ERROR(db.Run("DELETE FROM snapshot_figures WHERE program = ? AND taken_on = ?",
                                snapshot.program, snapshot.taken_on));
  for (const auto& [name, value] : snapshot.figures) {
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO snapshot_figures (program, taken_on, name, value) VALUES (?, ?, ?, ?)",
               snapshot.program, snapshot.taken_on, name, value));
  }
  return OkStatus();
}

}  // namespace tpmkit::store::sql
