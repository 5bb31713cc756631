// The weekly status report in words (status_text.cc builds them once) and its renderings:
// plain text, Markdown, a self-contained HTML page with SVG charts (which also prints to
// PDF), a multipart email, and the JSON document of spec/cli.md. Every rendering says the
// same sentences with the same numbers.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/status.h"

namespace tpmkit::report {

// The report's words, built once from the figures.
struct StatusWords {
  struct Area {
    std::string name;  // "Schedule"
    std::string rag;   // green, amber, red, or "" when nothing rates it
    std::string reason;
  };
  struct Kpi {
    std::string name;   // spi, cpi, ...
    std::string label;  // "SPI"
    std::string value, target, rag, trend;
  };
  struct Risk {
    std::string id, title, owner, movement, exposure;
    int score = 0;
  };
  struct Contact {
    std::string id, name, quadrant, last_contact, next_contact;
  };
  std::string title;    // "Weekly status of Project Phoenix, as of 2026-06-15"
  std::string overall;  // green, amber, red, or ""
  std::string headline;
  std::vector<Area> areas;
  std::vector<Kpi> kpis;
  std::vector<std::string> finish;                         // sentences
  std::vector<std::pair<std::string, std::string>> money;  // label, amount
  std::string money_note;
  std::vector<Risk> top_risks;
  std::vector<std::string> awaiting;  // decisions and changes waiting for someone
  std::vector<Contact> overdue_contacts;
  std::vector<std::string> readiness;
  std::vector<std::string> changed;  // since the previous snapshot
  std::string changed_since;         // "since the snapshot of 2026-06-08" or "in the last 7 days"
};

StatusWords BuildStatusWords(const model::Program& program, const toolkit::StatusReport& status);

std::string StatusText(const StatusWords& words);
std::string StatusMarkdown(const StatusWords& words);
// A complete HTML document: inline SVG charts, inline CSS, no script, no external asset.
std::string StatusHtml(const model::Program& program, const toolkit::StatusReport& status,
                       const StatusWords& words);
// The body of StatusHtml (the title to the last section, no <html>, <head> or <style>),
// for pages that lay it out in their own frame (the web app, with its own style sheet).
std::string StatusHtmlBody(const model::Program& program, const toolkit::StatusReport& status,
                           const StatusWords& words);

// The report's charts, each a complete SVG document (ids "finish-chart", "roadmap",
// "evm-chart", "heat-map", "trend-chart", "stakeholder-matrix"), for pages that place
// them themselves (the web app's dashboard).
struct StatusCharts {
  std::string finish, roadmap, evm, heat_map, trend, stakeholders;
};
StatusCharts BuildStatusCharts(const model::Program& program, const toolkit::StatusReport& status);

// The 5x5 heat map of the register's open and mitigating risks, with their ids (the
// chart of the status report and of the web app's risk page; id "heat-map").
std::string RiskHeatMapSvg(const toolkit::RiskRegister& reg);
// The same, each cell with risks linking to `link(likelihood, severity)` (the web app's
// dashboard links them to the register filtered to the cell).
std::string RiskHeatMapSvg(const toolkit::RiskRegister& reg,
                           const std::function<std::string(int, int)>& link);

// The scorecard's trend (id "trend-chart") and the stakeholder matrix with overdue
// contacts ringed (id "stakeholder-matrix"): charts of the status report and of the web
// app's scorecard and stakeholder pages.
std::string ScorecardTrendSvg(const toolkit::ScorecardResult& card);
std::string StakeholderMatrixSvg(const toolkit::StakeholderMatrix& matrix);

// {"program","name","as_of","health","areas","headline","kpis","finish","money","top_risks",
//  "awaiting","stakeholders_overdue","readiness","changed","previous","snapshot_taken"}
std::string StatusJson(const model::Program& program, const toolkit::StatusReport& status,
                       const StatusWords& words);

// The page's style sheet (inline in StatusHtml; the server allows it by its hash).
std::string StatusCss();

// "AMBER: Weekly status of Project Phoenix, as of 2026-06-15".
std::string StatusSubject(const StatusWords& words);

struct StatusEmailOptions {
  std::string from;  // a whole header value: "Name <address>" (already encoded)
  std::string to;
  Date date;               // the Date header: 09:00 UTC on this day (deterministic)
  std::string message_id;  // without angle brackets
  // Must not occur in the text or the HTML; the default cannot (it has a space and "=").
  std::string boundary = "=_tpmkit status_=";
};
// A MIME message (multipart/alternative: the text, then the HTML), CRLF line ends.
std::string StatusEmail(const StatusWords& words, const std::string& html,
                        const StatusEmailOptions& options);

}  // namespace tpmkit::report
