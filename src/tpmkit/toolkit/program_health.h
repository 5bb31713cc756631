// The status report's health (docs/health.md): a red/amber/green rating per area of the
// program (schedule, cost, scope, risk, compliance, stakeholders), each the worst of the
// section 9 KPIs of its group (health.h) and a rule on the data that holds even without
// targets (p80 against the target, EAC against the budget, approved change growth, the
// scorecard band, audit readiness, overdue key contacts). Overall: the worst area.
// The caller computes the figures; this decides the colours and says which rule did.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/model/program.h"
#include "tpmkit/toolkit/health.h"

namespace tpmkit::toolkit {

// The figures the rules read; absent ones leave their rule silent.
struct HealthInputs {
  // Schedule: the forecast against the target, in working days (positive: after it).
  std::optional<int64_t> p50_slip;
  std::optional<int64_t> p80_slip;
  // Cost, in the program's currency.
  std::optional<double> budget;  // the approved budget (program.budget)
  std::optional<double> eac;     // the estimate at completion (earned value)
  double bac = 0;                // the sum of task costs
  // Scope: the cost of changes approved or implemented.
  double approved_change_cost = 0;
  // Risk: the latest scorecard score (0..100).
  std::optional<double> score;
  // Compliance: audit readiness (percent) and overdue checklist items.
  std::optional<double> readiness;
  int overdue_items = 0;
  // Stakeholders: key ones (manage closely) overdue for contact.
  int overdue_key_stakeholders = 0;
  // The section 9 KPIs and their targets.
  KpiValues kpi_values;
  std::optional<model::Targets> targets;
};

enum class HealthArea { kSchedule, kCost, kScope, kRisk, kCompliance, kStakeholders };
std::string_view HealthAreaName(HealthArea area);  // schedule, cost, scope, ...

// The rule that gave an area its colour (the worst one; a KPI on ties).
enum class HealthRule {
  kNone,             // nothing to rate
  kKpi,              // a section 9 KPI against its target (AreaHealth::kpi names it)
  kForecast,         // p80 / p50 against the target
  kEacVsBudget,      // EAC against the approved budget
  kChangeGrowth,     // approved change cost against BAC
  kScorecardBand,    // the scorecard's band
  kReadiness,        // readiness without a target; overdue items
  kOverdueContacts,  // key stakeholders overdue for contact
};
std::string_view HealthRuleName(HealthRule rule);

struct AreaHealth {
  HealthArea area = HealthArea::kSchedule;
  std::optional<Rag> rag;  // nullopt: nothing to rate
  HealthRule rule = HealthRule::kNone;
  std::string kpi;  // with kKpi: the KPI's name
};

struct ProgramHealth {
  std::vector<AreaHealth> areas;  // in HealthArea order
  std::optional<Rag> overall;     // the worst area
  Health kpis;                    // the section 9 ratings
  HealthInputs inputs;            // the figures the rules read, for the reasons' words
};

// Thresholds of the data rules (docs/health.md). Changes at most kScopeGreenShare of BAC
// are green, at most kScopeAmberShare amber. EAC within kCostAmberShare over the budget is
// amber. Readiness without a target: at least kReadinessGreen green, kReadinessAmber amber.
inline constexpr double kScopeGreenShare = 0.05;
inline constexpr double kScopeAmberShare = 0.10;
inline constexpr double kCostAmberShare = 0.10;
inline constexpr double kReadinessGreen = 90;
inline constexpr double kReadinessAmber = 70;

ProgramHealth ComputeProgramHealth(const HealthInputs& inputs);

}  // namespace tpmkit::toolkit
