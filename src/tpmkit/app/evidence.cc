#include "tpmkit/app/evidence.h"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/base/sha256.h"
#include "tpmkit/formats/zip_writer.h"
#include "tpmkit/report/audit_pack_index.h"
#include "tpmkit/report/audit_text.h"

namespace tpmkit::app {

namespace fs = std::filesystem;

namespace {

Result<std::string> ReadBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::Invalid(path.string() + ": cannot read the file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) return Error::Invalid(path.string() + ": cannot read the file");
  return s.str();
}

model::AuditItem* FindOrCreateItem(model::Program& program, const std::string& id) {
  if (!program.audit) program.audit = model::Audit{};
  for (auto& item : program.audit->items) {
    if (item.id == id) return &item;
  }
  const auto& defaults = model::DefaultAuditItemIds();
  if (std::find(defaults.begin(), defaults.end(), id) == defaults.end()) return nullptr;
  model::AuditItem item;
  item.id = id;
  program.audit->items.push_back(item);
  return &program.audit->items.back();
}

Error UnknownItem(const model::Program& program, const std::string& id) {
  std::string known;
  for (const auto& d : model::DefaultAuditItemIds()) known += (known.empty() ? "" : ", ") + d;
  if (program.audit) {
    for (const auto& i : program.audit->items) {
      if (known.find(i.id) == std::string::npos) known += ", " + i.id;
    }
  }
  return Error::NotFound("no audit item '" + id + "' (known: " + known + ")");
}

// A name inside the zip for an evidence path: no leading '/', no "..".
std::string PackedName(const std::string& path) {
  std::string out;
  for (const auto& part : fs::path(path).lexically_normal()) {
    std::string s = part.string();
    if (s.empty() || s == "/" || s == "." || s == "..") continue;
    out += (out.empty() ? "" : "/") + s;
  }
  // Paths that already start with evidence/ (the usual layout) are not nested twice.
  return out.rfind("evidence/", 0) == 0 ? out : "evidence/" + out;
}

// Midnight UTC of `d`, in seconds since the epoch.
int64_t MidnightUtc(Date d) { return static_cast<int64_t>(d.days()) * 86400; }

// A file's modification time in seconds since the epoch; `fallback` when unknown.
int64_t FileMtime(const fs::path& p, int64_t fallback) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  if (ec) return fallback;
  auto sys = std::chrono::file_clock::to_sys(t);
  return std::chrono::duration_cast<std::chrono::seconds>(sys.time_since_epoch()).count();
}

}  // namespace

Result<std::string> Sha256File(const fs::path& path) {
  TPMKIT_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(path));
  return Sha256Hex(bytes);
}

fs::path EvidenceRoot(const std::optional<fs::path>& evidence_root, const fs::path& base_dir) {
  if (evidence_root) return *evidence_root;
  return base_dir.empty() ? fs::path(".") : base_dir;
}

std::map<std::string, std::string> HashEvidence(const model::Program& program,
                                                const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!program.audit) return out;
  for (const auto& item : program.audit->items) {
    for (const auto& e : item.evidence) {
      if (e.path.empty() || out.count(e.path)) continue;
      fs::path p = fs::path(e.path).is_absolute() ? fs::path(e.path) : root / e.path;
      std::error_code ec;
      if (!fs::is_regular_file(p, ec)) continue;
      if (auto h = Sha256File(p); h.ok()) out[e.path] = *h;
    }
  }
  return out;
}

Status AddEvidence(model::Program& program, const std::string& item_id, const fs::path& file,
                   const fs::path& root) {
  model::AuditItem* item = FindOrCreateItem(program, item_id);
  if (!item) return UnknownItem(program, item_id);
  fs::path full = file.is_absolute() ? file : fs::current_path() / file;
  std::error_code ec;
  if (!fs::is_regular_file(full, ec)) {
    return Error::Invalid(file.string() + ": no such file to record as evidence");
  }
  TPMKIT_ASSIGN_OR_RETURN(std::string hash, Sha256File(full));
  // Stored relative to the evidence root when the file lies under it.
  std::string stored = file.string();
  fs::path root_abs =
      fs::weakly_canonical(root.is_absolute() ? root : fs::current_path() / root, ec);
  fs::path file_abs = fs::weakly_canonical(full, ec);
  fs::path rel = file_abs.lexically_relative(root_abs);
  if (!rel.empty() && *rel.begin() != "..") stored = rel.generic_string();
  for (auto& e : item->evidence) {
    if (e.path == stored) {
      e.sha256 = hash;
      return OkStatus();
    }
  }
  item->evidence.push_back({stored, hash, ""});
  return OkStatus();
}

Status SignOff(model::Program& program, const std::string& item_id, const std::string& by,
               Date on) {
  if (by.empty()) return Error::Invalid("--by: say who signs off (a name)");
  model::AuditItem* item = FindOrCreateItem(program, item_id);
  if (!item) return UnknownItem(program, item_id);
  item->signoff = model::Signoff{by, on};
  return OkStatus();
}

Result<AuditPackSummary> WriteAuditPack(const fs::path& out, const AuditPackInput& in) {
  AuditPackSummary summary;
  report::AuditPackIndex index;
  index.program_id = in.program.id;
  index.program_name = in.program.name;
  index.generated_on = in.generated_on.ToString();
  const int64_t generated_at = MidnightUtc(in.generated_on);
  index.readiness = in.readiness;

  // Evidence files, read once; the index and the manifest state what was packed.
  struct PackedFile {
    std::string name;  // inside the zip
    std::string bytes;
    int64_t mtime = 0;
  };
  std::vector<PackedFile> files;
  std::map<std::string, std::string> packed;  // evidence path -> zip name
  for (const auto& item : in.readiness.items) {
    const model::AuditItem* source = nullptr;
    if (in.program.audit) {
      for (const auto& i : in.program.audit->items) {
        if (i.id == item.id) source = &i;
      }
    }
    for (size_t k = 0; k < item.evidence.size(); ++k) {
      const auto& row = item.evidence[k];
      if (!row.is_path) continue;
      report::PackedEvidence pe;
      pe.item = item.id;
      pe.path = row.ref;
      pe.state = std::string(toolkit::EvidenceStateName(row.state));
      if (source && k < source->evidence.size()) pe.expected = source->evidence[k].sha256;
      fs::path p = fs::path(row.ref).is_absolute() ? fs::path(row.ref) : in.evidence_root / row.ref;
      std::error_code ec;
      if (fs::is_regular_file(p, ec)) {
        TPMKIT_ASSIGN_OR_RETURN(std::string bytes, ReadBytes(p));
        pe.sha256 = Sha256Hex(bytes);
        if (auto it = packed.find(row.ref); it != packed.end()) {
          pe.packed_as = it->second;
        } else {
          pe.packed_as = PackedName(row.ref);
          packed[row.ref] = pe.packed_as;
          files.push_back({pe.packed_as, std::move(bytes), FileMtime(p, generated_at)});
          ++summary.evidence_files;
        }
      } else {
        ++summary.missing;
      }
      index.evidence.push_back(std::move(pe));
    }
  }

  std::optional<std::vector<report::LogEntry>> entries;
  if (in.trail) {
    entries = ToLogEntries(*in.trail);
    index.trail.program_entries = static_cast<long>(in.trail->size());
  }
  std::optional<report::TrailVerification> verification;
  if (in.verification) {
    verification = ToTrailVerification(*in.verification);
    const auto& v = *in.verification;
    index.trail.known = true;
    index.trail.ok = v.ok;
    index.trail.entries = static_cast<long>(v.entries);
    if (v.first_bad) index.trail.first_bad = static_cast<long>(*v.first_bad);
    index.trail.reason = v.reason;
  }

  fs::path tmp = out;
  tmp += ".tmp";
  {
    auto zip = formats::ZipWriter::Open(tmp);
    if (!zip.ok()) {
      return Error::Invalid(out.string() + ": cannot write the pack: " + zip.error().message);
    }
    auto write = [&]() -> Status {
      TPMKIT_RETURN_IF_ERROR(
          zip->AddFile("index.html", report::AuditPackIndexHtml(index), generated_at));
      for (const auto& f : files) TPMKIT_RETURN_IF_ERROR(zip->AddFile(f.name, f.bytes, f.mtime));
      TPMKIT_RETURN_IF_ERROR(
          zip->AddFile("manifest.json", report::PackManifestJson(index.evidence), generated_at));
      TPMKIT_RETURN_IF_ERROR(zip->AddFile(
          "manifest.sha256", report::PackManifestSha256(index.evidence), generated_at));
      TPMKIT_RETURN_IF_ERROR(
          zip->AddFile("audit-trail.json",
                       report::PackTrailJson(in.program.id, entries, verification), generated_at));
      return zip->Close();
    };
    const Status written = write();
    summary.files = zip->files();
    if (!written.ok()) {
      std::error_code ec;
      fs::remove(tmp, ec);
      return Error::Invalid(out.string() + ": cannot write the pack: " + written.error().message);
    }
  }
  std::error_code ec;
  fs::rename(tmp, out, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Error::Invalid(out.string() + ": cannot write the pack: " + ec.message());
  }
  return summary;
}

}  // namespace tpmkit::app
