// The web app (spec server.md "The web app"): server-rendered pages over the same use
// cases as the API, for browsers. Its pipeline mirrors the API's: the route, the session
// cookie (no API tokens: browsers do not send them), CSRF on every form post (the
// session's token as the csrf_token field, and a same-origin Origin/Sec-Fetch-Site), the
// caller's role on the program (none: the 404 page a missing program gets; too small for a
// write: 403), then the page. Anyone not logged in is sent to /login?next=PATH.
#pragma once

#include <memory>

#include "tpmkit/server/api.h"
#include "tpmkit/server/api_routes.h"
#include "tpmkit/server/router.h"

namespace tpmkit::server {

struct ApiState;

namespace web {

// A page route: as the API's (api_routes.h), with the page's handler.
struct PageRoute {
  std::string method;
  std::string pattern;
  Access access = Access::kUser;
  Handler handler = nullptr;
};

// Every page route, in table order.
const std::vector<PageRoute>& PageRoutes();

class WebApp {
 public:
  // `options` and `state` outlive the app (the Api owns all three).
  WebApp(const ApiOptions& options, ApiState& state);

  // The answer to a request for a path of the web app (anything outside /api/ and the
  // service routes). Thread-safe.
  Reply Handle(HttpRequest& request, const Peer& peer, Target target);

 private:
  const ApiOptions& options_;
  ApiState& state_;
  RouteTable table_;
};

}  // namespace web
}  // namespace tpmkit::server
