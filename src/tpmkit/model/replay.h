// The state an audit trail implies: its entity changes (diff.h) applied in order to the
// field values of each entity, and the comparison of two such states. `audit verify`
// compares the state a program's trail implies with the state of the stored program (its
// diff from nothing), to find direct edits of the data. Pure.
#pragma once

#include <compare>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/model/diff.h"

namespace tpmkit::model {

struct EntityKey {
  std::string entity;     // as EntityChange::entity
  std::string entity_id;  // as EntityChange::entity_id
  friend auto operator<=>(const EntityKey&, const EntityKey&) = default;
};

// The fields of every entity of one program, as canonical text (diff.h); absent fields
// are not in the map.
using ProgramState = std::map<EntityKey, std::map<std::string, std::string>>;

// Applies `change` to `state`: a create sets the entity's fields (replacing any), an
// update sets or removes the fields it lists, a delete removes the entity; deleting the
// `program` entity removes every entity (DiffDeletion). O(size of the change).
void ApplyChange(ProgramState& state, const EntityChange& change);

// The state after applying `changes` in order to an empty state; ReplayChanges(
// DiffPrograms(nullptr, p)) is the state of program p.
ProgramState ReplayChanges(const std::vector<EntityChange>& changes);

// One field whose value differs between two states.
struct StateDifference {
  std::string entity;
  std::string entity_id;
  std::string field;  // "" when the entity has no fields on the side that holds it
  std::optional<std::string> expected;  // the value in `expected` (nullopt: absent)
  std::optional<std::string> actual;    // the value in `actual`
  friend bool operator==(const StateDifference&, const StateDifference&) = default;
};

// The fields that differ between `expected` and `actual`, by entity, id and field name.
// The "<list>.order" fields are not compared: the trail records a reordering only
// relative to the previous order, not the order of created entities. Values are equal
// when their texts are, or differ only in how a JSON-quoted item spells \b \t \n \f \r
// (older versions wrote \u0008 ... \u000d). O(size of both).
std::vector<StateDifference> CompareStates(const ProgramState& expected,
                                           const ProgramState& actual);

}  // namespace tpmkit::model
