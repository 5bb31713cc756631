#include "tpmkit/report/stakeholder_text.h"

#include <nlohmann/json.hpp>

#include "tpmkit/base/text.h"
#include "tpmkit/report/stakeholder_report.h"

namespace tpmkit::report {

std::string StakeholdersText(const toolkit::StakeholderMatrix& matrix,
                             const std::optional<toolkit::CommunicationPlan>& plan,
                             const StakeholdersTextOptions& o) {
  if (plan) return CommunicationPlanText(*plan, o.text);
  if (o.overdue_only) return StakeholderTableText(matrix, o.text);
  return StakeholderTableText(matrix, o.text) + "\n" + StakeholderGridText(matrix, o.text);
}

std::string ContactText(const LoggedContact& c) {
  return "Logged a contact with " +
         (c.name.empty() ? c.stakeholder : EscapeControls(c.name) + " (" + c.stakeholder + ")") +
         " on " + c.on.ToString() + ".";
}

std::string ContactJson(const LoggedContact& c) {
  return nlohmann::json{
      {"stakeholder", c.stakeholder}, {"on", c.on.ToString()}, {"changed", c.changed}}
      .dump(2);
}

}  // namespace tpmkit::report
