// What every page of the web app shares: the layout around it (the user, navigation, the
// program's header with its overall RAG and P80 vs target), pages for errors and refusals
// in the project's words (never an exception's text), redirects, the local-path rule for
// ?next= and the view of a form's fields (what was typed, and each error beside its field).
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/report/web_words.h"
#include "tpmkit/server/call.h"
#include "tpmkit/server/form.h"

namespace tpmkit::server::web {

// The header of a program page.
struct ProgramFrame {
  std::string id;
  std::string name;
  report::HeadlineWords headline;
};

// The header of the route's program {id}: its name and headline figures as of the date in
// force (one forecast, as the portfolio computes it). Errors: those of app::Portfolio;
// kBusy when no simulation slot frees up in time.
Result<ProgramFrame> ProgramHeader(Call& call);

// What the layout shows around a page's main part.
struct Frame {
  std::string title{};    // the document title, before " - tpmkit"
  std::string section{};  // the current navigation entry: portfolio, dashboard, risks, status,
                          // audit, users, sessions, scorecard, stakeholders, decisions,
                          // changes
  std::optional<ProgramFrame> program{};
  std::string as_of{};  // the date the figures are as of, in the footer; "" for none
};

// Template `name` rendered with `view` inside the layout, as text/html. A template that
// fails to render is a bug: logged, answered with the 500 page.
HttpResponse Page(const Call& call, const Frame& frame, std::string_view name,
                  const nlohmann::json& view,
                  boost::beast::http::status status = boost::beast::http::status::ok);

// A page with a heading and one sentence: refusals, missing things, failures.
HttpResponse MessagePage(const Call& call, boost::beast::http::status status,
                         const std::string& heading, const std::string& message);

// The page for a use case's error, with the status of StatusFor (problem.h). The message
// of an error the user can fix is shown; errors of the server's side are logged and get a
// fixed sentence, as in the API.
HttpResponse ErrorPage(const Call& call, const Error& error);

// Why a form was refused as stale (412): who changed the route's program last, when and
// what, from its newest audit entry (report::StaleFormText).
std::string StaleFormProblem(Call& call);

// 303 See Other to `location` (a path of this site).
HttpResponse Redirect(const Call& call, const std::string& location);

// `next` when it is a path of this site ("/programs/phoenix/risks?x=1"): it starts with one
// '/', is not "//host" or "/\host", and has no control character, space or backslash, so a
// link to /login?next=... can never send a user elsewhere (no open redirect). Else "/".
std::string LocalPath(std::string_view next);

// `text` percent-encoded for a query value (unreserved characters kept).
std::string QueryEncode(std::string_view text);

// One input of a form; `name` is the program file's key ("probability", "impact.cost").
struct FieldSpec {
  std::string name{};
  std::string label{};
  std::string type = "text";  // text, password, number, date
  std::string hint{};
  std::string autocomplete{};
  bool required = false;
  bool textarea = false;
  bool keep_value = true;  // false: never sent back (a password)
};

// The fields' view for the field template: each with the value typed (from `typed`, when
// given) and its error (from `errors`, by name), every key present so that no field reads
// a value of the page around it.
nlohmann::json FieldsView(const std::vector<FieldSpec>& fields, const Form* typed,
                          const std::map<std::string, std::string>& errors);

// The CSS class of a RAG rating: "green", "amber", "red", or "none" for "".
std::string RagClass(const std::string& rag);

}  // namespace tpmkit::server::web
