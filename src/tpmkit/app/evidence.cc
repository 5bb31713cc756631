#include "tpmkit/app/evidence.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/check.h"
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

// Reads an evidence file that ResolveEvidencePath accepted: the last component is not
// followed if it became a symbolic link since, and only a regular file is read (a FIFO or
// a device is not: opening does not wait, reading does not start).
Result<std::string> ReadEvidenceFile(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return Error::Invalid(path.string() + ": cannot read the file");
  struct stat st {};
  std::string bytes;
  bool good = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (good) {
    bytes.reserve(static_cast<size_t>(st.st_size));
    char buf[65536];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) good = false;
      if (n <= 0) break;
      bytes.append(buf, static_cast<size_t>(n));
    }
  }
  ::close(fd);
  if (!good) return Error::Invalid(path.string() + ": cannot read the file");
  return bytes;
}

std::string AsciiLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Makes one part of a name safe inside a zip (formats::ZipWriter::IsSafeName): a
// backslash, ':' or a control character becomes '_'; an empty part, "." and ".." become
// "_" and "__", so that no part climbs out of evidence/ on any system.
std::string SafePart(std::string_view part) {
  std::string out;
  for (char c : part) {
    const auto u = static_cast<unsigned char>(c);
    out += (c == '\\' || c == ':' || u < 0x20 || u == 0x7f) ? '_' : c;
  }
  if (out.empty() || out == ".") return "_";
  if (out == "..") return "__";
  return out;
}

// `name` with "~N" before its extension ("evidence/a~2.md").
std::string Numbered(const std::string& name, int n) {
  const size_t slash = name.rfind('/');
  const size_t dot = name.rfind('.');
  const bool has_ext =
      dot != std::string::npos && dot > (slash == std::string::npos ? 0 : slash + 1);
  const size_t at = has_ext ? dot : name.size();
  return name.substr(0, at) + "~" + std::to_string(n) + name.substr(at);
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

std::string PackedName(std::string_view path) {
  std::string out;
  size_t start = 0;
  for (;;) {
    const size_t end = std::min(path.find('/', start), path.size());
    const std::string_view part = path.substr(start, end - start);
    // Lexically "." and empty parts (a leading '/', "a//b") say nothing.
    if (!part.empty() && part != ".") out += (out.empty() ? "" : "/") + SafePart(part);
    if (end == path.size()) break;
    start = end + 1;
  }
  if (out.empty()) out = "_";
  // Paths that already start with evidence/ (the usual layout) are not nested twice.
  return out.rfind("evidence/", 0) == 0 ? out : "evidence/" + out;
}

EvidenceLocation ResolveEvidencePath(std::string_view path, const fs::path& root) {
  EvidenceLocation loc;
  const fs::path p{std::string(path)};
  if (path.empty()) return loc;
  if (p.is_absolute()) {
    loc.refused = "an absolute path; evidence paths are relative to the evidence root";
    return loc;
  }
  for (const auto& part : p) {
    if (part == "..") {
      loc.refused = "a path with '..'; evidence paths stay inside the evidence root";
      return loc;
    }
  }
  std::error_code ec;
  const fs::path root_abs = fs::canonical(root, ec);
  if (ec) return loc;  // no root, so no file: missing
  const fs::path full = fs::weakly_canonical(root_abs / p, ec);
  if (ec) return loc;
  const fs::path rel = full.lexically_relative(root_abs);
  if (rel.empty() || *rel.begin() == "..") {
    loc.refused = "a symbolic link to a file outside the evidence root";
    return loc;
  }
  if (fs::is_regular_file(full, ec)) loc.file = full;
  return loc;
}

std::map<std::string, std::string> HashEvidence(const model::Program& program,
                                                const fs::path& root) {
  std::map<std::string, std::string> out;
  if (!program.audit) return out;
  for (const auto& item : program.audit->items) {
    for (const auto& e : item.evidence) {
      if (e.path.empty() || out.count(e.path)) continue;
      const EvidenceLocation loc = ResolveEvidencePath(e.path, root);
      if (loc.file.empty()) continue;  // refused or absent: missing
      if (auto bytes = ReadEvidenceFile(loc.file); bytes.ok()) out[e.path] = Sha256Hex(*bytes);
    }
  }
  return out;
}

std::set<std::string> RefusedEvidence(const model::Program& program, const fs::path& root) {
  std::set<std::string> out;
  if (!program.audit) return out;
  for (const auto& item : program.audit->items) {
    for (const auto& e : item.evidence) {
      if (!e.path.empty() && !ResolveEvidencePath(e.path, root).refused.empty()) out.insert(e.path);
    }
  }
  return out;
}

Result<std::string> AddEvidence(model::Program& program, const std::string& item_id,
                                const fs::path& file, const fs::path& root) {
  const auto& defaults = model::DefaultAuditItemIds();
  const bool known =
      std::find(defaults.begin(), defaults.end(), item_id) != defaults.end() ||
      (program.audit && std::any_of(program.audit->items.begin(), program.audit->items.end(),
                                    [&](const model::AuditItem& i) { return i.id == item_id; }));
  if (!known) return UnknownItem(program, item_id);
  fs::path full = file.is_absolute() ? file : fs::current_path() / file;
  std::error_code ec;
  if (!fs::is_regular_file(full, ec)) {
    return Error::Invalid(file.string() + ": no such file to record as evidence");
  }
  // Stored relative to the evidence root, where `audit` and `audit pack` look for it: a
  // file that is not under the root (symbolic links followed) would never be read there.
  const fs::path root_abs =
      fs::weakly_canonical(root.is_absolute() ? root : fs::current_path() / root, ec);
  const fs::path file_abs = fs::canonical(full, ec);
  const fs::path rel = file_abs.lexically_relative(root_abs);
  if (ec || rel.empty() || *rel.begin() == ".." || rel == ".") {
    return Error::Invalid(
        file.string() + ": not under the evidence root " + root.string() +
        "; evidence is read only from inside it (choose it with --evidence-root)");
  }
  const std::string stored = rel.generic_string();
  TPMKIT_ASSIGN_OR_RETURN(std::string bytes, ReadEvidenceFile(file_abs));
  const std::string hash = Sha256Hex(bytes);
  // The item is created (a default id the program leaves out) only for evidence it gets.
  model::AuditItem* item = FindOrCreateItem(program, item_id);
  TPMKIT_CHECK(item != nullptr);
  for (auto& e : item->evidence) {
    if (e.path == stored) {
      e.sha256 = hash;
      return hash;
    }
  }
  item->evidence.push_back({stored, hash, ""});
  return hash;
}

Status SignOff(model::Program& program, const std::string& item_id, const std::string& by,
               Date on) {
  if (by.empty()) return Error::Invalid("by: say who signs off (a name)");
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
  std::map<fs::path, std::string> packed_files;  // resolved file -> zip name
  std::set<std::string> names;                   // zip names taken, lowercased
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
      const EvidenceLocation loc = ResolveEvidencePath(row.ref, in.evidence_root);
      if (!loc.refused.empty()) {
        // Never read, never packed; the manifest and the index say why it is not there.
        pe.state = "refused";
        ++summary.missing;
      } else if (loc.file.empty()) {
        ++summary.missing;
      } else if (auto it = packed_files.find(loc.file); it != packed_files.end()) {
        // The same file under another spelling (./a.md, a.md): packed once.
        pe.packed_as = it->second;
        for (const auto& f : files) {
          if (f.name == it->second) pe.sha256 = Sha256Hex(f.bytes);
        }
      } else {
        TPMKIT_ASSIGN_OR_RETURN(std::string bytes, ReadEvidenceFile(loc.file));
        pe.sha256 = Sha256Hex(bytes);
        // Two files whose names meet inside the zip (evidence/a.md and a.md, a\b and
        // a_b, A.md and a.md) keep distinct names: the later one is numbered.
        std::string name = PackedName(row.ref);
        for (int n = 2; names.count(AsciiLower(name)); ++n) name = Numbered(PackedName(row.ref), n);
        names.insert(AsciiLower(name));
        pe.packed_as = name;
        packed_files[loc.file] = name;
        files.push_back({name, std::move(bytes), FileMtime(loc.file, generated_at)});
        ++summary.evidence_files;
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

  // Built in memory (the evidence is read already), then written like every other output
  // (WriteTextFile: a new temporary of our own beside `out`, synced, renamed over it), so a
  // failed pack leaves nothing behind and no planted file or link is written through.
  auto zip = formats::ZipWriter::OpenInMemory();
  if (!zip.ok()) {
    return Error::Invalid(out.string() + ": cannot write the pack: " + zip.error().message);
  }
  auto write = [&]() -> Status {
    TPMKIT_RETURN_IF_ERROR(
        zip->AddFile("index.html", report::AuditPackIndexHtml(index), generated_at));
    for (const auto& f : files) TPMKIT_RETURN_IF_ERROR(zip->AddFile(f.name, f.bytes, f.mtime));
    TPMKIT_RETURN_IF_ERROR(
        zip->AddFile("manifest.json", report::PackManifestJson(index.evidence), generated_at));
    TPMKIT_RETURN_IF_ERROR(
        zip->AddFile("manifest.sha256", report::PackManifestSha256(index.evidence), generated_at));
    TPMKIT_RETURN_IF_ERROR(zip->AddFile("audit-trail.json",
                                        report::PackTrailJson(in.program.id, entries, verification),
                                        generated_at));
    return zip->Close();
  };
  if (const Status written = write(); !written.ok()) {
    return Error::Invalid(out.string() + ": cannot write the pack: " + written.error().message);
  }
  summary.files = zip->files();
  if (Status saved = WriteTextFile(out, zip->bytes()); !saved.ok()) {
    Error e = saved.error();
    const std::string said = out.string() + ": cannot write: ";
    if (e.message.rfind(said, 0) == 0) e.message = e.message.substr(said.size());
    return Error::Invalid(out.string() + ": cannot write the pack: " + e.message);
  }
  return summary;
}

}  // namespace tpmkit::app
