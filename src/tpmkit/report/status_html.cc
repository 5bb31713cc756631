// The status report as one HTML page and as an email: the words of BuildStatusWords with
// the charts of report/svg, inline, so that the page needs nothing else (a file, a mail
// client, a PDF printer).
#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/base/text.h"
#include "tpmkit/plan/calendar.h"
#include "tpmkit/report/html.h"
#include "tpmkit/report/mail.h"
#include "tpmkit/report/status_report.h"
#include "tpmkit/report/svg/evm_chart.h"
#include "tpmkit/report/svg/finish_chart.h"
#include "tpmkit/report/svg/heat_map.h"
#include "tpmkit/report/svg/roadmap.h"
#include "tpmkit/report/svg/stakeholder_matrix.h"
#include "tpmkit/report/svg/trend_chart.h"
#include "tpmkit/toolkit/risk_register.h"

namespace tpmkit::report {

namespace {

using toolkit::StatusReport;

constexpr size_t kRoadmapRows = 12;

std::string Esc(const std::string& s) { return EscapeHtml(s); }

std::string Rag(const std::string& rag) {
  if (rag.empty()) return "<span class=\"rag none\">not rated</span>";
  return fmt::format("<span class=\"rag {0}\">{0}</span>", rag);
}

std::string FinishSvg(const model::Program& p, const StatusReport& r) {
  svg::FinishChartInput in;
  const auto& q = r.forecast.percentiles;
  for (size_t i = 0; i < q.size(); ++i) in.cumulative.push_back({q[i], (i + 1) / 100.0});
  in.p50 = r.forecast.p50.date;
  in.p80 = r.forecast.p80.date;
  in.p90 = r.forecast.p90.date;
  in.target = p.target;
  in.target_chance = r.forecast.p_on_time;
  if (r.previous) in.last_week_p80 = r.previous->p80;
  in.status_date = r.as_of;
  return svg::FinishChart(in, {.id = "finish-chart", .title = "Finish date forecast"});
}

std::string EvmSvg(const model::Program& p, const StatusReport& r) {
  svg::EvmChartInput in;
  in.currency = p.currency;
  in.bac = r.evm.bac;
  if (p.budget && p.budget->ToDouble() != r.evm.bac) in.budget = p.budget->ToDouble();
  in.status_date = r.as_of;
  auto cal = plan::WorkCalendar::ForProgram(p);
  if (cal.ok() && r.evm.planned_duration > 0) {
    // The planned curve at about 60 points, always through the planned finish.
    const int64_t end = r.evm.planned_duration;
    const int64_t step = std::max<int64_t>(1, end / 60);
    for (int64_t k = 0;; k = std::min(end, k + step)) {
      in.pv.push_back(
          {cal->Day(std::max<int64_t>(k - 1, 0)), plan::PlannedValueThrough(r.evm.tasks, k)});
      if (k == end) break;
    }
  }
  std::vector<model::Actual> actuals = p.actuals;
  std::stable_sort(actuals.begin(), actuals.end(),
                   [](const auto& a, const auto& b) { return a.date < b.date; });
  double spent = 0;
  for (const auto& a : actuals) {
    if (a.date > r.as_of) break;
    spent += a.amount.ToDouble();
    in.ac.push_back({a.date, spent});
  }
  for (const auto& h : r.history) {
    if (h.as_of < r.as_of) in.ev.push_back({h.as_of, h.ev});
  }
  in.ev.push_back({r.as_of, r.evm.ev});
  return svg::EvmChart(in, {.id = "evm-chart", .title = "Earned value"});
}

}  // namespace

std::string RiskHeatMapSvg(const toolkit::RiskRegister& reg) { return RiskHeatMapSvg(reg, {}); }

std::string RiskHeatMapSvg(const toolkit::RiskRegister& reg,
                           const std::function<std::string(int, int)>& link) {
  svg::HeatMapInput in;
  in.link = link;
  in.counts = reg.heatmap;
  for (const auto& risk : reg.risks) {
    if (!toolkit::IsActive(risk.status)) continue;
    in.ids[risk.likelihood - 1][risk.severity - 1].push_back(risk.id);
  }
  return svg::HeatMap(in,
                      {.width = 420, .height = 320, .id = "heat-map", .title = "Risk heat map"});
}

std::string ScorecardTrendSvg(const toolkit::ScorecardResult& card) {
  svg::TrendChartInput in;
  for (const auto& t : card.trend) {
    if (t.score) in.points.push_back({t.date, *t.score});
  }
  return svg::TrendChart(
      in, {.width = 420, .height = 320, .id = "trend-chart", .title = "Scorecard trend"});
}

std::string StakeholderMatrixSvg(const toolkit::StakeholderMatrix& matrix) {
  svg::StakeholderMatrixInput in;
  for (const auto& s : matrix.stakeholders) {
    const svg::StakeholderStance stance =
        s.stance == model::Stance::kSupportive  ? svg::StakeholderStance::kSupportive
        : s.stance == model::Stance::kResistant ? svg::StakeholderStance::kResistant
                                                : svg::StakeholderStance::kNeutral;
    in.stakeholders.push_back({s.name, s.influence, s.impact, stance, s.overdue});
  }
  return svg::StakeholderMatrix(in, {.id = "stakeholder-matrix", .title = "Stakeholders"});
}

namespace {

std::string HeatSvg(const StatusReport& r) { return RiskHeatMapSvg(r.risks); }

std::string TrendSvg(const StatusReport& r) { return ScorecardTrendSvg(r.scorecard); }

std::string StakeholderSvg(const StatusReport& r) { return StakeholderMatrixSvg(r.stakeholders); }

std::string RoadmapSvg(const model::Program& p, const StatusReport& r) {
  svg::RoadmapInput in;
  in.target = p.target;
  in.status_date = r.as_of;
  size_t i = 0;
  for (const auto& project : p.projects) {
    for (const auto& t : project.tasks) {
      const size_t k = i++;
      if (!t.milestone || in.milestones.size() == kRoadmapRows) continue;
      if (k >= r.schedule.tasks.size() || k >= r.evm.tasks.size()) continue;
      const auto& s = r.schedule.tasks[k];
      in.milestones.push_back({t.name, r.evm.tasks[k].date, s.finish,
                               s.progress == plan::Progress::kFinished, s.deadline_missed});
    }
  }
  return svg::Roadmap(in, {.id = "roadmap", .title = "Milestones"});
}

}  // namespace

std::string StatusCss() {
  return R"(body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1a1a1a;max-width:980px;margin:24px auto;padding:0 16px;line-height:1.4}
h1{font-size:22px;margin:0 0 8px}h2{font-size:16px;margin:22px 0 8px;border-bottom:1px solid #ccc;padding-bottom:3px}
p.headline{font-size:15px;background:#f4f4f4;padding:10px 12px;border-left:5px solid #888}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 6px;border-bottom:1px solid #e2e2e2;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
.rag{display:inline-block;min-width:52px;text-align:center;font-weight:bold;border-radius:3px;padding:1px 4px;color:#fff}
.rag.green{background:#1b7837}.rag.amber{background:#b35806;color:#fff}.rag.red{background:#b2182b}.rag.none{background:#777}
.charts{display:flex;gap:12px}.charts figure{margin:0;flex:1 1 0;min-width:0}
svg{max-width:100%;height:auto}ul{margin:4px 0;padding-left:20px}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}figure,table,tr{break-inside:avoid}}
@page{size:A4;margin:14mm}
)";
}

StatusCharts BuildStatusCharts(const model::Program& p, const StatusReport& r) {
  return {FinishSvg(p, r), RoadmapSvg(p, r), EvmSvg(p, r),
          HeatSvg(r),      TrendSvg(r),      StakeholderSvg(r)};
}

std::string StatusHtml(const model::Program& p, const StatusReport& r, const StatusWords& w) {
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  h += "<title>" + Esc(w.title) + "</title>\n<style>\n" + StatusCss() +
       "</style>\n</head>\n<body>\n";
  h += StatusHtmlBody(p, r, w);
  h += "</body>\n</html>\n";
  return h;
}

std::string StatusHtmlBody(const model::Program& p, const StatusReport& r, const StatusWords& w) {
  std::string h;
  h += "<h1>" + Esc(w.title) + "</h1>\n";
  h += "<p class=\"headline\">" + Rag(w.overall) + " " + Esc(w.headline) + "</p>\n";
  h += "<h2>Health</h2>\n<table>\n<tr><th>Area</th><th>RAG</th><th>Why</th></tr>\n";
  for (const auto& a : w.areas) {
    h += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n", Esc(a.name), Rag(a.rag),
                     Esc(a.reason));
  }
  h += "</table>\n";
  if (!w.kpis.empty()) {
    h += "<h2>KPIs</h2>\n<table>\n<tr><th>KPI</th><th class=\"num\">Value</th><th>Target</th>"
         "<th>RAG</th><th>Trend</th></tr>\n";
    for (const auto& k : w.kpis) {
      h += fmt::format(
          "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
          Esc(k.label), Esc(k.value), Esc(k.target), Rag(k.rag), Esc(k.trend));
    }
    h += "</table>\n";
  }
  h += "<h2>Finish</h2>\n<ul>\n";
  for (const auto& s : w.finish) h += "<li>" + Esc(s) + "</li>\n";
  h += "</ul>\n<figure>" + FinishSvg(p, r) + "</figure>\n";
  h += "<figure>" + RoadmapSvg(p, r) + "</figure>\n";
  h += "<h2>Money</h2>\n<table>\n";
  for (const auto& [label, value] : w.money) {
    h += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td></tr>\n", Esc(label), Esc(value));
  }
  h += "</table>\n<p>" + Esc(w.money_note) + "</p>\n<figure>" + EvmSvg(p, r) + "</figure>\n";
  h += "<h2>Top risks</h2>\n";
  if (w.top_risks.empty()) {
    h += "<p>No risk is open or mitigating.</p>\n";
  } else {
    h += "<table>\n<tr><th>Risk</th><th class=\"num\">Score</th><th>Movement</th>"
         "<th class=\"num\">Expected cost</th><th>Owner</th><th>Title</th></tr>\n";
    for (const auto& k : w.top_risks) {
      h += fmt::format(
          "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>"
          "<td>{}</td><td>{}</td></tr>\n",
          Esc(k.id), k.score, Esc(k.movement.empty() ? "-" : k.movement), Esc(k.exposure),
          Esc(k.owner), Esc(k.title));
    }
    h += "</table>\n";
  }
  h += "<div class=\"charts\"><figure>" + HeatSvg(r) + "</figure><figure>" + TrendSvg(r) +
       "</figure></div>\n";
  h += "<h2>Waiting for a decision or action</h2>\n";
  if (w.awaiting.empty()) h += "<p>Nothing is waiting.</p>\n";
  if (!w.awaiting.empty()) {
    h += "<ul>\n";
    for (const auto& s : w.awaiting) h += "<li>" + Esc(s) + "</li>\n";
    h += "</ul>\n";
  }
  h += "<h2>Stakeholders</h2>\n";
  if (w.overdue_contacts.empty()) {
    h += "<p>No stakeholder is overdue for contact.</p>\n";
  } else {
    h += "<table>\n<tr><th>Overdue for contact</th><th>Quadrant</th><th>Last contact</th>"
         "<th>Due</th></tr>\n";
    for (const auto& s : w.overdue_contacts) {
      h += fmt::format("<tr><td>{} ({})</td><td>{}</td><td>{}</td><td>{}</td></tr>\n", Esc(s.name),
                       Esc(s.id), Esc(s.quadrant), Esc(s.last_contact), Esc(s.next_contact));
    }
    h += "</table>\n";
  }
  h += "<figure>" + StakeholderSvg(r) + "</figure>\n";
  h += "<h2>Audit readiness</h2>\n<ul>\n";
  for (const auto& s : w.readiness) h += "<li>" + Esc(s) + "</li>\n";
  h += "</ul>\n<h2>Changed " + Esc(w.changed_since) + "</h2>\n<ul>\n";
  for (const auto& s : w.changed) h += "<li>" + Esc(s) + "</li>\n";
  h += "</ul>\n";
  return h;
}

std::string StatusSubject(const StatusWords& w) {
  std::string rag = w.overall.empty() ? "NOT RATED" : w.overall;
  for (char& c : rag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return rag + ": " + w.title;
}

std::string StatusEmail(const StatusWords& w, const std::string& html,
                        const StatusEmailOptions& o) {
  std::string m;
  m += "From: " + o.from + "\n";
  m += "To: " + o.to + "\n";
  m += "Subject: " + HeaderText(StatusSubject(w)) + "\n";
  m += "Date: " + MailDate(o.date) + "\n";
  m += "Message-ID: <" + OneLine(o.message_id) + ">\n";
  m += "MIME-Version: 1.0\n";
  m += "Content-Type: multipart/alternative; boundary=\"" + o.boundary + "\"\n\n";
  m += "--" + o.boundary + "\nContent-Type: text/plain; charset=UTF-8\n";
  m += "Content-Transfer-Encoding: 8bit\n\n";
  m += EscapeControls(StatusText(w), {.keep_newlines = true});
  m += "\n--" + o.boundary + "\nContent-Type: text/html; charset=UTF-8\n";
  m += "Content-Transfer-Encoding: 8bit\n\n";
  m += html;
  m += "\n--" + o.boundary + "--\n";
  return Crlf(m);
}

}  // namespace tpmkit::report
