// The portfolio, the program dashboard and the weekly status report: the status report's
// words and charts (report/status_report.h) laid out as pages.
#include <fmt/format.h>

#include "tpmkit/app/access.h"
#include "tpmkit/app/program_cases.h"
#include "tpmkit/app/status_cases.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/report/web_words.h"
#include "tpmkit/server/api_state.h"
#include "tpmkit/server/web/page.h"
#include "tpmkit/server/web/pages.h"

namespace tpmkit::server::web::pages {

namespace http = boost::beast::http;

namespace {

HttpResponse Busy(const Call& call) {
  return ErrorPage(call, Error{ErrorCode::kBusy,
                               "The server is running as many simulations as it may; try again "
                               "in a few seconds.",
                               {}});
}

// The program's status as of the date in force, with the API's default forecast (10,000
// iterations, seed 1), so the page shows the numbers `tpmkit status` prints.
Result<app::ProgramStatusResponse> StatusOf(Call& call) {
  app::ProgramStatusRequest request;
  request.source = {std::nullopt, call.Program()};
  request.forecast.threads = call.options.forecast_threads;
  return app::ProgramStatus(call.env, request);
}

ProgramFrame FrameOf(const app::ProgramStatusResponse& r) {
  const auto& p = r.loaded.program;
  return {p.id, p.name, report::HeadlineOf(r.status.now)};
}

nlohmann::json Strings(const std::vector<std::string>& items) {
  auto list = nlohmann::json::array();
  for (const auto& s : items) list.push_back(s);
  return list;
}

}  // namespace

HttpResponse Portfolio(Call& call) {
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) return Busy(call);
  auto listed = app::ListPrograms(call.env);
  if (!listed.ok()) return ErrorPage(call, listed.error());
  app::PortfolioRequest request;
  request.forecast.threads = call.options.forecast_threads;
  request.only.emplace();
  for (const auto& p : *listed) {
    if (app::RoleOn(*call.who, p.id) != app::Role::kNone) request.only->push_back(p.id);
  }
  auto r = app::Portfolio(call.env, request);
  if (!r.ok()) return ErrorPage(call, r.error());
  auto programs = nlohmann::json::array();
  for (const auto& e : r->programs) {
    const auto w = report::PortfolioRowOf(e.id, e.name, e.currency, e.figures, e.problem);
    const auto& h = w.headline;
    programs.push_back({{"id", w.id},
                        {"name", w.name.empty() ? w.id : w.name},
                        {"problem", w.problem},
                        {"rag_class", RagClass(h.rag)},
                        {"rag_label", h.rag_label},
                        {"p80", h.p80},
                        {"slip", h.slip},
                        {"target", h.target},
                        {"chance", h.chance.empty() ? "-" : h.chance},
                        {"score", h.score.empty() ? "-" : h.score},
                        {"readiness", h.readiness.empty() ? "-" : h.readiness},
                        {"budget", w.budget},
                        {"eac", w.eac}});
  }
  const nlohmann::json view = {{"programs", programs}, {"has_programs", !programs.empty()}};
  return Page(call, {.title = "Portfolio", .section = "portfolio"}, "portfolio", view);
}

HttpResponse Dashboard(Call& call) {
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) return Busy(call);
  auto r = StatusOf(call);
  if (!r.ok()) return ErrorPage(call, r.error());
  const model::Program& p = r->loaded.program;
  const report::StatusWords w = report::BuildStatusWords(p, r->status);
  const report::StatusCharts charts = report::BuildStatusCharts(p, r->status);
  // Each heat-map cell with risks opens the register filtered to that cell.
  const auto cell_link = [&](int likelihood, int severity) {
    return fmt::format("/programs/{}/risks?cell={},{}", QueryEncode(p.id), likelihood, severity);
  };

  auto areas = nlohmann::json::array();
  for (const auto& a : w.areas) {
    areas.push_back({{"name", a.name},
                     {"rag_class", RagClass(a.rag)},
                     {"rag_label", report::RagLabel(a.rag)},
                     {"reason", a.reason}});
  }
  auto risks = nlohmann::json::array();
  for (const auto& k : w.top_risks) {
    risks.push_back({{"id", k.id},
                     {"score", std::to_string(k.score)},
                     {"movement", k.movement.empty() ? "-" : k.movement},
                     {"exposure", k.exposure},
                     {"owner", k.owner},
                     {"title", k.title}});
  }
  auto money = nlohmann::json::array();
  for (const auto& [label, value] : w.money) money.push_back({{"label", label}, {"value", value}});
  auto overdue = nlohmann::json::array();
  for (const auto& c : w.overdue_contacts) {
    overdue.push_back({{"id", c.id},
                       {"name", c.name},
                       {"quadrant", c.quadrant},
                       {"last_contact", c.last_contact},
                       {"next_contact", c.next_contact}});
  }
  const nlohmann::json view = {
      {"program_id", p.id},
      {"title", w.title},
      {"overall_class", RagClass(w.overall)},
      {"overall_label", report::RagLabel(w.overall)},
      {"headline", w.headline},
      {"areas", areas},
      {"finish", Strings(w.finish)},
      {"finish_chart_html", charts.finish},
      {"heat_map_html", report::RiskHeatMapSvg(r->status.risks, cell_link)},
      {"trend_chart_html", charts.trend},
      {"stakeholder_matrix_html", charts.stakeholders},
      {"evm_chart_html", charts.evm},
      {"top_risks", risks},
      {"has_top_risks", !risks.empty()},
      {"money", money},
      {"money_note", w.money_note},
      {"awaiting", Strings(w.awaiting)},
      {"overdue", overdue},
      {"has_overdue", !overdue.empty()},
      {"readiness", Strings(w.readiness)},
      {"changed", Strings(w.changed)},
      {"changed_since", w.changed_since}};
  return Page(call,
              {.title = p.name.empty() ? p.id : p.name,
               .section = "dashboard",
               .program = FrameOf(*r),
               .as_of = r->status.as_of.ToString()},
              "dashboard", view);
}

HttpResponse StatusReport(Call& call) {
  SimulationSlot slot(call.state, std::chrono::seconds(10));
  if (!slot.held()) return Busy(call);
  auto r = StatusOf(call);
  if (!r.ok()) return ErrorPage(call, r.error());
  const model::Program& p = r->loaded.program;
  const report::StatusWords w = report::BuildStatusWords(p, r->status);
  const nlohmann::json view = {{"program_id", p.id},
                               {"report_html", report::StatusHtmlBody(p, r->status, w)}};
  return Page(call,
              {.title = w.title,
               .section = "status",
               .program = FrameOf(*r),
               .as_of = r->status.as_of.ToString()},
              "status", view);
}

}  // namespace tpmkit::server::web::pages
