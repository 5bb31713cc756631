// The keys of every mapping of the program file, in canonical (program-file.md) order,
// with the required ones. The reader accepts exactly these keys, the writer emits them
// in this order, and program_schema_test keeps schema/program.schema.json in step.
// Private to formats/.
#pragma once

#include <span>
#include <string_view>

namespace tpmkit::formats::internal {

struct KeySet {
  std::string_view object;  // the mapping's name: "task", "risk"...; also its $defs name
  std::span<const std::string_view> keys;
  std::span<const std::string_view> required;
};

// Every mapping of the format: root, program, calendar, project, task, estimate, link,
// baseline, dependency, resource, actual, scorecard, criterion, assessment, risk,
// risk_impact, residual, stakeholder, contact, decision, decision_criterion, option,
// scenario, duration_factor, change, change_impact, approval, audit, audit_item,
// evidence, signoff, targets.
std::span<const KeySet> ProgramFileKeySets();

// The key set named `object`; CHECK-fails when there is none (a bug).
const KeySet& KeysOf(std::string_view object);

// Index of `key` in `set.keys`, or -1.
int KeyIndex(const KeySet& set, std::string_view key);

}  // namespace tpmkit::formats::internal
