// Trade-off decisions (computations.md §7): scores per option and criterion (manual
// ratings, or measured metrics mapped onto 1..5), weighted scores, the ranking, how far
// each criterion's weight can move before the top option changes (flip_at), and each
// stakeholder's own top option. The metrics of each option (cost, finish, p80 finish,
// probability of making the target) come from simulating its scenario: MeasureOptions
// does that with SimulateOption (option_simulation.h).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/money.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/option_simulation.h"

namespace tpmkit::toolkit {

// The value of `measure` in `metrics` as a number (money in currency units, dates as
// days since 1970-01-01); nullopt when unknown.
std::optional<double> MetricValue(const OptionMetrics& metrics, model::Measure measure);
// cost, finish and p80_finish are better when lower; p_on_time when higher.
bool LowerIsBetter(model::Measure measure);

// Maps measured values linearly onto 1..5: the worst known value scores 1, the best 5;
// when all known values are equal they all score 5. An unknown value scores 1 (nothing
// can be credited to it) and is left out of the worst and best.
std::vector<double> MapMeasuredScores(const std::vector<std::optional<double>>& values,
                                      bool lower_is_better);

// Two weighted scores closer than this are a tie (ranked by option id).
inline constexpr double kScoreTieTolerance = 1e-9;

struct ScoredOption {
  std::string option;
  std::string name;
  // sum(w_i * s_i) / sum(w_i) over the criteria the option has a score for (a measured
  // criterion always has one; a manual criterion without a rating is left out, as the
  // scorecard does). 0 when those weights sum to 0.
  double weighted_score = 0;
  std::map<std::string, double> scores;  // criterion id -> 1..5
  std::optional<OptionMetrics> metrics;
  int rank = 0;  // 1 = top
};

struct CriterionSensitivity {
  std::string criterion;
  std::string name;
  double weight = 0;
  // The weight in [0, 100], nearest the current one (the smaller of two equally near),
  // with the other weights unchanged, at which another option's weighted score equals
  // the top option's and beyond which that option is ahead; nullopt when there is none.
  std::optional<double> flip_at;
  std::string new_top;  // the option ahead beyond flip_at (empty when flip_at is null)
};

struct StakeholderPreference {
  std::string stakeholder;  // the key of stakeholder_weights (a stakeholder id)
  std::string name;         // the stakeholder's name when the key is a known id
  // The options ranked with the stakeholder's weights; a criterion the stakeholder does
  // not list weighs 0. Empty top_option when all of its weights are 0.
  std::string top_option;
  double weighted_score = 0;
};

struct DecisionAnalysis {
  std::string id;
  std::vector<ScoredOption> ranking;                // weighted score descending, then option id
  std::vector<CriterionSensitivity> sensitivity;    // in criteria order
  std::vector<StakeholderPreference> stakeholders;  // in key order
};

// Scores and ranks the options of `decision`. `metrics` maps option id -> metrics and is
// needed for every option when a criterion has a `measure` (kInvalidInput otherwise).
// `program` supplies stakeholder names. Errors: kInvalidInput for a decision without
// options or a missing metric.
Result<DecisionAnalysis> AnalyzeDecision(const model::Program& program,
                                         const model::Decision& decision,
                                         const std::map<std::string, OptionMetrics>& metrics);

// The weighted score of one option as a function of one criterion's weight w:
// S(w) = (base_sum + w * score) / (base_weight + w * has_score).
struct ScoreLine {
  double base_sum = 0;     // sum of w_i * s_i over the other criteria with a score
  double base_weight = 0;  // sum of their weights
  double score = 0;        // the option's score on the criterion (0 when it has none)
  bool has_score = false;
  double At(double w) const;
};

// The w in [lo, hi] nearest `current` (the smaller of two equally near) where
// `challenger` and `top` have equal scores and the challenger is ahead right beyond it
// (a crossing, not a touch). Solved in closed form: the difference of two such rational
// functions has the sign of a polynomial of degree <= 2 in w.
std::optional<double> CrossingNearest(const ScoreLine& top, const ScoreLine& challenger,
                                      double current, double lo = 0, double hi = 100);

// Simulates each option's scenario (plan::ApplyScenario, then SimulateOption with the
// given iterations and seed). Each option's cost is its forecast final cost: the
// program's (money_position.h, as of options.as_of, else status_date) plus the cost the
// scenario adds to the plan (negative for a saving). Errors: those of the scenario (prefixed with
// the decision and the option), the schedule and the forecast. O(options * iterations * (tasks +
// links)).
Result<std::map<std::string, OptionMetrics>> MeasureOptions(const model::Program& program,
                                                            const model::Decision& decision,
                                                            const SimulationOptions& options);

}  // namespace tpmkit::toolkit
