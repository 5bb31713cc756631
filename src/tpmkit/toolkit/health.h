// Program health (computations.md section 9): a red/amber/green rating per KPI that
// has a target, per group, and overall. The caller computes the KPI values (earned
// value, forecast, audit readiness, scorecard) and passes them in.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/model/program.h"

namespace tpmkit::toolkit {

enum class Rag { kGreen, kAmber, kRed };  // ordered best to worst
std::string_view RagName(Rag r);          // green, amber, red

struct KpiValues {
  std::optional<double> spi;
  std::optional<double> cpi;
  std::optional<double> p_on_time;     // 0..1
  std::optional<double> readiness;     // percent
  std::optional<double> satisfaction;  // mean rating; see MeanSatisfaction
  std::optional<double> risk_score;    // latest scorecard score, 0..100
};

// The mean of the stakeholders' satisfaction ratings; nullopt when none has one.
std::optional<double> MeanSatisfaction(const model::Program& program);

// Met: value >= target (value <= target for risk_score). Otherwise amber when the miss
// is at most 10% of |target| (relative), else red. A miss within 1e-9 of the 10% line
// counts as amber, so that 0.9 against 1.0 is amber despite rounding.
Rag RateKpi(double value, double target, bool lower_is_better);

struct KpiHealth {
  std::string name;   // spi, cpi, p_on_time, readiness, satisfaction, risk_score
  std::string group;  // schedule, cost, risk, compliance, stakeholders
  std::optional<double> value;
  double target = 0;
  bool lower_is_better = false;
  std::optional<Rag> rag;  // nullopt when the value is unknown
};

struct GroupHealth {
  std::string name;
  std::optional<Rag> rag;  // the worst of its KPIs with a rating; nullopt when none
};

struct Health {
  std::vector<KpiHealth> kpis;      // the KPIs with a target, in the order above
  std::vector<GroupHealth> groups;  // schedule, cost, risk, compliance, stakeholders
  std::optional<Rag> overall;       // the worst group; nullopt when nothing is rated
};

Health ComputeHealth(const model::Targets& targets, const KpiValues& values);

}  // namespace tpmkit::toolkit
