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
  // The evidence root recorded before, when StoreProgramOptions::evidence_root replaced it.
  std::optional<std::filesystem::path> moved_evidence_root;
};

struct StoreProgramOptions {
  // The folder that the program's relative evidence paths start from (absolute), kept
  // beside the program: `apply FILE` gives the file's folder. Recorded in the audit trail
  // (entity "evidence_root", field "path") when it differs from the one recorded before;
  // nullopt: the recorded one stays.
  std::optional<std::filesystem::path> evidence_root;
};

// Stores a validated program (create or replace) with one audit entry per changed
// entity, all in one transaction.
Result<ApplyResult> StoreProgram(Env& env, const model::Program& program,
                                 const StoreProgramOptions& options = {});

// The evidence root recorded for a workspace program (StoreProgramOptions), the program
// chosen as LoadProgram does; nullopt when none was recorded (an imported program, or one
// applied before tpmkit kept it). Errors: those of choosing the program; kStorage.
Result<std::optional<std::filesystem::path>> RecordedEvidenceRoot(
    Env& env, const std::optional<std::string>& program_id);

// What StoreDerivedProgram did or, in a dry run, would do.
struct DerivedStore {
  ApplyResult applied;                       // dry run: `changed` counts the entries it would write
  bool existed = false;                      // a program of that id was stored before
  std::vector<model::EntityChange> changes;  // what changed (or would), in audit order
};
struct DerivedStoreOptions {
  bool dry_run = false;  // compute the changes, write nothing
};
// Like StoreProgram, but the program to store is `derive(stored)`, where `stored` is the
// workspace's program `program_id` (nullptr when none), read in the same write transaction
// so that no other write slips in between (an import that merges into what is stored).
// `derive` returns an error to abandon (nothing is written); the program it returns must
// have the id `program_id`, and is validated as StoreProgram does.
using DeriveFn = std::function<Result<model::Program>(const model::Program* stored)>;
Result<DerivedStore> StoreDerivedProgram(Env& env, const std::string& program_id,
                                         const DeriveFn& derive,
                                         const DerivedStoreOptions& options);

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
