// The words of the web app's register pages (scorecard, stakeholders, decisions, change
// requests): each table cell as the text the page prints, computed from what the use
// cases return. The fixed wording of the pages is in their templates (web/templates/);
// longer texts (the communication plan, the memo, the change's advice) are the CLI's own.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/decision_rule.h"
#include "tpmkit/toolkit/decisions.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::report {

// One criterion of the latest assessment.
struct CriterionWords {
  std::string id, name;
  std::string weight;    // "25"
  std::string rating;    // "4", "-" when not rated
  std::string weighted;  // the points it adds to the score of 100: "18.8", "-"
  std::string band;      // the band of its rating alone: "high", "-"
};
// In criteria order. `weighted` is the criterion's term of the score (computations.md
// section 4): 100 * w * (r - 1) / (4 * the weights of the rated criteria), so the column
// sums to the score.
std::vector<CriterionWords> CriterionRowsOf(const toolkit::ScorecardResult& card);

// "38.5 of 100 (moderate)", or "not scored" without a score.
std::string ScoreWords(const std::optional<double>& score,
                       const std::optional<toolkit::Band>& band);

// What the data suggests for one criterion, beside its field: "Suggested: 4. REASON" or
// "No suggestion: REASON".
std::string SuggestionWords(const toolkit::Suggestion& suggestion);

// One stakeholder of the matrix, in its order.
struct StakeholderWords {
  std::string id, name, role, quadrant, stance, channel;
  std::string influence, impact, priority;  // "5", "4", "20"
  std::string cadence;                      // "every 7 days", "every 14 days (quadrant default)"
  std::string last_contact;                 // "2026-06-12", "never"
  std::string next_contact;  // "2026-06-19", "2026-06-08 (overdue)", "now (never contacted)"
  bool overdue = false;
};
std::vector<StakeholderWords> StakeholderRowsOf(const toolkit::StakeholderMatrix& matrix);
// How many are overdue for contact: "1 stakeholder is", "3 stakeholders are".
std::string OverdueWords(const toolkit::StakeholderMatrix& matrix);

// One decision of the register.
struct DecisionRowWords {
  std::string id, question, status;
  std::string chosen;   // "cut-scope", "-" while open
  std::string options;  // "3 options"
};
std::vector<DecisionRowWords> DecisionRowsOf(const model::Program& program);

// One option of a decision's ranking: its score per criterion in the decision's criteria
// order and the simulated metrics.
struct OptionWords {
  std::string rank, option, name;
  std::vector<std::string> scores;  // "4.00", "-" when the option has none
  std::string weighted;             // "3.62"
  std::string cost, finish, p80_finish, p_on_time;
  bool top = false;
};
std::vector<OptionWords> OptionRowsOf(const model::Program& program,
                                      const model::Decision& decision,
                                      const toolkit::DecisionAnalysis& analysis);
// The heading of each criterion column: "p80 (30)".
std::vector<std::string> CriterionHeadings(const model::Decision& decision);
// One sentence per criterion: "p80: weight 30 now; at 12.5 cut-scope takes the top." or
// "...; no weight from 0 to 100 changes the top.", as `decide` says it.
std::vector<std::string> SensitivityLines(const toolkit::DecisionAnalysis& analysis);
// One sentence per stakeholder with weights of their own: "Robert Okafor (cfo) would rank
// cut-scope first (3.80)."
std::vector<std::string> PreferenceLines(const toolkit::DecisionAnalysis& analysis);

// "Recommended by the decision rule: cut-scope." with, as `decide` says it, why the top of
// the ranking stands in when no option meets the rule or the rule cannot be read; "" when
// there is nothing to recommend.
std::string RecommendationLine(const toolkit::RuleOutcome& rule);

// One change request of the register.
struct ChangeRowWords {
  std::string id, title, requested_by, requested_on, status;
  std::string schedule;  // "5 working days", "-"
  std::string cost;      // "64,000 USD", "-"
  std::string decided;   // the last approval: "approved by Dana Lee on 2026-04-22", "-"
  bool proposed = false;
};
std::vector<ChangeRowWords> ChangeRowsOf(const model::Program& program);

// One row of the without/with table of a change's assessment.
struct ComparisonWords {
  std::string label, without, with;
};
// Planned finish, P80 finish, chance on time and forecast final cost, as `changes assess`
// prints them.
std::vector<ComparisonWords> ChangeComparisonOf(const model::Program& program,
                                                const toolkit::ChangeAssessment& assessment);
// "Approve" or "Say no", the recommendation in a word for the page's heading.
std::string RecommendationWords(toolkit::ChangeRecommendation recommendation);

}  // namespace tpmkit::report
