// The program file (YAML, format version 1; ../shared/spec/program-file.md): bytes to
// a validated model::Program and back. Reading collects every problem at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/diagnostic.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"

namespace tpmkit::formats {

// Parses and validates `text`. On any problem: an Error with code kInvalidInput and
// one Diagnostic {file_name, line, column, message} per problem, sorted by position.
// Covers YAML syntax, types, ranges, enums, unknown keys, required keys, and
// model::Validate (unique ids, references, estimate ordering, cycles...).
Result<model::Program> ReadProgramFile(std::string_view text, const std::string& file_name);

// ReadProgramFile, with model::ValidationWarnings located like the problems
// ({file_name, line, column, message}, sorted by position): what is valid but probably
// not meant.
struct ProgramFileRead {
  model::Program program;
  std::vector<Diagnostic> warnings;
};
Result<ProgramFileRead> ReadProgramFileWithWarnings(std::string_view text,
                                                    const std::string& file_name);

// Canonical YAML: keys in the order of program-file.md, absent values omitted,
// days as "Nd", dates as YYYY-MM-DD. ReadProgramFile(WriteProgramFile(p)) == p.
std::string WriteProgramFile(const model::Program& program);

}  // namespace tpmkit::formats
