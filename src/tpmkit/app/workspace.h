// What every use case shares: reading program files, choosing the program to work on
// (-f FILE or -p ID), storing a whole program, and EditProgram, the one write path of
// every edit (validate, store, one audit entry per changed entity, one transaction).
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/app/env.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/store/store.h"

namespace tpmkit::app {

// The program a read command works on: a file (nothing stored) or a workspace program
// (by id; may be empty when the workspace holds exactly one).
struct ProgramSource {
  std::optional<std::filesystem::path> file;
  std::optional<std::string> program_id;
};

struct LoadedProgram {
  model::Program program;
  std::filesystem::path base_dir;  // where relative evidence paths resolve
  bool from_file = false;
  std::vector<Diagnostic> warnings;  // what an import could not represent
};

// A program read from a file, with what could not be represented (MS Project XML).
struct ReadProgramResult {
  model::Program program;
  std::vector<Diagnostic> warnings;
};

// Reads a whole file; kInvalidInput "FILE: cannot read: reason" when it cannot.
Result<std::string> ReadTextFile(const std::filesystem::path& path);

// Parses and validates a program file (diagnostics name the file as given). A file
// ending in .xml is read as MS Project XML (MSPDI), anything else as a program file.
Result<ReadProgramResult> ReadProgram(const std::filesystem::path& path);

// Reads an MS Project XML file; the program id comes from `program_id` or the file name.
Result<ReadProgramResult> ReadMspdiFile(const std::filesystem::path& path,
                                        const std::string& program_id = "");

// The program as MS Project XML, with the schedule's dates.
Result<std::string> ExportMspdi(const model::Program& program);

// The program a read use case works on: the file (nothing stored), else the workspace
// program. Errors: those of ReadProgram; kNotFound (no such program, an empty
// workspace); kUsage (several programs and no id); kStorage.
Result<LoadedProgram> LoadProgram(Env& env, const ProgramSource& source);

// The program's version (Transaction::ProgramVersion: the hash of its newest audit
// entry, "" when it has none), for caches and ETags. One short read transaction.
Result<std::string> ReadProgramVersion(Env& env, const std::string& program_id);

struct ApplyResult {
  std::string program;
  bool created = false;
  size_t changed = 0;  // audit entries written
};

// Stores a validated program (create or replace) with one audit entry per changed
// entity, all in one transaction.
Result<ApplyResult> StoreProgram(Env& env, const model::Program& program);

// The one way a command edits a stored program: load it, let `edit` change it, validate,
// store it and record what changed, in one write transaction. `edit` returns an error to
// abandon the edit (nothing is written). Validation problems are reported as
// "PATH: message" diagnostics.
using EditFn = std::function<Status(model::Program&)>;
Result<ApplyResult> EditProgram(Env& env, const std::optional<std::string>& program_id,
                                const EditFn& edit);

// Writes text to a file atomically (temp file + rename).
Status WriteTextFile(const std::filesystem::path& path, const std::string& text);

}  // namespace tpmkit::app
