#include "tpmkit/report/money_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/toolkit/amounts.h"

namespace tpmkit::report {

std::vector<std::pair<std::string, std::string>> MoneyRows(const toolkit::MoneyPosition& m,
                                                           const std::string& c) {
  using toolkit::Amount;
  using toolkit::WholeAmount;
  std::vector<std::pair<std::string, std::string>> out;
  out.emplace_back(
      m.budget_approved ? "Approved budget" : "Budget (the planned cost; none approved)",
      Amount(m.budget, c));
  out.emplace_back("Planned cost (BAC)", Amount(m.planned, c));
  out.emplace_back("Contingency (budget - BAC)", Amount(m.contingency, c));
  out.emplace_back("Approved changes not yet in the plan", Amount(m.approved_changes, c));
  out.emplace_back("Contingency left", Amount(m.contingency_left, c));
  out.emplace_back("Estimate at completion (EAC)",
                   m.eac ? WholeAmount(*m.eac, c) : "not yet known");
  out.emplace_back(m.eac ? "Forecast final cost (EAC + approved changes)"
                         : "Forecast final cost (BAC + approved changes)",
                   WholeAmount(m.forecast_final_cost, c));
  out.emplace_back("Headroom (budget - forecast final cost)", WholeAmount(m.headroom, c));
  return out;
}

std::string MoneyBlock(const toolkit::MoneyPosition& m, const std::string& c, int indent) {
  const auto rows = MoneyRows(m, c);
  size_t label = 0, value = 0;
  for (const auto& [l, v] : rows) {
    label = std::max(label, l.size());
    value = std::max(value, v.size());
  }
  std::string out;
  for (const auto& [l, v] : rows) {
    out += fmt::format("{:{}}{:<{}}  {:>{}}\n", "", indent, l, label, v, value);
  }
  return out;
}

std::vector<std::pair<std::string, std::optional<double>>> MoneyJsonFields(
    const toolkit::MoneyPosition& m) {
  return {{"budget", m.budget.ToDouble()},
          {"bac", m.planned.ToDouble()},
          {"contingency", m.contingency.ToDouble()},
          {"approved_changes", m.approved_changes.ToDouble()},
          {"contingency_left", m.contingency_left.ToDouble()},
          {"eac", m.eac},
          {"forecast_final_cost", m.forecast_final_cost},
          {"headroom", m.headroom}};
}

std::string MoneySentence(const toolkit::MoneyPosition& m, const std::string& c) {
  using toolkit::WholeAmount;
  const std::string basis =
      m.eac ? fmt::format("EAC {}", WholeAmount(*m.eac, c))
            : fmt::format("the planned cost {}, as nothing has been both spent and earned yet",
                          toolkit::Amount(m.planned, c));
  const std::string changes = m.approved_changes.cents() == 0
                                  ? ""
                                  : fmt::format(" plus {} of approved changes not yet in the plan",
                                                toolkit::Amount(m.approved_changes, c));
  return fmt::format("The forecast final cost is {} ({}{}), {} {} the {} of {}.",
                     WholeAmount(m.forecast_final_cost, c), basis, changes,
                     WholeAmount(std::fabs(m.headroom), c), m.headroom < 0 ? "over" : "under",
                     m.budget_approved ? "approved budget" : "budget (the planned cost)",
                     toolkit::Amount(m.budget, c));
}

}  // namespace tpmkit::report
