// Audit readiness over the API: the checklist, evidence uploads (app::UploadEvidence),
// signoffs and the audit pack as a zip download.
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
  auto r = app::UploadEvidence(
      call.env, {call.Program(), call.Param("item"), call.target.Query("name").value_or(""),
                 call.request.body(), call.options.evidence_root});
  if (!r.ok()) return ErrorResponse(r.error());
  const report::RecordedEvidence recorded{call.Param("item"), r->path, r->recorded.sha256,
                                          r->recorded.changed};
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
  // The API hands the pack over as it is: its manifest gives each evidence file's state.
  auto r = app::PackAudit(call.env, {{std::nullopt, call.Program()},
                                     as_of,
                                     call.options.evidence_root,
                                     zip.path(),
                                     /*allow_missing=*/true});
  if (!r.ok()) return ErrorResponse(r.error());
  auto bytes = app::ReadTextFile(zip.path());
  if (!bytes.ok()) return ErrorResponse(Error::Storage(bytes.error().message));
  return DocumentResponse(
      call, std::move(*bytes), "application/zip",
      fmt::format("{}-audit-pack-{}.zip", call.Program(), r->generated_on.ToString()));
}

}  // namespace tpmkit::server::handlers
