// The audit trail as JSON: one definition of an entry's document, shared by `log --json`
// and the audit pack.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/store/store.h"

namespace tpmkit::app {

// {"entries": [{"seq", "at", "actor", "program", "entity", "entity_id", "action",
//   "changes": {FIELD: {"old", "new"}}, "prev_hash", "hash"}]} in the given order.
std::string AuditEntriesJson(const std::vector<store::AuditEntry>& entries);

}  // namespace tpmkit::app
