// The weekly status report (GET .../status, POST .../snapshots) and the portfolio
// (GET /api/v1/portfolio): the documents of `status` and `portfolio`.
#include <fmt/format.h>

#include "tpmkit/app/access.h"
#include "tpmkit/app/pdf.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/app/status_cases.h"
#include "tpmkit/base/sha256.h"
#include "tpmkit/report/portfolio_text.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/server/api_handlers.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/problem.h"

namespace tpmkit::server::handlers {

namespace {

namespace http = boost::beast::http;

// A report page: its own style sheet, allowed by hash; nothing else loads.
HttpResponse PageResponse(const Call& call, std::string html) {
  // The hash of the page's <style> element content (a newline, then the sheet).
  static const std::string kStyleHash = [] {
    std::string style(1, '\n');
    style.append(report::StatusCss());
    return Sha256Base64(style);
  }();
  auto response = DocumentResponse(call, std::move(html), "text/html; charset=utf-8");
  response.set("Content-Security-Policy",
               fmt::format("default-src 'none'; style-src 'sha256-{}'; img-src data:; "
                           "frame-ancestors 'none'",
                           kStyleHash));
  return response;
}

HttpResponse StatusOf(Call& call, bool snapshot) {
  const auto format = call.target.Query("format").value_or("json");
  if (format != "json" && format != "html" && format != "md" && format != "text" &&
      format != "pdf") {
    return ProblemResponse(http::status::bad_request,
                           "format: expected json, html, pdf, md or text");
  }
  TPMKIT_OR_RESPOND(q, call.SimulationQuery());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  app::ProgramStatusRequest request;
  request.source = {std::nullopt, call.Program()};
  request.as_of = q.as_of;
  request.forecast.iterations = q.iterations;
  request.forecast.seed = q.seed;
  request.forecast.threads = call.options.forecast_threads;
  request.snapshot = snapshot;
  auto r = app::ProgramStatus(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  const model::Program& p = r->loaded.program;
  const report::StatusWords words = report::BuildStatusWords(p, r->status);
  if (format == "html") return PageResponse(call, report::StatusHtml(p, r->status, words));
  if (format == "pdf") {
    auto pdf = app::HtmlToPdf(report::StatusHtml(p, r->status, words));
    if (!pdf.ok() && pdf.error().code == ErrorCode::kUsage) {
      return ProblemResponse(http::status::not_implemented,
                             "This server cannot print PDF: install Debian's chromium package "
                             "on it.");
    }
    if (!pdf.ok()) return ErrorResponse(pdf.error());
    return DocumentResponse(call, std::move(*pdf), "application/pdf",
                            p.id + "-status-" + r->status.as_of.ToString() + ".pdf");
  }
  if (format == "md") {
    return DocumentResponse(call, report::StatusMarkdown(words), "text/markdown; charset=utf-8");
  }
  if (format == "text") {
    return DocumentResponse(call, report::StatusText(words), "text/plain; charset=utf-8");
  }
  return JsonResponse(call, report::StatusJson(p, r->status, words),
                      snapshot ? http::status::created : http::status::ok);
}

}  // namespace

HttpResponse Status(Call& call) { return StatusOf(call, false); }

HttpResponse TakeSnapshot(Call& call) {
  if (call.target.Query("format")) {
    return ProblemResponse(http::status::bad_request, "a snapshot answers with JSON only");
  }
  return StatusOf(call, true);
}

HttpResponse Portfolio(Call& call) {
  const auto format = call.target.Query("format").value_or("json");
  if (format != "json" && format != "html") {
    return ProblemResponse(http::status::bad_request, "format: expected json or html");
  }
  TPMKIT_OR_RESPOND(q, call.SimulationQuery());
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (auto busy = SimulationBusy(slot)) return std::move(*busy);
  auto listed = app::ListPrograms(call.env);
  if (!listed.ok()) return ErrorResponse(listed.error());
  app::PortfolioRequest request;
  request.as_of = q.as_of;
  request.forecast.iterations = q.iterations;
  request.forecast.seed = q.seed;
  request.forecast.threads = call.options.forecast_threads;
  request.only.emplace();
  for (const auto& p : *listed) {
    if (app::RoleOn(*call.who, p.id) != app::Role::kNone) request.only->push_back(p.id);
  }
  auto r = app::Portfolio(call.env, request);
  if (!r.ok()) return ErrorResponse(r.error());
  std::vector<report::PortfolioRow> rows;
  for (const auto& e : r->programs)
    rows.push_back({e.id, e.name, e.currency, e.figures, e.problem});
  if (format == "html") return PageResponse(call, report::PortfolioHtml(rows));
  return JsonResponse(call, report::PortfolioJson(rows));
}

}  // namespace tpmkit::server::handlers
