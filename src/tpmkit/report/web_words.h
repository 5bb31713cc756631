// The words of the web app's pages that no other rendering already says: the program
// header every program page shows (overall RAG, P80 vs target), the portfolio's rows and
// the risk register's rows, each cell as the text the page prints. The status report's
// words (status_report.h) fill the dashboard; the pages' fixed wording is in their
// templates (web/templates/).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/status.h"

namespace tpmkit::report {

// How a page names a RAG rating: "green" -> "Green", "" -> "Not rated".
std::string RagLabel(const std::string& rag);

// The headline of a program: what its header says on every page.
struct HeadlineWords {
  std::string rag;        // green, amber, red, or "" when nothing rates it
  std::string rag_label;  // "Green", "Amber", "Red", "Not rated"
  std::string p80;        // "2026-09-30", or "not forecast"
  std::string target;     // "2026-09-15", or "no target"
  std::string slip;       // "11 working days after the target", "on the target", ""
  std::string chance;     // "42 %", "" without a target
  std::string score;      // the latest scorecard score "3.4", "" without one
  std::string readiness;  // "80 %", "" without audit items
};
HeadlineWords HeadlineOf(const toolkit::StatusFigures& figures);

// One program of the portfolio; `problem` is set (and the headline empty) when its plan
// cannot be scheduled.
struct PortfolioRowWords {
  std::string id;
  std::string name;
  HeadlineWords headline;
  std::string budget;  // "1,200,000 USD"
  std::string eac;     // "1,260,000 USD", "not yet known"
  std::string problem;
};
PortfolioRowWords PortfolioRowOf(const std::string& id, const std::string& name,
                                 const std::string& currency,
                                 const std::optional<toolkit::StatusFigures>& figures,
                                 const std::string& problem);

// One row of the risk register table, in the register's order.
struct RiskRowWords {
  std::string id, title, category, owner, status;
  std::string probability;  // "0.30"
  std::string severity;     // "4"
  std::string score;        // "12"
  std::string exposure;     // "3,000 USD, 2 days", "-" when the risk states no impact
  std::string response_due;
  bool active = false;  // open or mitigating
};
std::vector<RiskRowWords> RiskRowsOf(const model::Program& program,
                                     const toolkit::RiskRegister& reg);

// Why a form was refused as stale (HTTP 412): who changed the program last and when, from
// its newest audit entry (`actor` "" when unknown), and what to do. "Program phoenix was
// changed by ed at 2026-06-15T09:12:00Z (update of risk R-3) after this form was loaded.
// Nothing was saved: review the program as it is now, then submit again."
std::string StaleFormText(const std::string& program, const std::string& actor,
                          const std::string& at, const std::string& what);

}  // namespace tpmkit::report
