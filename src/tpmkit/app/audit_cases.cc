#include "tpmkit/app/audit_cases.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

#include "tpmkit/model/diff.h"
#include "tpmkit/model/replay.h"

namespace tpmkit::app {

namespace fs = std::filesystem;

Result<CheckReadinessResponse> CheckReadiness(Env& env, const CheckReadinessRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  CheckReadinessResponse r;
  const auto& p = loaded.program;
  if (request.evidence_root) {
    r.evidence_root = *request.evidence_root;
    r.root_source = report::EvidenceRootSource::kOption;
  } else if (loaded.from_file) {
    r.evidence_root = EvidenceRoot(std::nullopt, loaded.base_dir);
    r.root_source = report::EvidenceRootSource::kProgramFile;
  } else {
    TPMKIT_ASSIGN_OR_RETURN(auto recorded, RecordedEvidenceRoot(env, p.id));
    r.evidence_root = recorded ? *recorded : fs::path(".");
    r.root_source = recorded ? report::EvidenceRootSource::kRecorded
                             : report::EvidenceRootSource::kCurrentFolder;
  }
  toolkit::AuditInputs in;
  in.as_of = DateInForce(p, request.as_of, env.clock);
  in.file_sha256 = HashEvidence(p, r.evidence_root);
  in.refused_paths = RefusedEvidence(p, r.evidence_root);
  if (!loaded.from_file) {
    TPMKIT_ASSIGN_OR_RETURN(r.verification, VerifyTrail(env, {}));
    in.trail_verified = r.verification->ok;
  }
  r.readiness = toolkit::ComputeAuditReadiness(p, in);
  r.loaded = std::move(loaded);
  return r;
}

Result<RecordEvidenceResponse> RecordEvidence(Env& env, const RecordEvidenceRequest& request) {
  // Paths are kept relative to where `audit` will look for them: the evidence root given,
  // else the folder `apply` recorded, else the current folder.
  fs::path root;
  if (request.evidence_root) {
    root = *request.evidence_root;
  } else {
    TPMKIT_ASSIGN_OR_RETURN(auto recorded, RecordedEvidenceRoot(env, request.program_id));
    root = recorded ? *recorded : fs::current_path();
  }
  RecordEvidenceResponse r;
  TPMKIT_ASSIGN_OR_RETURN(
      auto applied, EditProgram(env, request.program_id, [&](model::Program& p) -> Status {
        TPMKIT_ASSIGN_OR_RETURN(r.sha256, AddEvidence(p, request.item, request.file, root));
        return OkStatus();
      }));
  r.changed = applied.changed;
  return r;
}

namespace {

// One plain path segment on every system.
bool IsSafeSegment(std::string_view name) {
  if (name.empty() || name.size() > 128 || name.front() == '.') return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
           c == '-' || c == '_';
  });
}

}  // namespace

Result<UploadEvidenceResponse> UploadEvidence(Env& env, const UploadEvidenceRequest& request) {
  if (!IsSafeSegment(request.name)) {
    return Error::Invalid(
        "name: the file's name, one plain segment of letters, digits, '.', '-' and '_' (at "
        "most 128, not starting with '.'), e.g. ?name=soc2-report.pdf");
  }
  if (request.bytes.empty()) {
    return Error::Invalid("the body is empty: send the evidence file's bytes");
  }
  if (!IsSafeSegment(request.program_id) || !IsSafeSegment(request.item)) {
    return Error::Invalid(
        "evidence is uploaded only for programs and items whose ids are plain names");
  }
  const fs::path& root = request.evidence_root;
  const fs::path folder = root / request.program_id / request.item;
  const fs::path file = folder / request.name;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec) return Error::Storage("cannot create " + folder.string() + ": " + ec.message());
  // Nothing planted under the root (a symbolic link) may redirect the write.
  if (fs::is_symlink(root / request.program_id, ec) || fs::is_symlink(folder, ec) ||
      fs::is_symlink(file, ec)) {
    return Error::Invalid("the evidence folder holds a symbolic link; not writing");
  }
  const bool existed = fs::exists(file, ec);
  if (auto s = WriteTextFile(file, request.bytes); !s.ok()) {
    return Error::Storage(s.error().message);
  }
  UploadEvidenceResponse r;
  r.path = (fs::path(request.program_id) / request.item / request.name).generic_string();
  auto recorded = RecordEvidence(env, {request.program_id, request.item, file, root});
  if (!recorded.ok()) {
    if (!existed) fs::remove(file, ec);
    return std::move(recorded).error();
  }
  r.recorded = std::move(*recorded);
  return r;
}

Result<SignOffItemResponse> SignOffItem(Env& env, const SignOffItemRequest& request) {
  SignOffItemResponse r;
  TPMKIT_ASSIGN_OR_RETURN(
      auto applied, EditProgram(env, request.program_id, [&](model::Program& p) -> Status {
        r.on = request.on ? *request.on : DateInForce(p, request.as_of, env.clock);
        return SignOff(p, request.item, request.by, r.on);
      }));
  r.changed = applied.changed;
  return r;
}

Result<PackAuditResponse> PackAudit(Env& env, const PackAuditRequest& request) {
  std::error_code ec;
  if (fs::is_directory(request.output, ec)) {
    return Error::Usage("-o: " + request.output.string() +
                        " is a folder; name the zip to write, e.g. " +
                        (request.output / "audit-pack.zip").string());
  }
  if (const auto folder = request.output.parent_path();
      !folder.empty() && !fs::is_directory(folder, ec)) {
    return Error::Usage("-o: the folder " + folder.string() + " does not exist");
  }
  TPMKIT_ASSIGN_OR_RETURN(
      auto checked, CheckReadiness(env, {request.source, request.as_of, request.evidence_root}));
  if (const size_t missing = report::MissingEvidence(checked.readiness);
      missing > 0 && !request.allow_missing) {
    std::string where = report::EvidenceLookupText(
        checked.readiness, fs::absolute(checked.evidence_root, ec).string(), checked.root_source);
    if (!where.empty() && where.back() == '\n') where.pop_back();
    return Error{ErrorCode::kCheckFailed,
                 where +
                     " No pack was written: `tpmkit audit` lists them; --allow-missing writes "
                     "the pack without them.",
                 {}};
  }
  AuditPackInput in;
  in.program = std::move(checked.loaded.program);
  in.readiness = std::move(checked.readiness);
  in.evidence_root = checked.evidence_root;
  in.verification = checked.verification;
  if (!checked.loaded.from_file) {
    ReadLogRequest log;
    log.filter.program = in.program.id;
    TPMKIT_ASSIGN_OR_RETURN(auto trail, ReadLog(env, log));
    in.trail = std::move(trail.entries);
  }
  in.generated_on = DateInForce(in.program, request.as_of, env.clock);
  TPMKIT_ASSIGN_OR_RETURN(auto summary, WriteAuditPack(request.output, in));
  return PackAuditResponse{summary, in.generated_on, std::move(checked.verification),
                           checked.evidence_root};
}

Result<ReadLogResponse> ReadLog(Env& env, const ReadLogRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  ReadLogResponse r;
  TPMKIT_ASSIGN_OR_RETURN(r.entries, txn->ReadAudit(request.filter));
  if (env.version && request.filter.program) {
    TPMKIT_ASSIGN_OR_RETURN(env.version->current, txn->ProgramVersion(*request.filter.program));
  }
  if (request.limit > 0 && r.entries.size() > request.limit) r.entries.resize(request.limit);
  return r;
}

Result<VerifyTrailResponse> VerifyTrail(Env& env, const VerifyTrailRequest&) {
  TPMKIT_ASSIGN_OR_RETURN(auto txn, env.store.Begin(store::TxnMode::kRead));
  TPMKIT_ASSIGN_OR_RETURN(auto r, txn->VerifyAudit());
  // Replaying a trail that was tampered with says nothing reliable about the data; the
  // broken chain is the finding.
  if (!r.ok) return r;
  TPMKIT_ASSIGN_OR_RETURN(auto entries, txn->ReadAudit({}));
  std::map<std::string, model::ProgramState> implied;
  for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
    // Account events (account_cases.h) and snapshots (status_cases.h) are not program
    // data; snapshots live in their own table.
    // Nor is the evidence root (workspace.h, StoreProgramOptions), kept in the trail only.
    if (it->change.entity == "user" || it->change.entity == "snapshot" ||
        it->change.entity == "evidence_root") {
      continue;
    }
    model::ApplyChange(implied[it->program], it->change);
  }
  std::map<std::string, model::ProgramState> stored;
  TPMKIT_ASSIGN_OR_RETURN(auto programs, txn->ListPrograms());
  for (const auto& summary : programs) {
    auto program = txn->LoadProgram(summary.id);
    if (!program.ok()) {
      r.ok = false;
      r.reason =
          fmt::format("program {} cannot be read back: {}", summary.id, program.error().message);
      return r;
    }
    if (*program)
      stored[summary.id] = model::ReplayChanges(model::DiffPrograms(nullptr, **program));
  }
  for (const auto& [id, state] : stored) implied.try_emplace(id);
  static const model::ProgramState kEmpty;
  for (const auto& [id, state] : implied) {
    auto s = stored.find(id);
    for (auto& d : model::CompareStates(state, s == stored.end() ? kEmpty : s->second)) {
      r.differences.push_back({id, std::move(d.entity), std::move(d.entity_id), std::move(d.field),
                               std::move(d.expected), std::move(d.actual)});
    }
  }
  if (!r.differences.empty()) {
    const auto& d = r.differences.front();
    r.ok = false;
    r.reason = fmt::format(
        "the stored data differ from what the audit trail records in {} field{} (first: "
        "program {}, {} {}{}{})",
        r.differences.size(), r.differences.size() == 1 ? "" : "s", d.program, d.entity,
        d.entity_id, d.field.empty() ? "" : ", ", d.field);
  }
  return r;
}

report::LogEntry ToLogEntry(const store::AuditEntry& e) {
  return {e.seq, e.at, e.actor, e.program, e.change, e.prev_hash, e.hash};
}

std::vector<report::LogEntry> ToLogEntries(const std::vector<store::AuditEntry>& entries) {
  std::vector<report::LogEntry> out;
  out.reserve(entries.size());
  for (const auto& e : entries) out.push_back(ToLogEntry(e));
  return out;
}

report::TrailVerification ToTrailVerification(const store::VerifyResult& r) {
  report::TrailVerification v{r.ok, r.entries, r.first_bad, r.reason, {}};
  v.differences.reserve(r.differences.size());
  for (const auto& d : r.differences) {
    v.differences.push_back({d.program, d.entity, d.entity_id, d.field, d.trail, d.stored});
  }
  return v;
}

}  // namespace tpmkit::app
