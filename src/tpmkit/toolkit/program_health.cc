#include "tpmkit/toolkit/program_health.h"

#include <algorithm>

#include "tpmkit/toolkit/scorecard.h"

namespace tpmkit::toolkit {

namespace {

struct Rated {
  std::optional<Rag> rag;
  HealthRule rule = HealthRule::kNone;
};

// Keeps the worse of the two; a KPI stays the reason on a tie (it is what was agreed).
void Take(AreaHealth& area, Rated r, const std::string& kpi = "") {
  if (!r.rag) return;
  if (area.rag && *r.rag <= *area.rag) return;
  area.rag = r.rag;
  area.rule = r.rule;
  area.kpi = kpi;
}

Rated ScheduleRule(const HealthInputs& in) {
  if (!in.p80_slip || !in.p50_slip) return {};
  if (*in.p80_slip <= 0) return {Rag::kGreen, HealthRule::kForecast};
  if (*in.p50_slip <= 0) return {Rag::kAmber, HealthRule::kForecast};
  return {Rag::kRed, HealthRule::kForecast};
}

Rated CostRule(const HealthInputs& in) {
  if (!in.eac || !in.budget || *in.budget <= 0) return {};
  if (*in.eac <= *in.budget) return {Rag::kGreen, HealthRule::kEacVsBudget};
  if (*in.eac <= *in.budget * (1 + kCostAmberShare)) return {Rag::kAmber, HealthRule::kEacVsBudget};
  return {Rag::kRed, HealthRule::kEacVsBudget};
}

Rated ScopeRule(const HealthInputs& in) {
  if (in.bac <= 0) return {};
  const double share = in.approved_change_cost / in.bac;
  if (share <= kScopeGreenShare) return {Rag::kGreen, HealthRule::kChangeGrowth};
  if (share <= kScopeAmberShare) return {Rag::kAmber, HealthRule::kChangeGrowth};
  return {Rag::kRed, HealthRule::kChangeGrowth};
}

Rated RiskRule(const HealthInputs& in) {
  if (!in.score) return {};
  switch (BandOf(*in.score)) {
    case Band::kLow:
    case Band::kModerate:
      return {Rag::kGreen, HealthRule::kScorecardBand};
    case Band::kHigh:
      return {Rag::kAmber, HealthRule::kScorecardBand};
    case Band::kCritical:
      return {Rag::kRed, HealthRule::kScorecardBand};
  }
  return {};
}

Rated ComplianceRule(const HealthInputs& in) {
  if (!in.readiness) return {};
  Rag rag = Rag::kGreen;
  // With a readiness target the KPI rates the percentage; the rule keeps overdue items.
  const bool has_target = in.targets && in.targets->readiness;
  if (!has_target) {
    rag = *in.readiness >= kReadinessGreen   ? Rag::kGreen
          : *in.readiness >= kReadinessAmber ? Rag::kAmber
                                             : Rag::kRed;
  }
  if (in.overdue_items > 0) rag = std::max(rag, Rag::kAmber);
  return {rag, HealthRule::kReadiness};
}

Rated StakeholderRule(const HealthInputs& in) {
  if (in.overdue_key_stakeholders > 0) return {Rag::kAmber, HealthRule::kOverdueContacts};
  return {};
}

}  // namespace

std::string_view HealthAreaName(HealthArea area) {
  switch (area) {
    case HealthArea::kSchedule:
      return "schedule";
    case HealthArea::kCost:
      return "cost";
    case HealthArea::kScope:
      return "scope";
    case HealthArea::kRisk:
      return "risk";
    case HealthArea::kCompliance:
      return "compliance";
    case HealthArea::kStakeholders:
      return "stakeholders";
  }
  return "";
}

std::string_view HealthRuleName(HealthRule rule) {
  switch (rule) {
    case HealthRule::kNone:
      return "none";
    case HealthRule::kKpi:
      return "kpi";
    case HealthRule::kForecast:
      return "forecast";
    case HealthRule::kEacVsBudget:
      return "eac_vs_budget";
    case HealthRule::kChangeGrowth:
      return "change_growth";
    case HealthRule::kScorecardBand:
      return "scorecard_band";
    case HealthRule::kReadiness:
      return "readiness";
    case HealthRule::kOverdueContacts:
      return "overdue_contacts";
  }
  return "";
}

ProgramHealth ComputeProgramHealth(const HealthInputs& in) {
  ProgramHealth out;
  out.inputs = in;
  if (in.targets) out.kpis = ComputeHealth(*in.targets, in.kpi_values);
  const struct {
    HealthArea area;
    const char* kpi_group;  // the section 9 group that feeds it ("" for none)
    Rated data;
  } areas[] = {
      {HealthArea::kSchedule, "schedule", ScheduleRule(in)},
      {HealthArea::kCost, "cost", CostRule(in)},
      {HealthArea::kScope, "", ScopeRule(in)},
      {HealthArea::kRisk, "risk", RiskRule(in)},
      {HealthArea::kCompliance, "compliance", ComplianceRule(in)},
      {HealthArea::kStakeholders, "stakeholders", StakeholderRule(in)},
  };
  for (const auto& a : areas) {
    AreaHealth h;
    h.area = a.area;
    for (const auto& k : out.kpis.kpis) {
      if (k.group == a.kpi_group && k.rag) Take(h, {k.rag, HealthRule::kKpi}, k.name);
    }
    Take(h, a.data);
    if (h.rag && (!out.overall || *h.rag > *out.overall)) out.overall = h.rag;
    out.areas.push_back(std::move(h));
  }
  return out;
}

}  // namespace tpmkit::toolkit
