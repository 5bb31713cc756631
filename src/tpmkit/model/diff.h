// What changed between two versions of a program, entity by entity and field by
// field: the content of the audit trail. Pure; knows nothing of storage.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::model {

enum class ChangeAction { kCreate, kUpdate, kDelete };
std::string_view Name(ChangeAction a);  // "create" | "update" | "delete"

struct FieldChange {
  std::string field;                     // e.g. "duration", "estimate.likely", "depends"
  std::optional<std::string> old_value;  // canonical text; nullopt = absent
  std::optional<std::string> new_value;
  friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

// One entity created, updated or deleted. `entity` is one of: program, project, task,
// calendar, dependency, resource, actual, scorecard, criterion, assessment, risk,
// stakeholder, decision, change, audit, audit_item, targets, assumptions.
struct EntityChange {
  std::string entity;
  std::string entity_id;  // the entity's id; for actuals/assessments a stable key
  ChangeAction action = ChangeAction::kUpdate;
  std::vector<FieldChange> changes;  // on create: all set fields (old absent); on delete: all old
  friend bool operator==(const EntityChange&, const EntityChange&) = default;
};

// The changes that turn `before` (nullptr: nothing stored yet) into `after`.
// Empty when the two are equal. Order: program first, then entities in file order,
// deletions after creations/updates of the same kind. O(size of both programs).
std::vector<EntityChange> DiffPrograms(const Program* before, const Program& after);

// The changes that delete a whole program.
std::vector<EntityChange> DiffDeletion(const Program& before);

}  // namespace tpmkit::model
