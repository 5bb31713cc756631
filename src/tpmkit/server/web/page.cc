#include "tpmkit/server/web/page.h"

#include <fmt/format.h>

#include "tpmkit/app/access.h"
#include "tpmkit/app/audit_cases.h"
#include "tpmkit/app/status_cases.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/problem.h"
#include "tpmkit/server/web/assets.h"
#include "tpmkit/server/web/render.h"

namespace tpmkit::server::web {

namespace http = boost::beast::http;

namespace {

HttpResponse Html(const Call& call, std::string body, http::status status) {
  HttpResponse response{status, call.request.version()};
  response.set(http::field::content_type, "text/html; charset=utf-8");
  response.body() = std::move(body);
  return response;
}

// The layout around `main_html`. Cannot fail for want of data: a layout that does not
// render is a bug, answered with a bare page.
std::string Layout(const Call& call, const Frame& frame, const std::string& main_html) {
  nlohmann::json view = {{"title", frame.title},
                         {"css_url", AssetUrl("app.css")},
                         {"icon_url", AssetUrl("favicon.svg")},
                         {"htmx_url", AssetUrl("htmx.min.js")},
                         {"main_html", main_html},
                         {"as_of", frame.as_of},
                         {"user", ""},
                         {"csrf_token", ""},
                         {"nav_portfolio", frame.section == "portfolio"},
                         {"nav_users", frame.section == "users"},
                         {"nav_sessions", frame.section == "sessions"},
                         {"nav_import", frame.section == "import"},
                         {"admin", false},
                         {"program", false}};
  if (call.who && !call.who->via_token) {
    view["user"] = call.who->user;
    view["csrf_token"] = call.who->csrf_token;
    view["admin"] = app::ActsAsAdmin(*call.who);
  }
  if (frame.program) {
    const auto& p = *frame.program;
    const auto& h = p.headline;
    view["program"] = {{"id", p.id},
                       {"name", p.name.empty() ? p.id : p.name},
                       {"rag_class", RagClass(h.rag)},
                       {"rag_label", h.rag_label},
                       {"p80", h.p80},
                       {"target", h.target},
                       {"slip", h.slip},
                       {"chance", h.chance},
                       {"nav_dashboard", frame.section == "dashboard"},
                       {"nav_risks", frame.section == "risks"},
                       {"nav_scorecard", frame.section == "scorecard"},
                       {"nav_stakeholders", frame.section == "stakeholders"},
                       {"nav_decisions", frame.section == "decisions"},
                       {"nav_changes", frame.section == "changes"},
                       {"nav_plan", frame.section == "plan"},
                       {"nav_forecast", frame.section == "forecast"},
                       {"nav_status", frame.section == "status"},
                       {"nav_audit", frame.section == "audit"}};
  }
  auto page = RenderTemplate("layout", view);
  if (!page.ok()) {
    LogServerError(page.error());
    return "<!DOCTYPE html>\n<title>tpmkit</title>\n<p>The server could not show this page; "
           "the operator's log has the details.</p>\n";
  }
  return std::move(*page);
}

}  // namespace

HttpResponse Page(const Call& call, const Frame& frame, std::string_view name,
                  const nlohmann::json& view, http::status status) {
  auto main = RenderTemplate(name, view);
  if (!main.ok()) {
    LogServerError(main.error());
    return MessagePage(call, http::status::internal_server_error, "Something went wrong",
                       "The server could not show this page; the operator's log has the "
                       "details.");
  }
  return Html(call, Layout(call, frame, *main), status);
}

HttpResponse MessagePage(const Call& call, http::status status, const std::string& heading,
                         const std::string& message) {
  const nlohmann::json view = {{"heading", heading},
                               {"message", message},
                               {"details", false},
                               {"back", call.who ? "/" : "/login"},
                               {"back_label", call.who ? "To the portfolio" : "Log in"}};
  auto main = RenderTemplate("message", view);
  std::string html = main.ok() ? std::move(*main) : std::string();
  if (!main.ok()) LogServerError(main.error());
  return Html(call, Layout(call, {.title = heading}, html), status);
}

HttpResponse ErrorPage(const Call& call, const Error& error) {
  const auto status = StatusFor(error);
  switch (error.code) {
    case ErrorCode::kStorage: {
      LogServerError(error);
      auto response =
          MessagePage(call, status, "Try again shortly",
                      "The workspace database cannot be used right now; try again shortly.");
      response.set(http::field::retry_after, "5");
      return response;
    }
    case ErrorCode::kInternal:
      LogServerError(error);
      return MessagePage(call, status, "Something went wrong",
                         "The server could not answer this request; the operator's log has the "
                         "details.");
    case ErrorCode::kNotFound:
      return MessagePage(call, status, "Not found", error.message);
    case ErrorCode::kBusy: {
      auto response = MessagePage(call, status, "Busy", error.message);
      response.set(http::field::retry_after, "1");
      return response;
    }
    default:
      return MessagePage(call, status, "This cannot be done", error.message);
  }
}

Result<ProgramFrame> ProgramHeader(Call& call) {
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) {
    return Error{ErrorCode::kBusy,
                 "The server is running as many simulations as it may; try again in a few "
                 "seconds.",
                 {}};
  }
  app::PortfolioRequest request;
  request.forecast.threads = call.options.forecast_threads;
  request.only = std::vector<std::string>{call.Program()};
  TPMKIT_ASSIGN_OR_RETURN(auto r, app::Portfolio(call.env, request));
  if (r.programs.empty()) {
    return Error::NotFound(fmt::format("no program '{}' in the workspace", call.Program()));
  }
  const auto& e = r.programs.front();
  ProgramFrame frame{e.id, e.name, {}};
  if (e.figures) {
    frame.headline = report::HeadlineOf(*e.figures);
  } else {
    frame.headline.rag_label = report::RagLabel("");
    frame.headline.p80 = "not forecast";
    frame.headline.target = "-";
  }
  return frame;
}

std::string StaleFormProblem(Call& call) {
  app::ReadLogRequest request;
  request.filter.program = call.Program();
  request.limit = 1;
  auto log = app::ReadLog(call.env, request);
  if (!log.ok() || log->entries.empty()) return report::StaleFormText(call.Program(), "", "", "");
  const auto& e = log->entries.front();
  const std::string what =
      fmt::format("{} of {} {}", model::Name(e.change.action), e.change.entity, e.change.entity_id);
  return report::StaleFormText(call.Program(), e.actor, e.at, what);
}

HttpResponse Redirect(const Call& call, const std::string& location) {
  HttpResponse response{http::status::see_other, call.request.version()};
  response.set(http::field::location, location);
  return response;
}

std::string LocalPath(std::string_view next) {
  if (next.size() < 1 || next.size() > 2048 || next[0] != '/') return "/";
  if (next.size() >= 2 && (next[1] == '/' || next[1] == '\\')) return "/";
  for (char c : next) {
    const auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || u == 0x7f || c == '\\') return "/";
  }
  if (!ParseTarget(next)) return "/";
  return std::string(next);
}

std::string QueryEncode(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '-' || c == '_' || c == '.' || c == '~';
    if (keep) {
      out += c;
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

nlohmann::json FieldsView(const std::vector<FieldSpec>& fields, const Form* typed,
                          const std::map<std::string, std::string>& errors) {
  auto list = nlohmann::json::array();
  for (const auto& f : fields) {
    auto error = errors.find(f.name);
    const std::string error_text = error == errors.end() ? "" : error->second;
    std::string described_by;
    if (!f.hint.empty()) described_by = "f-" + f.name + "-hint";
    if (!error_text.empty()) {
      described_by += (described_by.empty() ? "" : " ") + std::string("f-") + f.name + "-error";
    }
    list.push_back({{"name", f.name},
                    {"label", f.label},
                    {"type", f.type},
                    {"hint", f.hint},
                    {"autocomplete", f.autocomplete},
                    {"required", f.required},
                    {"textarea", f.textarea},
                    {"value", typed && f.keep_value ? typed->Value(f.name) : ""},
                    {"error", error_text},
                    {"described_by", described_by}});
  }
  return list;
}

std::string RagClass(const std::string& rag) { return rag.empty() ? "none" : rag; }

}  // namespace tpmkit::server::web
