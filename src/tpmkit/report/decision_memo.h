// A trade-off decision for people: the options x criteria table of `tpmkit decide`, the
// Markdown decision memo a steering committee can read as it is (`decide --memo`), and
// the JSON document of `decide --json` (cli.md). The decision rule is read and applied by
// toolkit::ApplyDecisionRule; this file only words its outcome.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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
// "top_option","weighted_score"}],"decision_rule":{"text","reading","conditions":
// [{"kind","value","date","against_target"}],"qualifying","none_qualifies"},
// "recommendation","memo"}; memo null when absent.
std::string DecisionJson(const DecisionReportInput& input, const std::optional<std::string>& memo);

}  // namespace tpmkit::report
