// A trade-off decision for people: the options x criteria table of `tpmkit decide`, the
// Markdown decision memo a steering committee can read as it is (`decide --memo`), and
// the JSON document of `decide --json` (cli.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/report/register_text.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

struct DecisionReportInput {
  const model::Program* program = nullptr;
  const model::Decision* decision = nullptr;
  toolkit::DecisionAnalysis analysis;
  toolkit::CommunicationPlan communication;  // who hears about the decision, and how
  int iterations = 10000;
  uint64_t seed = 1;
  std::optional<Date> as_of;
};

// What the decision rule gives. When the rule text contains "p_on_time" followed by
// ">= X", "of at least X" or "at least X", only the options whose p_on_time reaches X
// qualify and the recommendation is the best-ranked of them (none: nothing qualifies,
// and the top of the ranking is named as the fallback); otherwise the recommendation is
// the top of the ranking.
struct RuleOutcome {
  std::optional<double> p_on_time_floor;
  std::vector<std::string> qualifying;  // option ids, in ranking order
  std::string recommended;              // option id
  bool none_qualifies = false;
};
RuleOutcome ApplyDecisionRule(const model::Decision& decision,
                              const toolkit::DecisionAnalysis& analysis);

// The table: one row per option in ranking order with each criterion's score, the
// weighted score and the simulated metrics; then the sensitivity and the stakeholders'
// preferences in a sentence each.
std::string DecisionTableText(const DecisionReportInput& input, const RegisterTextOptions& o);

// The memo in Markdown: question and context, options with simulated dates,
// probabilities and costs, criteria and weights, ranking, robustness, stakeholders'
// preferences, the decision rule applied, the recommendation and its communication.
std::string DecisionMemoMarkdown(const DecisionReportInput& input);

// {"id","question","status","as_of","iterations","seed","criteria":[{"id","name","weight",
// "measure"}],"ranking":[{"option","name","rank","weighted_score","scores",
// "metrics":{"cost","finish","p80_finish","p_on_time","target"}}],"sensitivity":
// [{"criterion","weight","flip_at","new_top"}],"stakeholders":[{"stakeholder","name",
// "top_option","weighted_score"}],"recommendation","memo"}; memo null when absent.
std::string DecisionJson(const DecisionReportInput& input, const std::optional<std::string>& memo);

}  // namespace tpmkit::report
