// The decision rule of a trade-off decision (docs/computations-notes.md, "Decision rule"):
// reading the free text of `decision_rule` into conditions on the simulated metrics, and
// applying them to the ranking to name the recommended option. report/ words the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/decisions.h"

namespace tpmkit::toolkit {

// How the decision rule was read. The rule text is free; these parts are recognised,
// anywhere in it and in any case:
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

// Reads the rule text of `decision` (see above); `program` gives the currency code and
// the effective budget. Conditions appear once each, in the order above. O(rule length).
RuleOutcome ReadDecisionRule(const model::Program& program, const model::Decision& decision);

// Reads the rule and applies it to the ranking: the recommendation is the best-ranked
// option that meets every condition; with no condition, the top of the ranking.
RuleOutcome ApplyDecisionRule(const model::Program& program, const model::Decision& decision,
                              const DecisionAnalysis& analysis);

// Whether `metrics` meets `condition` (false when the metric it needs is unknown).
bool MeetsCondition(const RuleCondition& condition, const OptionMetrics& metrics);

// The stable names the JSON document uses (cli.md `decide --json`): "p_on_time_at_least",
// "p80_finish_on_or_before", "cost_at_most", "cost_below"; "none", "read", "unreadable".
std::string_view Name(RuleConditionKind kind);
std::string_view Name(RuleReading reading);

}  // namespace tpmkit::toolkit
