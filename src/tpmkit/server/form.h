// HTML form bodies (application/x-www-form-urlencoded, the WHATWG URL standard's
// "urlencoded parser"): name=value pairs joined by '&', '+' for a space and %XX escapes.
// The web app's posts arrive this way, CSRF token included.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tpmkit/server/http_server.h"

namespace tpmkit::server {

struct Form {
  std::vector<std::pair<std::string, std::string>> fields;  // in order, decoded
  // The first value of field `name`; nullopt when absent.
  std::optional<std::string> Get(std::string_view name) const;
  // The first value of `name`, "" when absent.
  std::string Value(std::string_view name) const { return Get(name).value_or(""); }
};

// Parses a form body. nullopt when a %-escape is malformed or a name or value holds a NUL
// byte (nothing a browser sends). Empty pairs ("a=1&&b=2") are skipped. Linear in the body.
std::optional<Form> ParseForm(std::string_view body);

// Whether the request's Content-Type is application/x-www-form-urlencoded.
bool IsFormPost(const HttpRequest& request);

}  // namespace tpmkit::server
