// The audit trail as rows of the SQLite schema (migrations/002_audit_trail.sql, its
// anchor in 003_trail_anchor.sql): the
// AuditLog the shared chain logic (audit_chain.h) appends to and verifies, and the
// filtered read of `tpmkit log`. Private to store/sqlite/.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "tpmkit/store/audit_chain.h"
#include "tpmkit/store/sqlite/sqlite_db.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::sqlite {

class SqliteAuditLog : public AuditLog {
 public:
  explicit SqliteAuditLog(Db& db) : db_(db) {}
  Result<std::optional<AuditHead>> ReadHead() override;
  Status WriteHead(const AuditHead& head) override;
  Status Insert(const AuditRow& row) override;
  Status ForEachRow(const std::function<void(const AuditRow&)>& fn) override;
  Result<std::optional<TrailAnchor>> ReadAnchor(const std::string& program) override;
  Status WriteAnchor(const TrailAnchor& anchor) override;
  Result<std::vector<TrailAnchor>> ReadAnchors() override;

 private:
  Db& db_;
};

// The entries matching `filter`, newest first. kStorage when one cannot be decoded.
Result<std::vector<AuditEntry>> ReadAuditRows(Db& db, const AuditFilter& filter);

}  // namespace tpmkit::store::sqlite
