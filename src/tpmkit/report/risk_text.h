// The risk scorecard and the risk register in words and as the JSON documents of cli.md
// (scorecard, scorecard assess, risks, risk add|update|close).
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::report {

// The latest assessment (ratings per criterion, notes), the trend and, when given, the
// suggested ratings with one reason each; "Program ID has no scorecard assessment yet."
// when there is none.
std::string ScorecardText(const model::Program& program, const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested);
// {"score","band","date","by","ratings":{criterion: rating},"trend":[{"date","by","score",
// "band"}],"suggested":null | {"ratings","score","band","reasons":{criterion: sentence}}}.
std::string ScorecardJson(const toolkit::ScorecardResult& card,
                          const std::optional<toolkit::SuggestedRatings>& suggested);
// How the suggestions rate each criterion, one line each (scorecard --help).
std::string ScorecardSuggestionHelp();

// What `scorecard assess` recorded: the assessment's date and the scorecard once recorded.
struct RecordedAssessment {
  std::string program;
  std::string by;
  Date date;
  const toolkit::ScorecardResult& scorecard;
  size_t changed = 0;  // audit entries written
};
std::string AssessText(const RecordedAssessment& recorded);
std::string AssessJson(const RecordedAssessment& recorded);  // {"program","date","score",
                                                             //  "band","changed"}

// The 5x5 heat map of open and mitigating risks: likelihood rows 5 to 1, severity
// columns 1 to 5, "." for an empty cell.
std::string RiskHeatmapText(const toolkit::Heatmap& heatmap);
// The register table (register order), then the heat map; "Program ID has no risks in
// its register." when empty. The program names the register and its currency.
std::string RiskRegisterText(const model::Program& program, const toolkit::RiskRegister& reg);
// {"risks":[{"id","title","category","owner","status","probability","likelihood",
// "severity","score","residual_score","exposure_cost","exposure_days","response_due"}],
// "heatmap":[[5 counts] x 5],"active"}; absent values null.
std::string RiskRegisterJson(const toolkit::RiskRegister& reg);

// What a risk add, update or close did.
enum class RiskEditKind { kAdd, kUpdate, kClose };
struct RiskEdit {
  RiskEditKind kind = RiskEditKind::kUpdate;
  std::string program;
  std::string risk;
  size_t changed = 0;  // audit entries written
};
// "Added risk R-20 of phoenix (1 change recorded in the audit trail)." or "Risk R-20 of
// phoenix is unchanged."
std::string RiskEditText(const RiskEdit& edit);
std::string RiskEditJson(const RiskEdit& edit);  // {"program","risk","changed"}

}  // namespace tpmkit::report
