// What the server does with the bytes of a request before any handler: Beast's request
// parser under the server's limits, then our own parsing of the target (path segments and
// query, percent-decoding) and of the Cookie header, and the route match. Properties:
// nothing crashes; a target that parses has no "." or ".." segment and no NUL.
#include <boost/beast/core/error.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "tpmkit/server/cookies.h"
#include "tpmkit/server/router.h"

namespace http = boost::beast::http;

namespace {

const tpmkit::server::RouteTable& Routes() {
  static const tpmkit::server::RouteTable table = [] {
    tpmkit::server::RouteTable t;
    t.Add("GET", "/api/v1/programs/{id}");
    t.Add("PATCH", "/api/v1/programs/{id}/risks/{rid}");
    t.Add("POST", "/api/v1/programs/{id}/audit/{item}/evidence");
    t.Add("GET", "/api/v1/audit/verify");
    return t;
  }();
  return table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(1024 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (ec || !parser.is_header_done()) return 0;
  const auto& request = parser.get();
  if (auto target = tpmkit::server::ParseTarget(request.target())) {
    for (const auto& s : target->segments) {
      TPMKIT_FUZZ_CHECK(s != "." && s != ".." && s.find('\0') == std::string::npos,
                        "a parsed path has no dot segment and no NUL");
    }
    auto match = Routes().Find(std::string_view(request.method_string()), target->segments);
    if (match.route) (void)match.params.Get("id");
    (void)target->Query("as_of");
  }
  (void)tpmkit::server::FindCookie(request[http::field::cookie], tpmkit::server::kSessionCookie);
  return 0;
}
