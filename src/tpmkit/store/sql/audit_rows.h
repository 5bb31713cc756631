// The audit trail as rows of the workspace schema (each backend's
// migrations/002_audit_trail.sql, its anchor in 003_trail_anchor.sql): the AuditLog the
// shared chain logic (audit_chain.h) appends to and verifies, and the filtered read of
// `tpmkit log`. Private to store/.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "tpmkit/store/audit_chain.h"
#include "tpmkit/store/sql/sql_db.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store::sql {

class SqlAuditLog : public AuditLog {
 public:
  explicit SqlAuditLog(SqlDb& db) : db_(db) {}
  Result<std::optional<AuditHead>> ReadHead() override;
  Status WriteHead(const AuditHead& head) override;
  Status Insert(const AuditRow& row) override;
  Status ForEachRow(const std::function<void(const AuditRow&)>& fn) override;
  Result<std::optional<TrailAnchor>> ReadAnchor(const std::string& program) override;
  Status WriteAnchor(const TrailAnchor& anchor) override;
  Result<std::vector<TrailAnchor>> ReadAnchors() override;

 private:
  SqlDb& db_;
};

// The entries matching `filter`, newest first. kStorage when one cannot be decoded.
Result<std::vector<AuditEntry>> ReadAuditRows(SqlDb& db, const AuditFilter& filter);

}  // namespace tpmkit::store::sql
