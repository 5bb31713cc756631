// The portfolio (`portfolio`): every program of the workspace on one line or row, with
// its health, P80 against the target, money and readiness; text, HTML and JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/toolkit/status.h"

namespace tpmkit::report {

struct PortfolioRow {
  std::string id;
  std::string name;
  std::string currency;
  std::optional<toolkit::StatusFigures> figures;  // absent when the plan cannot be scheduled
  std::string problem;                            // why, then
};

std::string PortfolioText(const std::vector<PortfolioRow>& rows);
// A complete page (the status report's style sheet).
std::string PortfolioHtml(const std::vector<PortfolioRow>& rows);
// {"programs":[{"id","name","currency","as_of","health","target","p50","p80","p80_slip_days",
//  "p_on_time","score","readiness","budget","eac","variance","active_risks","exposure_cost",
//  "problem"}]}
std::string PortfolioJson(const std::vector<PortfolioRow>& rows);

}  // namespace tpmkit::report
