// Audit readiness over the API: the checklist, evidence uploads (kept under the server's
// evidence root, one folder per program and item, then hashed and recorded as `audit
// evidence add` does), signoffs and the audit pack as a zip download.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include "tpmkit/app/audit_cases.h"
#include "tpmkit/report/audit_report.h"
#include "tpmkit/report/audit_text.h"
#include "tpmkit/server/api_handlers.h"

namespace tpmkit::server::handlers {

namespace http = boost::beast::http;
namespace fs = std::filesystem;

namespace {

// A name that is one plain path segment on every system: letters, digits, '.', '-', '_',
// not starting with '.', at most 128 characters. Uploads are stored under such names only.
bool IsSafeSegment(std::string_view name) {
  if (name.empty() || name.size() > 128 || name.front() == '.') return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

// A temporary file name of our own (mkstemp), removed when this goes out of scope.
class TempFile {
 public:
  TempFile() {
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "tpmkit-pack-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd >= 0) {
      ::close(fd);
      path_ = pattern;
    }
  }
  ~TempFile() {
    std::error_code ec;
    if (!path_.empty()) fs::remove(path_, ec);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

}  // namespace

HttpResponse Audit(Call& call) {
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  auto r = app::CheckReadiness(call.env,
                               {{std::nullopt, call.Program()}, as_of, call.options.evidence_root});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::AuditJson(r->readiness));
}

HttpResponse UploadEvidence(Call& call) {
  const std::string& program = call.Program();
  const std::string& item = call.Param("item");
  const std::string name = call.target.Query("name").value_or("");
  if (!IsSafeSegment(name)) {
    return ErrorResponse(Error::Invalid(
        "name: the file's name, one plain segment of letters, digits, '.', '-' and '_' (at "
        "most 128, not starting with '.'), e.g. ?name=soc2-report.pdf"));
  }
  if (call.request.body().empty()) {
    return ErrorResponse(Error::Invalid("the body is empty: send the evidence file's bytes"));
  }
  if (!IsSafeSegment(program) || !IsSafeSegment(item)) {
    return ErrorResponse(Error::Invalid(
        "evidence is uploaded only for programs and items whose ids are plain names"));
  }
  const fs::path root = call.options.evidence_root;
  const fs::path folder = root / program / item;
  const fs::path file = folder / name;
  std::error_code ec;
  fs::create_directories(folder, ec);
  if (ec)
    return ErrorResponse(Error::Storage("cannot create " + folder.string() + ": " + ec.message()));
  // Nothing planted under the root (a symbolic link) may redirect the write.
  if (fs::is_symlink(root / program, ec) || fs::is_symlink(folder, ec) || fs::is_symlink(file, ec))
    return ErrorResponse(Error::Invalid("the evidence folder holds a symbolic link; not writing"));
  const bool existed = fs::exists(file, ec);
  if (auto s = app::WriteTextFile(file, call.request.body()); !s.ok())
    return ErrorResponse(Error::Storage(s.error().message));
  auto r = app::RecordEvidence(call.env, {program, item, file, root});
  if (!r.ok()) {
    if (!existed) fs::remove(file, ec);
    return ErrorResponse(r.error());
  }
  const std::string stored = (fs::path(program) / item / name).generic_string();
  const report::RecordedEvidence recorded{item, stored, r->sha256, r->changed};
  return JsonResponse(call, report::RecordedEvidenceJson(recorded), http::status::created);
}

HttpResponse SignOff(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"by", "on"}); !s.ok()) return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(by, StringField(body, "by"));
  TPMKIT_OR_RESPOND(on, DateField(body, "on"));
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  const std::string signer = by && !by->empty() ? *by : call.who->user;
  auto r = app::SignOffItem(call.env, {call.Program(), call.Param("item"), signer, on, as_of});
  if (!r.ok()) return ErrorResponse(r.error());
  const report::ItemSignoff signoff{call.Param("item"), signer, r->on, r->changed};
  return JsonResponse(call, report::ItemSignoffJson(signoff));
}

HttpResponse AuditPack(Call& call) {
  TPMKIT_OR_RESPOND(as_of, call.AsOf());
  TempFile zip;
  if (zip.path().empty()) return ErrorResponse(Error::Storage("cannot create a temporary file"));
  auto r = app::PackAudit(
      call.env, {{std::nullopt, call.Program()}, as_of, call.options.evidence_root, zip.path()});
  if (!r.ok()) return ErrorResponse(r.error());
  auto bytes = app::ReadTextFile(zip.path());
  if (!bytes.ok()) return ErrorResponse(Error::Storage(bytes.error().message));
  return DocumentResponse(
      call, std::move(*bytes), "application/zip",
      fmt::format("{}-audit-pack-{}.zip", call.Program(), r->generated_on.ToString()));
}

}  // namespace tpmkit::server::handlers
