#include "tpmkit/model/program.h"

namespace tpmkit::model {

double Task::PlannedDuration() const {
  if (milestone) return 0;
  if (duration) return *duration;
  if (estimate) return estimate->likely;
  return 0;
}

double Task::PercentComplete() const {
  if (actual_finish) return 100;
  return percent_complete.value_or(0);
}

const std::vector<Criterion>& DefaultCriteria() {
  static const std::vector<Criterion> kDefault = {
      {"stakeholder_alignment", "Stakeholder alignment", 25},
      {"technical_feasibility", "Technical feasibility", 20},
      {"budget", "Budget", 15},
      {"schedule", "Schedule", 15},
      {"regulatory", "Regulatory", 10},
      {"vendor", "Vendor", 15},
  };
  return kDefault;
}

const std::vector<std::string>& DefaultAuditItemIds() {
  static const std::vector<std::string> kIds = {
      "requirements", "change_trail",          "security_controls", "risk_assessments", "approvals",
      "training",     "compliance_escalation", "internal_audits",   "record_retention", "privacy"};
  return kIds;
}

Calendar Program::EffectiveCalendar() const { return calendar.value_or(Calendar{}); }

std::vector<Criterion> Program::EffectiveCriteria() const {
  if (scorecard && scorecard->criteria) return *scorecard->criteria;
  return DefaultCriteria();
}

Money Program::TotalTaskCost() const {
  Money total;
  for (const auto& p : projects) {
    for (const auto& t : p.tasks) total += t.cost.value_or(Money{});
  }
  return total;
}

Money Program::EffectiveBudget() const { return budget.value_or(TotalTaskCost()); }

size_t Program::TaskCount() const {
  size_t n = 0;
  for (const auto& p : projects) n += p.tasks.size();
  return n;
}

}  // namespace tpmkit::model
