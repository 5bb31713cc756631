// Microsoft Project XML (MSPDI, namespace http://schemas.microsoft.com/project): import
// into a model::Program with warnings for what the model cannot carry, and export.
// The mapping rules are in docs/formats/mspdi.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/diagnostic.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"

namespace tpmkit::formats {

struct MspdiReadOptions {
  // The program id; empty: derived from the file name (a slug `[a-z0-9][a-z0-9_-]*`).
  std::string program_id;
  // How many distinct subjects (task names...) a warning line names; the rest are counted.
  int max_examples = 3;
};

struct MspdiImport {
  model::Program program;
  // Everything the model could not carry, one aggregated line per kind, in the order of
  // first occurrence: "what (count): first distinct subjects, ...", located at the
  // first occurrence (line and column computed from pugixml's offsets).
  std::vector<Diagnostic> warnings;
};

// Parses an MSPDI document. Errors (kInvalidInput): malformed XML (with line:column),
// a root that is not <Project>, an invalid `options.program_id`, no start date at all.
// Never fails on content the model cannot represent: that becomes a warning. Values
// beyond docs/limits.md are normalized with a warning (unnamed tasks named "Task <UID>",
// inverted baselines and out-of-range dates dropped, invalid UTF-8 replaced by U+FFFD,
// days and money bounded), so that the program passes model::Validate (unique ids,
// resolved links, no cycles: a cycle is broken with a warning) and export can write it
// back; should anything still fail validation, the import fails (kInvalidInput) rather
// than return it. Linear in the size of the file (calendar exceptions cost their
// occurrences within the date limits, not their written span), except links on summary
// tasks, which expand to (leaves of one side) x (leaves of the other).
Result<MspdiImport> ReadMspdi(std::string_view xml, const std::string& file_name,
                              const MspdiReadOptions& options);

// The dates of one task as the schedule computed them (inclusive civil dates).
struct MspdiTaskDates {
  Date start;
  Date finish;
};

struct MspdiWriteOptions {
  // One entry per task in file order (projects in order, their tasks in order), from
  // the schedule; empty: each task is placed at its actual start, start_no_earlier_than
  // or the program start (MS Project reschedules automatic tasks on open anyway).
  // Any other size is a bug.
  std::vector<MspdiTaskDates> dates;
};

// An MSPDI document (SaveVersion 14, 480 minutes per day, durations in days): the
// calendar, one top-level summary task per project with its tasks at outline level 2,
// links with their types and lags, progress, baselines, costs, constraints, deadlines,
// resources and assignments. tpmkit ids and estimates (optimistic, pessimistic,
// distribution) travel in task extended attributes Text30, Number19, Number20 and
// Text29, which ReadMspdi reads back: ReadMspdi(WriteMspdi(p)) gives the same tasks,
// durations, estimates, links, lags, calendar and progress.
std::string WriteMspdi(const model::Program& program, const MspdiWriteOptions& options);

}  // namespace tpmkit::formats
