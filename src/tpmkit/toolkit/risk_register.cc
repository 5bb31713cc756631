#include "tpmkit/toolkit/risk_register.h"

#include <algorithm>
#include <tuple>

namespace tpmkit::toolkit {

namespace {
int ClampRating(int r) { return std::clamp(r, 1, 5); }
}  // namespace

int LikelihoodFromProbability(double probability) {
  if (probability <= 0.1) return 1;
  if (probability <= 0.3) return 2;
  if (probability <= 0.5) return 3;
  if (probability <= 0.7) return 4;
  return 5;
}

int RiskScore(const model::Risk& risk) {
  return LikelihoodFromProbability(risk.probability) * ClampRating(risk.severity);
}

std::optional<int> ResidualScore(const model::Risk& risk) {
  if (!risk.residual) return std::nullopt;
  return LikelihoodFromProbability(risk.residual->probability) *
         ClampRating(risk.residual->severity);
}

bool IsActive(model::RiskStatus status) {
  return status == model::RiskStatus::kOpen || status == model::RiskStatus::kMitigating;
}

bool IsActive(const model::Risk& risk) { return IsActive(risk.status); }

RiskRegister ComputeRiskRegister(const model::Program& program) {
  RiskRegister out;
  out.risks.reserve(program.risks.size());
  for (const auto& r : program.risks) {
    RiskRow row;
    row.id = r.id;
    row.title = r.title;
    row.category = r.category;
    row.owner = r.owner;
    row.status = r.status;
    row.probability = r.probability;
    row.likelihood = LikelihoodFromProbability(r.probability);
    row.severity = ClampRating(r.severity);
    row.score = row.likelihood * row.severity;
    row.residual_score = ResidualScore(r);
    if (r.impact && r.impact->cost) row.exposure_cost = r.probability * r.impact->cost->ToDouble();
    if (r.impact && r.impact->schedule) row.exposure_days = r.probability * *r.impact->schedule;
    row.mitigation = r.mitigation;
    row.response_due = r.response_due;
    if (IsActive(r)) {
      ++out.heatmap[row.likelihood - 1][row.severity - 1];
      ++out.active;
    }
    out.risks.push_back(std::move(row));
  }
  std::sort(out.risks.begin(), out.risks.end(), [](const RiskRow& a, const RiskRow& b) {
    const double ea = a.exposure_cost.value_or(0);
    const double eb = b.exposure_cost.value_or(0);
    return std::tie(b.score, eb, a.id) < std::tie(a.score, ea, b.id);
  });
  return out;
}

}  // namespace tpmkit::toolkit
