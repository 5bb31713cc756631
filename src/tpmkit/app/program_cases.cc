#include "tpmkit/app/program_cases.h"

#include "tpmkit/app/analysis.h"
#include "tpmkit/app/status_cases.h"
#include "tpmkit/formats/jira_csv.h"
#include "tpmkit/formats/mspdi.h"
#include "tpmkit/formats/program_file.h"

namespace tpmkit::app {

namespace {

// A Jira CSV export; one without any date starts on `today`.
Result<ReadProgramResult> ReadJira(std::string_view text, const std::string& name,
                                   const std::string& program_id, const std::string& project,
                                   Date today) {
  formats::JiraReadOptions options;
  options.program_id = program_id;
  options.project_key = project;
  options.fallback_start = today;
  TPMKIT_ASSIGN_OR_RETURN(auto imported, formats::ReadJiraCsv(text, name, options));
  return ReadProgramResult{std::move(imported.program), std::move(imported.warnings)};
}

// The import's refusal: one diagnostic per reference the new plan would leave dangling.
Error DanglingReferencesError(const std::vector<model::TaskReference>& dangling,
                              const std::string& file, const std::string& program) {
  const size_t n = dangling.size();
  Error error = Error::Conflict(
      std::to_string(n) + (n == 1 ? " problem" : " problems") + ": the registers of '" + program +
      "' name " + (n == 1 ? "a task" : "tasks") + " that the plan in " + file +
      " does not have; nothing was imported (--prune drops these references, --dry-run shows "
      "what would change)");
  for (const auto& ref : dangling) {
    error.diagnostics.push_back(
        Diagnostic{"", 0, 0, ref.path + ": " + ref.owner + " names task '" + ref.task + "'"});
  }
  return error;
}

}  // namespace

Result<InitWorkspaceResponse> InitWorkspace(Env& env, const InitWorkspaceRequest&) {
  // A read transaction opens (and, for init, creates) the workspace.
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  (void)txn;
  return InitWorkspaceResponse{};
}

Result<ApplyFileResponse> ApplyFile(Env& env, const ApplyFileRequest& request) {
  // Validate before touching the workspace, so a bad file never creates one.
  TPMKIT_ASSIGN_OR_RETURN(auto read, ReadProgram(request.file));
  // Evidence paths in the file are relative to its folder; the workspace remembers it, so
  // that `audit` finds them from any working folder.
  std::error_code ec;
  const std::filesystem::path folder =
      request.file.has_parent_path() ? request.file.parent_path() : std::filesystem::path(".");
  std::filesystem::path root = std::filesystem::weakly_canonical(folder, ec);
  if (ec) root = std::filesystem::absolute(folder, ec).lexically_normal();
  ApplyFileResponse response;
  TPMKIT_ASSIGN_OR_RETURN(response.applied, StoreProgram(env, read.program, {root}));
  response.evidence_root = root;
  response.warnings = std::move(read.warnings);
  return response;
}

Result<ApplyDocumentResponse> ApplyDocument(Env& env, const ApplyDocumentRequest& request) {
  ApplyDocumentResponse response;
  model::Program program;
  if (request.format == "mspdi") {
    formats::MspdiReadOptions options;
    options.program_id = request.program_id;
    TPMKIT_ASSIGN_OR_RETURN(auto imported, formats::ReadMspdi(request.text, request.name, options));
    program = std::move(imported.program);
    response.warnings = std::move(imported.warnings);
  } else if (request.format == "jira") {
    TPMKIT_ASSIGN_OR_RETURN(auto imported, ReadJira(request.text, request.name, request.program_id,
                                                    "", env.clock.Today()));
    program = std::move(imported.program);
    response.warnings = std::move(imported.warnings);
  } else if (request.format == "yaml") {
    TPMKIT_ASSIGN_OR_RETURN(auto read,
                            formats::ReadProgramFileWithWarnings(request.text, request.name));
    program = std::move(read.program);
    response.warnings = std::move(read.warnings);
  } else {
    return Error::Usage("unknown format '" + request.format + "': yaml, mspdi or jira");
  }
  if (!request.program_id.empty() && program.id != request.program_id) {
    return Error::Invalid("the document is program '" + program.id + "', not '" +
                          request.program_id + "'");
  }
  TPMKIT_ASSIGN_OR_RETURN(response.applied, StoreProgram(env, program));
  return response;
}

Result<std::vector<store::ProgramSummary>> ListPrograms(Env& env) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  return txn->ListPrograms();
}

Result<CheckFileResponse> CheckFile(Env&, const CheckFileRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto read, ReadProgram(request.file));
  return CheckFileResponse{read.program.TaskCount(), read.program.projects.size(),
                           std::move(read.warnings)};
}

Result<ImportPlanResponse> ImportPlan(Env& env, const ImportPlanRequest& request) {
  ReadProgramResult read;
  if (request.format == "mspdi") {
    if (!request.project.empty()) {
      return Error::Usage("--project chooses a Jira project: it is for import jira");
    }
    TPMKIT_ASSIGN_OR_RETURN(read, ReadMspdiFile(request.file, request.program_id));
  } else if (request.format == "jira") {
    TPMKIT_ASSIGN_OR_RETURN(std::string text, ReadTextFile(request.file));
    TPMKIT_ASSIGN_OR_RETURN(read, ReadJira(text, request.file.string(), request.program_id,
                                           request.project, env.clock.Today()));
  } else {
    return Error::Usage("unknown import format '" + request.format + "': mspdi or jira");
  }
  ImportPlanResponse response;
  model::PlanMergeOptions merge;
  // A Jira export has no calendar, resources or program dates: the program keeps its own.
  merge.schedule_settings = request.format == "mspdi";
  auto derive = [&](const model::Program* stored) -> Result<model::Program> {
    if (stored == nullptr) return read.program;
    response.merged = true;
    model::Program merged = model::MergePlan(*stored, read.program, merge);
    if (request.prune) {
      response.pruned = model::PruneTaskReferences(merged);
      return merged;
    }
    if (auto dangling = model::DanglingTaskReferences(merged); !dangling.empty()) {
      return DanglingReferencesError(dangling, request.file.string(), merged.id);
    }
    return merged;
  };
  TPMKIT_ASSIGN_OR_RETURN(
      auto stored, StoreDerivedProgram(env, read.program.id, derive, {.dry_run = request.dry_run}));
  response.applied = std::move(stored.applied);
  if (request.dry_run) response.changes = std::move(stored.changes);
  response.tasks = read.program.TaskCount();
  response.warnings = std::move(read.warnings);
  return response;
}

Result<ExportProgramResponse> ExportProgram(Env& env, const ExportProgramRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  ExportProgramResponse response;
  response.warnings = std::move(loaded.warnings);
  if (request.format == "mspdi") {
    TPMKIT_ASSIGN_OR_RETURN(response.text, ExportMspdi(loaded.program));
  } else {
    response.text = formats::WriteProgramFile(loaded.program);
  }
  if (request.output) TPMKIT_RETURN_IF_ERROR(WriteTextFile(*request.output, response.text));
  return response;
}

Result<ShowProgramResponse> ShowProgram(Env& env, const ShowProgramRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  ShowProgramResponse r;
  r.as_of = DateInForce(loaded.program, request.as_of, env.clock);
  if (auto s = ScheduleOf(loaded.program, r.as_of); s.ok()) r.schedule = std::move(*s);
  r.scorecard = toolkit::ComputeScorecard(loaded.program);
  r.readiness = ReadinessOf(loaded.program, r.as_of);
  if (r.schedule) {
    if (auto status = StatusOf(loaded.program, r.as_of, ForecastRequest{}); status.ok()) {
      r.status = std::move(*status);
    }
  }
  r.loaded = std::move(loaded);
  return r;
}

}  // namespace tpmkit::app
