// The request pipeline: route, authenticate, check CSRF and the caller's role, honour
// If-Match, serve cacheable reads from the cache, then the handler.
#include "tpmkit/server/api.h"

#include <fmt/format.h>

#include <boost/beast/core/string.hpp>
#include <charconv>
#include <utility>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/server/api_routes.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/call.h"
#include "tpmkit/server/cookies.h"
#include "tpmkit/server/csrf.h"
#include "tpmkit/server/problem.h"
#include "tpmkit/server/web/web_app.h"

namespace tpmkit::server {

namespace http = boost::beast::http;

struct Api::Impl {
  explicit Impl(ApiOptions o)
      : options(std::move(o)), state(options.db_url, *options.clock, options.max_simulations) {
    for (const auto& route : ApiRoutes()) {
      table.Add(route.method, route.pattern);
      routes.push_back(route);
    }
  }
  ApiOptions options;
  ApiState state;
  RouteTable table;
  std::vector<RouteSpec> routes;
  web::WebApp web{options, state};  // every path outside /api/ and the service routes
};

namespace {

HttpResponse Unauthenticated(const std::string& detail) {
  auto response = ProblemResponse(http::status::unauthorized, detail);
  response.set(http::field::www_authenticate, "Bearer realm=\"tpmkit\"");
  return response;
}

// Who the request comes from: a bearer token, else the session cookie, else nobody.
Result<std::optional<app::Principal>> Authenticate(Call& call) {
  const std::string_view authorization = call.request[http::field::authorization];
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.size() <= kBearer.size() ||
        !boost::beast::iequals(authorization.substr(0, kBearer.size()), kBearer))
      return Error::Unauthorized("Send an API token as 'Authorization: Bearer tpm_...'.");
    TPMKIT_ASSIGN_OR_RETURN(
        auto who,
        app::AuthenticateToken(call.env, std::string(authorization.substr(kBearer.size()))));
    return std::optional<app::Principal>(std::move(who));
  }
  auto session = FindCookie(call.request[http::field::cookie], kSessionCookie);
  if (!session) return std::optional<app::Principal>();
  TPMKIT_ASSIGN_OR_RETURN(auto who, app::AuthenticateSession(call.env, *session));
  return std::optional<app::Principal>(std::move(who));
}

// The version in an If-Match header: "\"HASH\"" -> HASH; nullopt for none or "*".
std::optional<std::string> IfMatch(const HttpRequest& request) {
  std::string_view value = request[http::field::if_match];
  if (value.empty() || value == "*") return std::nullopt;
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  if (value.starts_with("W/\"")) value = value.substr(3, value.size() - 4);
  return std::string(value == kNoVersion ? "" : value);
}

std::optional<HttpResponse> CheckAccess(const Call& call, const RouteSpec& route) {
  const auto& who = call.who;
  switch (route.access) {
    case Access::kPublic:
    case Access::kUser:
      return std::nullopt;
    case Access::kAdmin:
      if (app::ActsAsAdmin(*who)) return std::nullopt;
      return ProblemResponse(http::status::forbidden,
                             "Only an administrator may do this (and not through an API token).");
    case Access::kViewer:
    case Access::kEditor:
    case Access::kOwner:
      break;
  }
  const app::Role role = call.Role();
  if (role == app::Role::kNone) {
    // The same answer as for a program that does not exist.
    return ProblemResponse(http::status::not_found,
                           fmt::format("no program '{}' in the workspace", call.Program()));
  }
  const app::Role needed = route.access == Access::kViewer   ? app::Role::kViewer
                           : route.access == Access::kEditor ? app::Role::kEditor
                                                             : app::Role::kOwner;
  if (role >= needed) return std::nullopt;
  return ProblemResponse(
      http::status::forbidden,
      fmt::format("Your role on program '{}' is {}{}; this needs an {}.", call.Program(),
                  app::RoleName(role), call.who->via_token ? " (through this token)" : "",
                  app::RoleName(needed)));
}

std::string CacheKey(const Call& call, size_t route, const std::string& version) {
  return fmt::format("{}\n{}\n{}\n{}", route, std::string_view(call.request.target()), version,
                     call.env.clock.Today().ToString());
}

}  // namespace

Api::Api(ApiOptions options) : impl_(std::make_unique<Impl>(std::move(options))) {}
Api::~Api() = default;

const RouteTable& Api::Routes() const { return impl_->table; }

Reply Api::Handle(HttpRequest& request, const Peer& peer) {
  auto target = ParseTarget(request.target());
  if (!target) return {ProblemResponse(http::status::bad_request, "The path is not valid."), ""};
  // HEAD is GET without the body (the server writes the headers only).
  const std::string_view method = request.method() == http::verb::head
                                      ? std::string_view("GET")
                                      : std::string_view(request.method_string());
  auto match = impl_->table.Find(method, target->segments);
  if (!match.route && match.allow.empty() &&
      (target->segments.empty() || target->segments.front() != "api")) {
    return impl_->web.Handle(request, peer, std::move(*target));
  }
  if (!match.route) {
    if (!match.allow.empty()) {
      auto response = ProblemResponse(http::status::method_not_allowed,
                                      "This resource does not answer that method.");
      response.set(http::field::allow, match.allow);
      return {std::move(response), ""};
    }
    return {ProblemResponse(http::status::not_found, "There is nothing at this path."), ""};
  }
  const RouteSpec& route = impl_->routes[*match.route];
  auto lease = impl_->state.stores.Acquire();
  app::VersionCheck version;
  app::Env env{lease.store(), *impl_->options.clock, "", &version};
  Call call{request,      peer,    std::move(*target), std::move(match.params),
            env,          version, std::nullopt,       impl_->options,
            impl_->state, ""};

  auto who = Authenticate(call);
  if (!who.ok()) {
    if (who.error().code == ErrorCode::kUnauthorized)
      return {Unauthenticated(who.error().message), ""};
    return {ErrorResponse(who.error()), ""};
  }
  call.who = std::move(*who);
  const std::string user = call.who ? call.who->user : "";
  env.actor = user;
  if (route.access != Access::kPublic && !call.who)
    return {
        Unauthenticated("Log in first, or send an API token ('Authorization: Bearer tpm_...')."),
        ""};

  switch (CheckCsrf(request, impl_->options.public_url, call.who ? &*call.who : nullptr)) {
    case CsrfVerdict::kAllowed:
      break;
    case CsrfVerdict::kCrossSite:
      return {ProblemResponse(http::status::forbidden,
                              "Cross-site requests may not change anything here."),
              user};
    case CsrfVerdict::kMissingToken:
      return {ProblemResponse(http::status::forbidden,
                              "The X-CSRF-Token header is missing or does not match the session."),
              user};
  }
  if (auto denied = CheckAccess(call, route)) return {std::move(*denied), user};
  version.expected = IfMatch(request);

  std::string cache_key;
  if (route.cacheable && method == "GET") {
    auto current = app::ReadProgramVersion(env, call.Program());
    if (current.ok() && !current->empty()) {
      cache_key = CacheKey(call, *match.route, *current);
      if (auto body = impl_->state.cache.Find(cache_key)) {
        version.current = *current;
        return {JsonResponse(call, std::move(*body)), user};
      }
    }
  }
  HttpResponse response = route.handler(call);
  if (!cache_key.empty() && response.result() == http::status::ok &&
      CacheKey(call, *match.route, version.current) == cache_key) {
    impl_->state.cache.Put(cache_key, response.body());
  }
  return {std::move(response), call.logged_in.empty() ? user : call.logged_in};
}

}  // namespace tpmkit::server
