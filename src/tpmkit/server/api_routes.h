// The table of the API's routes: method, path pattern, who may call it, whether its
// answer may be cached by program version, and its handler (api_*.cc). One table, read by
// the router, the OpenAPI check and the docs.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/server/call.h"

namespace tpmkit::server {

enum class Access {
  kPublic,  // anyone (health, login, the OpenAPI document)
  kUser,    // any logged-in user or token
  kAdmin,   // an administrator's session
  kViewer,  // a role on the route's program {id}: viewer or more
  kEditor,
  kOwner,
};

struct RouteSpec {
  std::string method;
  std::string pattern;
  Access access = Access::kUser;
  Handler handler = nullptr;
  bool cacheable = false;  // a pure function of the program's version, the day and the target
};

const std::vector<RouteSpec>& ApiRoutes();

// The ETag for a program with no trail entry yet.
inline constexpr char kNoVersion[] = "none";

}  // namespace tpmkit::server
