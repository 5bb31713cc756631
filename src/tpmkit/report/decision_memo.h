// A trade-off decision for people: the options x criteria table of `tpmkit decide`, the
// Markdown decision memo a steering committee can read as it is (`decide --memo`), and
// the JSON document of `decide --json` (cli.md).
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

// How the decision rule was read (docs/computations-notes.md, "Decision rule"). The
// rule text is free; these parts are recognised, anywhere in it and in any case:
// - "p_on_time" (or "chance/probability of finishing on time") then ">= X", "at least X"
//   or "no less than X": X as a fraction, or a percentage with "%" or when above 1;
// - "p80_finish" (or "p80") then "on or before", "by", "<=" or "no later than", then a
//   date YYYY-MM-DD or "target" (each option's target in force under its scenario);
// - "cost" then "at most", "<=", "no more than", "within" (inclusive) or "under",
//   "below", "less than", "<" (strict), then an amount (commas, "k"/"m" suffixes and the
//   program's currency code accepted) or "budget" (the program's effective budget);
// - "highest weighted score", "highest score", "best score", "top of the ranking",
//   "highest-ranked" or "top-ranked": the ranking picks among the qualifying options.
enum class RuleReading {
  kNone,        // no rule written: the ranking decides
  kRead,        // at least one part recognised
  kUnreadable,  // text that has no recognised part: the ranking decides
};

enum class RuleConditionKind { kPOnTimeAtLeast, kP80OnOrBefore, kCostAtMost, kCostBelow };

struct RuleCondition {
  RuleConditionKind kind = RuleConditionKind::kPOnTimeAtLeast;
  double value = 0;             // the p_on_time floor (0..1) or the amount (units)
  std::optional<Date> date;     // kP80OnOrBefore: a fixed date ...
  bool against_target = false;  // ... or each option's target in force
};

struct RuleOutcome {
  RuleReading reading = RuleReading::kNone;
  std::vector<RuleCondition> conditions;
  bool names_ranking = false;           // the text names the highest weighted score
  std::vector<std::string> qualifying;  // option ids meeting every condition, ranking order
  std::string recommended;              // option id; empty only without options
  bool none_qualifies = false;          // conditions exist and no option meets them all: the top
                                        // of the ranking is named as the fallback
};

// Reads the rule text of `decision` (see above).
RuleOutcome ReadDecisionRule(const model::Program& program, const model::Decision& decision);

// Reads the rule and applies it to the ranking: the recommendation is the best-ranked
// option that meets every condition; with no condition, the top of the ranking.
RuleOutcome ApplyDecisionRule(const model::Program& program, const model::Decision& decision,
                              const toolkit::DecisionAnalysis& analysis);

// Whether `metrics` meets `condition` (false when the metric it needs is unknown).
bool MeetsCondition(const RuleCondition& condition, const toolkit::OptionMetrics& metrics);

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
