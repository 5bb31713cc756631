// The risk register of computations.md section 4: likelihood, score, residual score,
// exposure, the register's order and the 5x5 heat map of open and mitigating risks.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

// The likelihood rating of a probability: <= .1 -> 1, <= .3 -> 2, <= .5 -> 3,
// <= .7 -> 4, else 5 (a probability at or below 0 rates 1).
int LikelihoodFromProbability(double probability);

// likelihood(probability) * severity, 1..25 (severity clamped to 1..5).
int RiskScore(const model::Risk& risk);

// The score of the residual (probability, severity); nullopt without a residual.
std::optional<int> ResidualScore(const model::Risk& risk);

// True for the statuses the heat map and the forecast count: open and mitigating.
bool IsActive(const model::Risk& risk);
bool IsActive(model::RiskStatus status);

struct RiskRow {
  std::string id;
  std::string title;
  std::string category;
  std::string owner;
  model::RiskStatus status = model::RiskStatus::kOpen;
  double probability = 0;
  int likelihood = 1;
  int severity = 1;
  int score = 1;
  std::optional<int> residual_score;
  // probability * impact.cost in currency units; nullopt when the risk states no cost.
  std::optional<double> exposure_cost;
  // probability * impact.schedule in working days; nullopt when it states no schedule.
  std::optional<double> exposure_days;
  std::string mitigation;
  std::optional<Date> response_due;
};

// heatmap[likelihood - 1][severity - 1] = number of open or mitigating risks.
using Heatmap = std::array<std::array<int, 5>, 5>;

struct RiskRegister {
  std::vector<RiskRow> risks;  // every risk, in register order
  Heatmap heatmap{};
  int active = 0;  // open + mitigating
};

// The register of `program.risks`: every risk (all statuses), ordered by score
// descending, exposure_cost descending (an absent exposure ranks as 0), then id
// ascending (byte order). O(n log n).
RiskRegister ComputeRiskRegister(const model::Program& program);

}  // namespace tpmkit::toolkit
