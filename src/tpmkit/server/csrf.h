// Cross-site request forgery (spec server.md "CSRF"): browsers attach the session cookie
// to requests another site makes them send, so a state-changing request that comes with
// the cookie must come from this site (Origin, Sec-Fetch-Site) and carry the session's
// own token (X-CSRF-Token, or the form field csrf_token of an HTML form post). Requests with
// an API token are exempt: no browser sends an Authorization header on its own.
#pragma once

#include <string>

#include "tpmkit/app/access.h"
#include "tpmkit/server/http_server.h"

namespace tpmkit::server {

enum class CsrfVerdict {
  kAllowed,
  kCrossSite,     // Origin or Sec-Fetch-Site say another site sent it
  kMissingToken,  // a session without (or with a wrong) X-CSRF-Token or csrf_token field
};

// The form field that carries the session's token in the web app's forms.
inline constexpr char kCsrfField[] = "csrf_token";

// The origin browsers use for this server: scheme://host[:port] of `public_url`, else
// "http://" + the request's Host.
std::string ExpectedOrigin(const HttpRequest& request, const std::string& public_url);

// The verdict for `request` from `who` (nullptr: anonymous, e.g. a login). Safe methods
// (GET, HEAD, OPTIONS) are always allowed; so are token requests. The token is the
// X-CSRF-Token header, else, for a form post (application/x-www-form-urlencoded or
// multipart/form-data), the body's csrf_token field.
CsrfVerdict CheckCsrf(const HttpRequest& request, const std::string& public_url,
                      const app::Principal* who);

}  // namespace tpmkit::server
