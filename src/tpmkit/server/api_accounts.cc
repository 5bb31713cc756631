// The service's own routes (health, readiness, the OpenAPI document) and accounts:
// logging in and out, the caller's sessions, password and tokens, and the administrator's
// users, grants and trail verification.
#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/report/account_text.h"
#include "tpmkit/report/audit_text.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/cookies.h"

namespace tpmkit::server::handlers {

namespace http = boost::beast::http;

namespace {

constexpr char kOpenApiDocument[] = {
#include "tpmkit_openapi.inc"
};

HttpResponse NoContent(const Call& call) {
  HttpResponse response{http::status::no_content, call.request.version()};
  return response;
}

// A token may read and write what its scope allows, but not mint more credentials.
std::optional<HttpResponse> SessionOnly(const Call& call) {
  if (!call.who->via_token) return std::nullopt;
  return ProblemResponse(http::status::forbidden,
                         "An API token cannot do this; log in with a password instead.");
}

Result<app::CreateTokenRequest> TokenRequestOf(const nlohmann::json& body, std::string user) {
  TPMKIT_RETURN_IF_ERROR(OnlyFields(body, {"program", "role", "expires_days"}));
  app::CreateTokenRequest request;
  request.user = std::move(user);
  TPMKIT_ASSIGN_OR_RETURN(request.program, StringField(body, "program"));
  TPMKIT_ASSIGN_OR_RETURN(auto role, StringField(body, "role"));
  if (role) {
    auto parsed = app::ParseRole(*role);
    if (!parsed) return Error::Invalid("role: expected viewer or editor");
    request.role = *parsed;
  }
  TPMKIT_ASSIGN_OR_RETURN(auto days, NumberField(body, "expires_days"));
  if (days) {
    if (*days != std::floor(*days) || *days < 1 || *days > 366)
      return Error::Invalid("expires_days: expected an integer 1..366");
    request.expires_days = static_cast<int>(*days);
  }
  return request;
}

HttpResponse TokenCreated(Call& call, const Result<app::CreateTokenRequest>& request) {
  if (!request.ok()) return ErrorResponse(request.error());
  auto r = app::CreateToken(call.env, *request);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::TokenCreatedJson(app::ToTokenView(r->token), r->secret),
                      http::status::created);
}

HttpResponse SessionList(Call& call, const std::string& user, bool revoke) {
  app::UserSessionsRequest request{user, revoke, call.who->session_id_hash};
  auto r = app::UserSessions(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  std::vector<report::SessionView> views;
  for (const auto& s : r->sessions) views.push_back(app::ToSessionView(s));
  return JsonResponse(call, report::SessionsJson(user, views, r->revoked));
}

}  // namespace

HttpResponse Health(Call& call) { return JsonResponse(call, "{\"status\": \"ok\"}"); }

HttpResponse Ready(Call& call) {
  if (auto r = app::ListPrograms(call.env); !r.ok()) {
    auto response = ProblemResponse(http::status::service_unavailable,
                                    "The workspace database cannot be used right now.");
    response.set(http::field::retry_after, "5");
    return response;
  }
  return JsonResponse(call, "{\"status\": \"ready\"}");
}

HttpResponse OpenApi(Call& call) {
  auto response = DocumentResponse(call, kOpenApiDocument, "application/json");
  response.set(http::field::cache_control, "public, max-age=3600");
  return response;
}

HttpResponse Login(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"user", "password", "totp"}); !s.ok())
    return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(user, StringField(body, "user"));
  TPMKIT_OR_RESPOND(password, StringField(body, "password"));
  TPMKIT_OR_RESPOND(totp, StringField(body, "totp"));
  if (!user || !password) return ErrorResponse(Error::Invalid("user and password are required"));
  auto r = app::Login(call.env, {*user, *password, totp.value_or(""), call.peer.address});
  if (!r.ok()) {
    auto response = ErrorResponse(r.error());
    if (r.error().code == ErrorCode::kThrottled)
      response.set(http::field::retry_after, std::to_string(app::kLoginWindowSeconds));
    return response;
  }
  call.logged_in = r->user;
  auto response = JsonResponse(call, report::LoginJson(r->user, r->csrf_token, r->expires_at));
  response.set(http::field::set_cookie,
               SessionCookie(r->session_secret, app::kSessionAbsoluteSeconds));
  return response;
}

HttpResponse Logout(Call& call) {
  auto r = app::Logout(call.env, *call.who);
  if (!r.ok()) return ErrorResponse(r.error());
  auto response = JsonResponse(call, report::SessionsEndedJson(*r));
  response.set(http::field::set_cookie, SessionCookie("", 0));
  return response;
}

HttpResponse Me(Call& call) {
  return JsonResponse(call, report::CallerJson(app::ToCallerView(*call.who)));
}

HttpResponse MySessions(Call& call) { return SessionList(call, call.who->user, false); }

HttpResponse EndMyOtherSessions(Call& call) {
  auto r = app::Logout(call.env, *call.who, /*others=*/true);
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::SessionsEndedJson(*r));
}

HttpResponse ChangeMyPassword(Call& call) {
  if (auto denied = SessionOnly(call)) return std::move(*denied);
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"current", "password"}); !s.ok()) return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(current, StringField(body, "current"));
  TPMKIT_OR_RESPOND(password, StringField(body, "password"));
  if (!current || !password)
    return ErrorResponse(Error::Invalid("current and password are required"));
  auto s = app::ChangePassword(call.env,
                               {call.who->user, *current, *password, call.who->session_id_hash});
  // A wrong current password is not a missing login (401): the session is fine.
  if (!s.ok() && s.error().code == ErrorCode::kUnauthorized)
    return ProblemResponse(http::status::forbidden, s.error().message);
  if (!s.ok()) return ErrorResponse(s.error());
  return NoContent(call);
}

HttpResponse MyTokens(Call& call) {
  auto r = app::ListTokens(call.env, call.who->user);
  if (!r.ok()) return ErrorResponse(r.error());
  std::vector<report::TokenView> views;
  for (const auto& t : *r) views.push_back(app::ToTokenView(t));
  return JsonResponse(call, report::TokensJson(views));
}

HttpResponse CreateMyToken(Call& call) {
  if (auto denied = SessionOnly(call)) return std::move(*denied);
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  return TokenCreated(call, TokenRequestOf(body, call.who->user));
}

HttpResponse RevokeMyToken(Call& call) {
  auto s = app::RevokeToken(call.env, call.who->user, call.Param("tid"));
  if (!s.ok()) return ErrorResponse(s.error());
  return NoContent(call);
}

HttpResponse Users(Call& call) {
  auto r = app::ListUsers(call.env);
  if (!r.ok()) return ErrorResponse(r.error());
  std::vector<report::UserView> views;
  for (const auto& u : *r) views.push_back(app::ToUserView(u));
  return JsonResponse(call, report::UsersJson(views));
}

HttpResponse AddUser(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"name", "admin", "password"}); !s.ok())
    return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(name, StringField(body, "name"));
  TPMKIT_OR_RESPOND(admin, BoolField(body, "admin"));
  TPMKIT_OR_RESPOND(password, StringField(body, "password"));
  auto r = app::AddUser(call.env, {name.value_or(""), admin.value_or(false), password});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::UserAddedJson({r->name, r->admin, r->generated_password}),
                      http::status::created);
}

HttpResponse DisableUser(Call& call) {
  auto r = app::DisableUser(call.env, call.Param("name"));
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call,
                      report::DisabledJson({r->name, r->sessions_revoked, r->tokens_revoked}));
}

HttpResponse UserSessions(Call& call) { return SessionList(call, call.Param("name"), false); }

HttpResponse RevokeUserSessions(Call& call) { return SessionList(call, call.Param("name"), true); }

HttpResponse CreateUserToken(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  return TokenCreated(call, TokenRequestOf(body, call.Param("name")));
}

HttpResponse GrantRole(Call& call) {
  TPMKIT_OR_RESPOND(body, call.JsonBody());
  if (auto s = OnlyFields(body, {"role"}); !s.ok()) return ErrorResponse(s.error());
  TPMKIT_OR_RESPOND(role_name, StringField(body, "role"));
  app::Role role = app::Role::kNone;
  if (role_name) {
    auto parsed = app::ParseRole(*role_name);
    if (!parsed)
      return ErrorResponse(Error::Invalid("role: expected viewer, editor, owner or null"));
    role = *parsed;
  }
  // Over the API a role is granted on a program that exists (the command line may grant
  // one ahead of the program's first apply).
  auto programs = app::ListPrograms(call.env);
  if (!programs.ok()) return ErrorResponse(programs.error());
  if (std::none_of(programs->begin(), programs->end(),
                   [&](const auto& p) { return p.id == call.Program(); })) {
    return ProblemResponse(http::status::not_found,
                           fmt::format("no program '{}' in the workspace", call.Program()));
  }
  auto r = app::GrantRole(call.env, {call.Param("name"), call.Program(), role});
  if (!r.ok()) return ErrorResponse(r.error());
  auto name = [](app::Role x) {
    return x == app::Role::kNone ? std::string() : std::string(app::RoleName(x));
  };
  return JsonResponse(call,
                      report::GrantJson({r->user, r->program, name(r->role), name(r->previous)}));
}

HttpResponse VerifyTrail(Call& call) {
  auto r = app::VerifyTrail(call.env, {});
  if (!r.ok()) return ErrorResponse(r.error());
  return JsonResponse(call, report::TrailVerificationJson(app::ToTrailVerification(*r)));
}

}  // namespace tpmkit::server::handlers
