#include "tpmkit/app/workspace.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <system_error>

#include "tpmkit/base/check.h"
#include "tpmkit/formats/mspdi.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/diff.h"
#include "tpmkit/model/task_index.h"
#include "tpmkit/model/validate.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::app {

namespace {

// The id of the program to use: the one given, or the only one in the workspace.
Result<std::string> ResolveProgramId(store::Transaction& txn,
                                     const std::optional<std::string>& wanted) {
  if (wanted && !wanted->empty()) return *wanted;
  TPMKIT_ASSIGN_OR_RETURN(auto programs, txn.ListPrograms());
  if (programs.size() == 1) return programs.front().id;
  if (programs.empty()) {
    return Error::NotFound("the workspace holds no program: load one with `tpmkit apply FILE`");
  }
  std::string ids;
  for (const auto& p : programs) ids += (ids.empty() ? "" : ", ") + p.id;
  return Error::Usage("the workspace holds " + std::to_string(programs.size()) + " programs (" +
                      ids + "): choose one with -p ID");
}

Error ValidationError(const std::vector<model::ValidationIssue>& issues) {
  Error error = Error::Invalid(std::to_string(issues.size()) +
                               (issues.size() == 1 ? " problem" : " problems") +
                               ": the change was not applied");
  for (const auto& issue : issues) {
    error.diagnostics.push_back(Diagnostic{"", 0, 0, issue.path + ": " + issue.message});
  }
  return error;
}

// kStale when the caller based its write on another version of the program than the
// one stored (Env::version); reports the version read otherwise.
Status CheckVersion(store::Transaction& txn, const Env& env, const std::string& program_id) {
  if (!env.version) return OkStatus();
  TPMKIT_ASSIGN_OR_RETURN(auto stored, txn.ProgramVersion(program_id));
  if (env.version->expected && *env.version->expected != stored) {
    return Error::Stale("program '" + program_id +
                        "' has changed since the version this request was based on: read it "
                        "again, review the changes and resubmit");
  }
  env.version->current = std::move(stored);
  return OkStatus();
}

// Stores `after` in place of `before` with its audit entries, and the entries of `extra`
// (what is kept beside the program: its evidence root), inside `txn`.
Result<ApplyResult> WriteChanges(store::Transaction& txn, const Env& env,
                                 const model::Program* before, const model::Program& after,
                                 std::vector<model::EntityChange> extra = {}) {
  ApplyResult result{after.id, before == nullptr, 0, std::nullopt};
  TPMKIT_RETURN_IF_ERROR(CheckVersion(txn, env, after.id));
  auto changes = model::DiffPrograms(before, after);
  if (changes.empty() && extra.empty()) return result;
  if (!changes.empty()) TPMKIT_RETURN_IF_ERROR(txn.PutProgram(after));
  changes.insert(changes.end(), std::make_move_iterator(extra.begin()),
                 std::make_move_iterator(extra.end()));
  TPMKIT_ASSIGN_OR_RETURN(auto entries, txn.AppendAudit(env.actor, after.id, changes));
  result.changed = entries.size();
  TPMKIT_RETURN_IF_ERROR(txn.Commit());
  if (env.version && !entries.empty()) env.version->current = entries.back().hash;
  return result;
}

// The evidence root is kept in the audit trail itself: the newest "evidence_root" entry of
// the program holds it (field "path"), so that it is stored and audited at once and
// survives a program file applied again.
constexpr std::string_view kEvidenceRootEntity = "evidence_root";

Result<std::optional<std::filesystem::path>> EvidenceRootIn(store::Transaction& txn,
                                                            const std::string& program_id) {
  store::AuditFilter filter;
  filter.program = program_id;
  filter.entity = std::string(kEvidenceRootEntity);
  TPMKIT_ASSIGN_OR_RETURN(auto entries, txn.ReadAudit(filter));
  if (entries.empty()) return std::optional<std::filesystem::path>();
  for (const auto& field : entries.front().change.changes) {
    if (field.field == "path" && field.new_value) {
      return std::optional<std::filesystem::path>(*field.new_value);
    }
  }
  return std::optional<std::filesystem::path>();
}

}  // namespace

Result<std::string> ReadTextFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Error::Invalid(path.string() + ": cannot read: " + std::strerror(errno));
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return Error::Invalid(path.string() + ": cannot read");
  return buf.str();
}

Result<ReadProgramResult> ReadMspdiFile(const std::filesystem::path& path,
                                        const std::string& program_id) {
  TPMKIT_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  formats::MspdiReadOptions options;
  options.program_id = program_id;
  TPMKIT_ASSIGN_OR_RETURN(auto imported, formats::ReadMspdi(text, path.string(), options));
  return ReadProgramResult{std::move(imported.program), std::move(imported.warnings)};
}

Result<ReadProgramResult> ReadProgram(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error::Invalid(path.string() + ": is a folder, not a program file");
  }
  if (path.extension() == ".xml") return ReadMspdiFile(path);
  TPMKIT_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  TPMKIT_ASSIGN_OR_RETURN(auto read, formats::ReadProgramFileWithWarnings(text, path.string()));
  return ReadProgramResult{std::move(read.program), std::move(read.warnings)};
}

// MS Project has no external dependencies. A promise date still holding back a task
// becomes that task's start-no-earlier-than constraint (the same lower bound in §2), so
// the exported plan schedules the same.
model::Program WithDependenciesAsConstraints(model::Program program) {
  model::TaskIndex index(program);
  for (const auto& dep : program.dependencies) {
    if (dep.status == model::DependencyStatus::kDelivered || !dep.expected) continue;
    for (const auto& ref : dep.tasks) {
      auto at = index.Find(ref);
      if (!at) continue;
      auto& snet = program.projects[at->project].tasks[at->task].start_no_earlier_than;
      if (!snet || *snet < *dep.expected) snet = dep.expected;
    }
  }
  return program;
}

Result<std::string> ExportMspdi(const model::Program& original) {
  const model::Program program = WithDependenciesAsConstraints(original);
  TPMKIT_ASSIGN_OR_RETURN(auto schedule, plan::ComputeSchedule(program));
  formats::MspdiWriteOptions options;
  options.dates.reserve(schedule.tasks.size());
  for (const auto& t : schedule.tasks) options.dates.push_back({t.start, t.finish});
  return formats::WriteMspdi(program, options);
}

Result<LoadedProgram> LoadProgram(Env& env, const ProgramSource& source) {
  if (source.file) {
    TPMKIT_ASSIGN_OR_RETURN(auto read, ReadProgram(*source.file));
    auto dir = source.file->parent_path();
    return LoadedProgram{std::move(read.program), dir.empty() ? "." : dir, true,
                         std::move(read.warnings)};
  }
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_ASSIGN_OR_RETURN(auto id, ResolveProgramId(*txn, source.program_id));
  TPMKIT_ASSIGN_OR_RETURN(auto program, txn->LoadProgram(id));
  if (!program) return Error::NotFound("no program '" + id + "' in the workspace");
  if (env.version) {
    TPMKIT_ASSIGN_OR_RETURN(env.version->current, txn->ProgramVersion(id));
  }
  return LoadedProgram{std::move(*program), ".", false, {}};
}

Result<std::string> ReadProgramVersion(Env& env, const std::string& program_id) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  return txn->ProgramVersion(program_id);
}

Result<ApplyResult> StoreProgram(Env& env, const model::Program& program,
                                 const StoreProgramOptions& options) {
  // Readers validate already; the write path checks again so that nothing unchecked is
  // ever stored, whatever the caller.
  if (auto issues = model::Validate(program); !issues.empty()) return ValidationError(issues);
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto before, txn->LoadProgram(program.id));
  std::vector<model::EntityChange> extra;
  if (options.evidence_root) {
    TPMKIT_ASSIGN_OR_RETURN(auto recorded, EvidenceRootIn(*txn, program.id));
    const std::string now = options.evidence_root->string();
    if (!recorded || recorded->string() != now) {
      extra.push_back(model::EntityChange{
          std::string(kEvidenceRootEntity),
          program.id,
          recorded ? model::ChangeAction::kUpdate : model::ChangeAction::kCreate,
          {model::FieldChange{
              "path", recorded ? std::optional<std::string>(recorded->string()) : std::nullopt,
              now}}});
    }
  }
  std::optional<std::filesystem::path> moved;
  if (!extra.empty() && extra.front().changes.front().old_value) {
    moved = *extra.front().changes.front().old_value;
  }
  TPMKIT_ASSIGN_OR_RETURN(
      auto result, WriteChanges(*txn, env, before ? &*before : nullptr, program, std::move(extra)));
  result.moved_evidence_root = std::move(moved);
  return result;
}

Result<std::optional<std::filesystem::path>> RecordedEvidenceRoot(
    Env& env, const std::optional<std::string>& program_id) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_ASSIGN_OR_RETURN(auto id, ResolveProgramId(*txn, program_id));
  return EvidenceRootIn(*txn, id);
}

Result<DerivedStore> StoreDerivedProgram(Env& env, const std::string& program_id,
                                         const DeriveFn& derive,
                                         const DerivedStoreOptions& options) {
  // A dry run only reads: it neither takes the write lock nor writes.
  TPMKIT_ASSIGN_OR_RETURN(
      auto txn, env.store.Begin(options.dry_run ? store::TxnMode::kRead : store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto before, txn->LoadProgram(program_id));
  const model::Program* stored = before ? &*before : nullptr;
  TPMKIT_ASSIGN_OR_RETURN(model::Program after, derive(stored));
  TPMKIT_CHECK(after.id == program_id);
  if (auto issues = model::Validate(after); !issues.empty()) return ValidationError(issues);
  DerivedStore result;
  result.existed = stored != nullptr;
  result.changes = model::DiffPrograms(stored, after);
  if (options.dry_run) {
    result.applied = ApplyResult{after.id, stored == nullptr, result.changes.size(), std::nullopt};
    return result;
  }
  TPMKIT_ASSIGN_OR_RETURN(result.applied, WriteChanges(*txn, env, stored, after));
  return result;
}

Result<ApplyResult> EditProgram(Env& env, const std::optional<std::string>& program_id,
                                const EditFn& edit) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kWrite));
  TPMKIT_ASSIGN_OR_RETURN(auto id, ResolveProgramId(*txn, program_id));
  TPMKIT_ASSIGN_OR_RETURN(auto before, txn->LoadProgram(id));
  if (!before) return Error::NotFound("no program '" + id + "' in the workspace");
  model::Program after = *before;
  TPMKIT_RETURN_IF_ERROR(edit(after));
  if (after.id != before->id) return Error::Invalid("an edit cannot change the program id");
  if (auto issues = model::Validate(after); !issues.empty()) return ValidationError(issues);
  return WriteChanges(*txn, env, &*before, after);
}

namespace {

// The process's umask, read without changing it (umask(2) can only read by setting, which
// races with other threads creating files): /proc/self/status, else 022.
mode_t CurrentUmask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

}  // namespace

Status WriteTextFile(const std::filesystem::path& path, const std::string& text) {
  auto fail = [&](const std::string& why) {
    return Error::Invalid(path.string() + ": cannot write: " + why);
  };
  // The temporary is a new file of our own in the target's folder (mkstemp: O_CREAT |
  // O_EXCL, so nothing planted there is followed or reused), written, flushed to disk and
  // renamed over the target, so that readers see the old file or the whole new one.
  const std::filesystem::path folder =
      path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::string tmp = (folder / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) return fail(std::strerror(errno));
  std::string why;
  for (size_t done = 0; done < text.size() && why.empty();) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      why = std::strerror(errno);
      break;
    }
    done += static_cast<size_t>(n);
  }
  // mkstemp creates the file 0600; an output is as readable as any file the user creates.
  if (why.empty() && ::fchmod(fd, 0666 & ~CurrentUmask()) != 0) why = std::strerror(errno);
  if (why.empty() && ::fsync(fd) != 0) why = std::strerror(errno);
  if (::close(fd) != 0 && why.empty()) why = std::strerror(errno);
  if (why.empty() && std::rename(tmp.c_str(), path.c_str()) != 0) why = std::strerror(errno);
  if (!why.empty()) {
    ::unlink(tmp.c_str());
    return fail(why);
  }
  // The rename itself is durable once the folder is synced (best effort).
  if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return OkStatus();
}

}  // namespace tpmkit::app
