#include "tpmkit/server/csrf.h"

#include "tpmkit/base/secret.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/multipart.h"

namespace tpmkit::server {

namespace http = boost::beast::http;

std::string ExpectedOrigin(const HttpRequest& request, const std::string& public_url) {
  if (!public_url.empty()) {
    const auto scheme_end = public_url.find("://");
    const auto path =
        scheme_end == std::string::npos ? std::string::npos : public_url.find('/', scheme_end + 3);
    return public_url.substr(0, path);
  }
  return "http://" + std::string(request[http::field::host]);
}

CsrfVerdict CheckCsrf(const HttpRequest& request, const std::string& public_url,
                      const app::Principal* who) {
  const auto method = request.method();
  if (method == http::verb::get || method == http::verb::head || method == http::verb::options)
    return CsrfVerdict::kAllowed;
  if (who && who->via_token) return CsrfVerdict::kAllowed;
  // Clients that are not browsers send neither header and are judged by their
  // credentials alone.
  const std::string_view site = request["Sec-Fetch-Site"];
  if (!site.empty() && site != "same-origin" && site != "none") return CsrfVerdict::kCrossSite;
  const std::string_view origin = request[http::field::origin];
  if (!origin.empty() && origin != ExpectedOrigin(request, public_url))
    return CsrfVerdict::kCrossSite;
  if (who) {
    std::string token(request["X-CSRF-Token"]);
    if (token.empty() && IsFormPost(request)) {
      if (auto form = ParseForm(request.body())) token = form->Value(kCsrfField);
    } else if (token.empty()) {
      // A file form (multipart/form-data) carries it as a part, as any other field.
      const auto boundary = MultipartBoundary(request[http::field::content_type]);
      if (boundary) {
        if (auto form = ParseMultipart(request.body(), *boundary)) token = form->Value(kCsrfField);
      }
    }
    // An empty token never matches, even a session's empty one.
    if (token.empty() || !ConstantTimeEqual(token, who->csrf_token))
      return CsrfVerdict::kMissingToken;
  }
  return CsrfVerdict::kAllowed;
}

}  // namespace tpmkit::server
