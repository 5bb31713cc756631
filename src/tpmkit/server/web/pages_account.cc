// Static files, the login form and logging out. The login sets the same session cookie as
// the API's POST /api/v1/session and is throttled the same way (app::Login).
#include <fmt/format.h>

#include "tpmkit/app/account_cases.h"
#include "tpmkit/server/cookies.h"
#include "tpmkit/server/form.h"
#include "tpmkit/server/web/assets.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

const std::vector<FieldSpec>& LoginFields() {
  static const std::vector<FieldSpec> kFields = {
      {.name = "user", .label = "User name", .autocomplete = "username", .required = true},
      {.name = "password",
       .label = "Password",
       .type = "password",
       .autocomplete = "current-password",
       .required = true,
       .keep_value = false},
      {.name = "totp",
       .label = "One-time code",
       .hint = "Only when your account has a second factor: the 6 digits your "
               "authenticator app shows.",
       .autocomplete = "one-time-code"},
  };
  return kFields;
}

HttpResponse LoginPage(const Call& call, const std::string& next, const Form* typed,
                       const std::map<std::string, std::string>& errors, const std::string& problem,
                       http::status status) {
  const nlohmann::json view = {
      {"next", next}, {"problem", problem}, {"fields", FieldsView(LoginFields(), typed, errors)}};
  return Page(call, {.title = "Log in"}, "login", view, status);
}

}  // namespace

HttpResponse StaticFile(Call& call) {
  const auto found = FindAsset(call.Param("file"));
  if (!found.asset) {
    return MessagePage(call, http::status::not_found, "Not found", "There is no such file.");
  }
  HttpResponse response{http::status::ok, call.request.version()};
  response.set(http::field::content_type, found.asset->content_type);
  // A hashed name never changes its content; a plain one may with the next release.
  response.set(http::field::cache_control,
               found.hashed ? "public, max-age=31536000, immutable" : "no-cache");
  response.set(http::field::etag, fmt::format("\"{}\"", found.asset->hash));
  response.body() = std::string(found.asset->text);
  return response;
}

HttpResponse LoginForm(Call& call) {
  const std::string next = LocalPath(call.target.Query("next").value_or("/"));
  if (call.who) return Redirect(call, next);
  return LoginPage(call, next, nullptr, {}, "", http::status::ok);
}

HttpResponse LoginSubmit(Call& call) {
  auto form = IsFormPost(call.request) ? ParseForm(call.request.body()) : std::nullopt;
  if (!form) {
    return MessagePage(call, http::status::bad_request, "Not a login",
                       "Send the login form (user and password) from the login page.");
  }
  const std::string next = LocalPath(form->Value("next"));
  std::map<std::string, std::string> errors;
  if (form->Value("user").empty()) errors["user"] = "Enter your user name.";
  if (form->Value("password").empty()) errors["password"] = "Enter your password.";
  if (!errors.empty()) {
    return LoginPage(call, next, &*form, errors, "", http::status::unprocessable_entity);
  }
  auto r = app::Login(call.env, {form->Value("user"), form->Value("password"), form->Value("totp"),
                                 call.peer.address});
  if (!r.ok()) {
    if (r.error().code == ErrorCode::kUnauthorized) {
      // One sentence for every cause, as the API: the page does not tell which was wrong.
      errors["password"] = r.error().message;
      return LoginPage(call, next, &*form, errors, "", http::status::unauthorized);
    }
    if (r.error().code == ErrorCode::kThrottled) {
      auto response =
          LoginPage(call, next, &*form, {}, r.error().message, http::status::too_many_requests);
      response.set(http::field::retry_after, std::to_string(app::kLoginWindowSeconds));
      return response;
    }
    return ErrorPage(call, r.error());
  }
  call.logged_in = r->user;
  auto response = Redirect(call, next);
  response.set(http::field::set_cookie,
               SessionCookie(r->session_secret, app::kSessionAbsoluteSeconds));
  return response;
}

HttpResponse LogoutSubmit(Call& call) {
  auto r = app::Logout(call.env, *call.who);
  if (!r.ok()) return ErrorPage(call, r.error());
  auto response = Redirect(call, "/login");
  response.set(http::field::set_cookie, SessionCookie("", 0));
  return response;
}

}  // namespace tpmkit::server::web::pages
