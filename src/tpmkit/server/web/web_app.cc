#include "tpmkit/server/web/web_app.h"

#include <fmt/format.h>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/cookies.h"
#include "tpmkit/server/csrf.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web {

namespace http = boost::beast::http;

const std::vector<PageRoute>& PageRoutes() {
  using enum Access;
  namespace p = pages;
  static const std::vector<PageRoute> kRoutes = {
      {"GET", "/static/{file}", kPublic, p::StaticFile},
      {"GET", "/login", kPublic, p::LoginForm},
      {"POST", "/login", kPublic, p::LoginSubmit},
      {"POST", "/logout", kUser, p::LogoutSubmit},

      {"GET", "/", kUser, p::Portfolio},
      {"GET", "/programs/{id}", kViewer, p::Dashboard},
      {"GET", "/programs/{id}/status", kViewer, p::StatusReport},
      {"GET", "/programs/{id}/plan", kViewer, p::Plan},
      {"GET", "/programs/{id}/forecast", kViewer, p::ForecastPage},
      {"GET", "/programs/{id}/risks", kViewer, p::Risks},
      {"POST", "/programs/{id}/risks", kEditor, p::AddRisk},
      {"GET", "/programs/{id}/risks/{rid}", kViewer, p::Risk},
      {"POST", "/programs/{id}/risks/{rid}", kEditor, p::EditRisk},
      {"POST", "/programs/{id}/risks/{rid}/close", kEditor, p::CloseRisk},
      {"GET", "/programs/{id}/risks/{rid}/escalate", kViewer, p::EscalateRisk},
      {"GET", "/programs/{id}/risks/{rid}/escalate.eml", kViewer, p::EscalateRiskEml},

      {"GET", "/programs/{id}/scorecard", kViewer, p::Scorecard},
      {"POST", "/programs/{id}/scorecard", kEditor, p::AssessScorecard},
      {"GET", "/programs/{id}/stakeholders", kViewer, p::Stakeholders},
      {"POST", "/programs/{id}/stakeholders/{sid}/contacts", kEditor, p::LogContact},
      // Choosing an option and deciding a change are an owner's acts, as in the API.
      {"GET", "/programs/{id}/decisions", kViewer, p::Decisions},
      {"GET", "/programs/{id}/decisions/{did}", kViewer, p::Decision},
      {"POST", "/programs/{id}/decisions/{did}/choose", kOwner, p::ChooseOption},
      {"GET", "/programs/{id}/changes", kViewer, p::Changes},
      {"GET", "/programs/{id}/changes/{cid}", kViewer, p::Change},
      {"POST", "/programs/{id}/changes/{cid}/approve", kOwner, p::ApproveChange},
      {"POST", "/programs/{id}/changes/{cid}/reject", kOwner, p::RejectChange},

      {"GET", "/programs/{id}/audit", kViewer, p::Audit},
      {"POST", "/programs/{id}/audit/evidence", kEditor, p::UploadEvidence},
      {"POST", "/programs/{id}/audit/signoff", kOwner, p::SignOff},
      {"GET", "/programs/{id}/audit/pack", kViewer, p::AuditPack},

      {"GET", "/users", kAdmin, p::Users},
      {"POST", "/users", kAdmin, p::AddUser},
      {"POST", "/users/roles", kAdmin, p::GrantRole},
      {"POST", "/users/{name}/disable", kAdmin, p::DisableUser},
      {"POST", "/users/{name}/tokens/{tid}/revoke", kAdmin, p::RevokeUserToken},
      {"GET", "/me/sessions", kUser, p::MySessions},
      {"POST", "/me/sessions/{sid}/revoke", kUser, p::RevokeMySession},
      {"POST", "/me/logout-everywhere", kUser, p::LogOutEverywhere},
      {"POST", "/me/tokens", kUser, p::CreateMyToken},
      {"POST", "/me/tokens/{tid}/revoke", kUser, p::RevokeMyToken},

      {"GET", "/import", kAdmin, p::ImportForm},
      {"POST", "/import", kAdmin, p::ImportSubmit},
      {"GET", "/programs/{id}/import", kEditor, p::ImportForm},
      {"POST", "/programs/{id}/import", kEditor, p::ImportSubmit},
  };
  return kRoutes;
}

WebApp::WebApp(const ApiOptions& options, ApiState& state) : options_(options), state_(state) {
  for (const auto& route : PageRoutes()) table_.Add(route.method, route.pattern);
}

namespace {

// The page when the caller's role does not allow the route; nullopt when it does.
std::optional<HttpResponse> CheckAccess(const Call& call, Access access) {
  switch (access) {
    case Access::kPublic:
    case Access::kUser:
      return std::nullopt;
    case Access::kAdmin:
      if (app::ActsAsAdmin(*call.who)) return std::nullopt;
      return MessagePage(call, http::status::forbidden, "Not allowed",
                         "Only an administrator may do this.");
    case Access::kViewer:
    case Access::kEditor:
    case Access::kOwner:
      break;
  }
  const app::Role role = call.Role();
  if (role == app::Role::kNone) {
    // The very page a program that does not exist gets: nobody learns that it exists.
    return MessagePage(call, http::status::not_found, "Not found",
                       fmt::format("no program '{}' in the workspace", call.Program()));
  }
  const app::Role needed = access == Access::kViewer   ? app::Role::kViewer
                           : access == Access::kEditor ? app::Role::kEditor
                                                       : app::Role::kOwner;
  if (role >= needed) return std::nullopt;
  return MessagePage(call, http::status::forbidden, "Not allowed",
                     fmt::format("Your role on program '{}' is {}; this needs an {}.",
                                 call.Program(), app::RoleName(role), app::RoleName(needed)));
}

}  // namespace

Reply WebApp::Handle(HttpRequest& request, const Peer& peer, Target target) {
  const std::string_view method = request.method() == http::verb::head
                                      ? std::string_view("GET")
                                      : std::string_view(request.method_string());
  // The route table keeps "/" as one empty segment; ParseTarget gives none for it.
  auto match =
      table_.Find(method, target.segments.empty() ? std::vector<std::string>{""} : target.segments);
  auto lease = state_.stores.Acquire();
  app::VersionCheck version;
  app::Env env{lease.store(), *options_.clock, "", &version};
  Call call{request, peer,    std::move(target), std::move(match.params),
            env,     version, std::nullopt,      options_,
            state_,  ""};

  // Static files are the same for everyone: no session to look up.
  const bool static_file = match.route && PageRoutes()[*match.route].handler == &pages::StaticFile;
  // Only a browser session counts here; a cookie that expired or was revoked is as none.
  auto cookie = FindCookie(request[http::field::cookie], kSessionCookie);
  if (cookie && !static_file) {
    auto who = app::AuthenticateSession(env, *cookie);
    if (who.ok()) {
      call.who = std::move(*who);
    } else if (who.error().code != ErrorCode::kUnauthorized) {
      return {ErrorPage(call, who.error()), ""};
    }
  }
  const std::string user = call.who ? call.who->user : "";
  env.actor = user;

  if (!match.route) {
    if (!match.allow.empty()) {
      auto response = MessagePage(call, http::status::method_not_allowed, "Not allowed",
                                  "This page does not answer that method.");
      response.set(http::field::allow, match.allow);
      return {std::move(response), user};
    }
    return {MessagePage(call, http::status::not_found, "Not found", "There is no page here."),
            user};
  }
  const PageRoute& route = PageRoutes()[*match.route];
  if (route.access != Access::kPublic && !call.who) {
    // A page asks for a login and comes back; a form post cannot be replayed, so it
    // goes to the login page alone.
    const std::string next =
        method == "GET" ? "?next=" + QueryEncode(std::string_view(request.target())) : "";
    return {Redirect(call, "/login" + next), ""};
  }
  // A public form (the login) has no session token to carry; its origin is still checked.
  const bool with_session = call.who && route.access != Access::kPublic;
  switch (CheckCsrf(request, options_.public_url, with_session ? &*call.who : nullptr)) {
    case CsrfVerdict::kAllowed:
      break;
    case CsrfVerdict::kCrossSite:
      return {MessagePage(call, http::status::forbidden, "Refused",
                          "Cross-site requests may not change anything here."),
              user};
    case CsrfVerdict::kMissingToken:
      return {MessagePage(call, http::status::forbidden, "Refused",
                          "This form is out of date or did not come from this site (its "
                          "security token is missing or does not match your session). "
                          "Reload the page and submit it again."),
              user};
  }
  if (auto denied = CheckAccess(call, route.access)) return {std::move(*denied), user};
  HttpResponse response = route.handler(call);
  return {std::move(response), call.logged_in.empty() ? user : call.logged_in};
}

}  // namespace tpmkit::server::web
