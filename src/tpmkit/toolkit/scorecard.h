// The program risk scorecard (computations.md section 4): the score and band of an
// assessment, the latest assessment, the trend, and ratings suggested from data.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

enum class Band { kLow, kModerate, kHigh, kCritical };
std::string_view BandName(Band b);  // low, moderate, high, critical

// low < 25 <= moderate < 50 <= high < 75 <= critical.
Band BandOf(double score);

// 100 * sum(w_i * (r_i - 1)) / (4 * sum(w_i)) over the criteria that have a rating in
// `ratings` (ratings of other ids are ignored). nullopt when no rated criterion has a
// positive total weight.
std::optional<double> ScoreRatings(const std::vector<model::Criterion>& criteria,
                                   const std::map<std::string, int>& ratings);

struct TrendPoint {
  Date date;
  std::string by;
  std::optional<double> score;
  std::optional<Band> band;
};

struct CriterionRating {
  std::string id;
  std::string name;
  double weight = 0;
  std::optional<int> rating;
};

struct ScorecardResult {
  std::vector<model::Criterion> criteria;  // program.EffectiveCriteria()
  // The latest assessment: greatest date; among equal dates the last in file order.
  std::optional<Date> date;
  std::string by;
  std::string notes;
  std::map<std::string, int> ratings;  // as the assessment states them
  std::vector<CriterionRating> rows;   // one per criterion, in criteria order
  std::optional<double> score;
  std::optional<Band> band;
  std::vector<TrendPoint> trend;  // every assessment by date (stable: file order on ties)
};

// O(a log a + a * c) for a assessments and c criteria.
ScorecardResult ComputeScorecard(const model::Program& program);

// Numbers the caller computes with the forecast and earned value.
struct SuggestInputs {
  std::optional<double> p_on_time;  // 0..1
  std::optional<double> cpi;
};

struct Suggestion {
  std::string criterion;
  std::optional<int> rating;  // nullopt: the data to suggest one is missing
  std::string reason;         // one sentence with the numbers
};

struct SuggestedRatings {
  std::vector<Suggestion> items;       // one per effective criterion, in criteria order
  std::map<std::string, int> ratings;  // the suggestions that have a rating
  std::optional<double> score;         // ScoreRatings(criteria, ratings)
  std::optional<Band> band;
};

// Ratings suggested from the data (see SuggestionRules). A criterion id tpmkit has no
// rule for gets no rating and a reason that says so.
SuggestedRatings SuggestRatings(const model::Program& program, const SuggestInputs& inputs);

// One row of the cut-off table: the criterion, the measure it reads, and for ratings
// 1..5 the condition (the first that holds, read from 1 to 5, gives the rating).
struct SuggestionRule {
  std::string_view criterion;
  std::string_view measure;
  std::string_view conditions[5];
};
std::span<const SuggestionRule> SuggestionRules();

// The cut-off table as lines of text for `scorecard --help`.
std::vector<std::string> SuggestionHelpLines();

// The individual mappings, exposed for tests and for callers that show one rule.
int ScheduleRating(double p_on_time);
int BudgetRating(double cpi);
// share = resistant key influence / all key influence, 0..1.
int AlignmentRating(double resistant_share);
// count = external dependencies not on track + open or mitigating vendor risks.
int VendorRating(int count);
// readiness in percent, 0..100.
int RegulatoryRating(double readiness);
// count and highest score of open or mitigating technical_feasibility risks.
int TechnicalRating(int count, int max_score);

// A key stakeholder has influence >= 4 (the manage_closely and keep_satisfied quadrants).
inline constexpr int kKeyInfluence = 4;

}  // namespace tpmkit::toolkit
