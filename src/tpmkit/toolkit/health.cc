#include "tpmkit/toolkit/health.h"

#include <algorithm>
#include <cmath>

namespace tpmkit::toolkit {

namespace {

// The relative miss within which a KPI is amber rather than red.
constexpr double kAmberShare = 0.10;
constexpr double kTolerance = 1e-9;

std::optional<Rag> Worse(std::optional<Rag> a, std::optional<Rag> b) {
  if (!a) return b;
  if (!b) return a;
  return std::max(*a, *b);
}

}  // namespace

std::string_view RagName(Rag r) {
  switch (r) {
    case Rag::kGreen:
      return "green";
    case Rag::kAmber:
      return "amber";
    case Rag::kRed:
      return "red";
  }
  return "";
}

std::optional<double> MeanSatisfaction(const model::Program& program) {
  double sum = 0;
  int n = 0;
  for (const auto& s : program.stakeholders) {
    if (!s.satisfaction) continue;
    sum += *s.satisfaction;
    ++n;
  }
  if (n == 0) return std::nullopt;
  return sum / n;
}

Rag RateKpi(double value, double target, bool lower_is_better) {
  const double miss = lower_is_better ? value - target : target - value;
  if (miss <= 0) return Rag::kGreen;
  if (miss <= kAmberShare * std::fabs(target) + kTolerance) return Rag::kAmber;
  return Rag::kRed;
}

Health ComputeHealth(const model::Targets& targets, const KpiValues& values) {
  struct Spec {
    const char* name;
    const char* group;
    const std::optional<double>& target;
    const std::optional<double>& value;
    bool lower_is_better;
  };
  const Spec specs[] = {
      {"spi", "schedule", targets.spi, values.spi, false},
      {"cpi", "cost", targets.cpi, values.cpi, false},
      {"p_on_time", "schedule", targets.p_on_time, values.p_on_time, false},
      {"readiness", "compliance", targets.readiness, values.readiness, false},
      {"satisfaction", "stakeholders", targets.satisfaction, values.satisfaction, false},
      {"risk_score", "risk", targets.risk_score, values.risk_score, true},
  };
  Health out;
  for (const char* g : {"schedule", "cost", "risk", "compliance", "stakeholders"}) {
    out.groups.push_back({g, std::nullopt});
  }
  for (const auto& s : specs) {
    if (!s.target) continue;
    KpiHealth k{s.name, s.group, s.value, *s.target, s.lower_is_better, std::nullopt};
    if (s.value) k.rag = RateKpi(*s.value, *s.target, s.lower_is_better);
    for (auto& g : out.groups) {
      if (g.name == k.group) g.rag = Worse(g.rag, k.rag);
    }
    out.kpis.push_back(std::move(k));
  }
  for (const auto& g : out.groups) out.overall = Worse(out.overall, g.rag);
  return out;
}

}  // namespace tpmkit::toolkit
