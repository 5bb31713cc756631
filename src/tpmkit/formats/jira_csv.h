// Jira CSV exports (Jira Cloud and Data Center, "Export Excel CSV (all fields)" or the
// columns chosen): import into a model::Program, with warnings for what the model cannot
// carry. The mapping, the header names it knows and the warnings are in
// docs/formats/jira-csv.md.
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

struct JiraReadOptions {
  // The program id; empty: derived from the file name (a slug `[a-z0-9][a-z0-9_-]*`).
  std::string program_id;
  // Only the issues of this Jira project (its key, e.g. "PHX"; any case); empty: all.
  std::string project_key;
  // The working day an estimate in seconds is divided by (Jira's default: 8 hours).
  int hours_per_day = 8;
  // The duration of an issue without an original estimate, in working days.
  int default_duration_days = 1;
  // The program start when the file has no date at all (the caller's today); absent:
  // such a file is refused.
  std::optional<Date> fallback_start;
  // How many distinct subjects (issue keys...) a warning line names; the rest are counted.
  int max_examples = 3;
};

struct JiraImport {
  model::Program program;
  // Everything the model could not carry, one aggregated line per kind, in the order of
  // first occurrence: "what (count): first distinct subjects, ...", located at the field
  // (line and column) of the first occurrence.
  std::vector<Diagnostic> warnings;
  // What was read, for the closing note: issue rows imported (epics included), rows of
  // other Jira projects left out by `project_key`, and the finish-to-start links made.
  size_t issues = 0;
  size_t skipped = 0;
  size_t links = 0;
};

// Parses a Jira CSV export: the first record names the columns (English or Spanish
// headers; repeated columns such as Sprint, Labels or the issue-link columns are all
// read), each further record is one issue. Epics become projects, other issues tasks
// (sub-tasks beside their parent), "Blocks" links finish-to-start dependencies (a cycle
// is broken with a warning), the status category gives the progress, Original Estimate
// (seconds) the duration.
// Errors (kInvalidInput, with FILE:LINE:COLUMN where there is a place): malformed CSV
// (an unterminated quote...), a UTF-16 file, no "Issue key" or "Summary" column, no
// issue (of `project_key`), an invalid `options.program_id`, no date to start from.
// Never fails on content the model cannot represent: that becomes a warning, so that
// the program passes model::Validate; should anything still fail validation, the import
// fails rather than return it. Linear in the size of the file.
Result<JiraImport> ReadJiraCsv(std::string_view csv, const std::string& file_name,
                               const JiraReadOptions& options);

}  // namespace tpmkit::formats
