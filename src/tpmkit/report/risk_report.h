// The risk register for people (a table and the 5x5 heat map) and as the JSON of
// `tpmkit risks --json` (cli.md).
#pragma once

#include <string>

#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/risk_register.h"

namespace tpmkit::report {

// The heat map drawn in text: likelihood rows 5 (top) to 1, severity columns 1 to 5,
// the count of open and mitigating risks in each cell ("." for none), axis labels.
// With colour, a count is green for a cell score (likelihood x severity) up to 4,
// yellow from 5 to 11 and red from 12.
std::string RiskHeatmapText(const toolkit::Heatmap& heatmap, const RegisterTextOptions& o);

// The register table (register order), then the heat map. `currency` labels exposure.
std::string RiskRegisterText(const toolkit::RiskRegister& reg, std::string_view currency,
                             const RegisterTextOptions& o);

// {"risks":[{"id","title","category","owner","status","probability","likelihood",
// "severity","score","residual_score","exposure_cost","exposure_days"}],
// "heatmap":[[5 counts] x 5]} with heatmap[likelihood-1][severity-1]; absent values null.
std::string RiskRegisterJson(const toolkit::RiskRegister& reg);

}  // namespace tpmkit::report
