#include "tpmkit/toolkit/money_position.h"

#include "tpmkit/toolkit/change_control.h"

namespace tpmkit::toolkit {

MoneyPosition ComputeMoneyPosition(const model::Program& program,
                                   const std::optional<plan::EvmResult>& evm) {
  const BudgetPosition b = ComputeBudgetPosition(program);
  MoneyPosition m;
  m.budget_approved = program.budget.has_value();
  m.budget = b.budget;
  m.planned = b.planned;
  m.contingency = b.budget - b.planned;
  m.approved_changes = b.approved_changes;
  m.contingency_left = b.remaining;
  if (evm) {
    m.eac = evm->eac;
    m.cpi = evm->cpi;
  }
  m.forecast_final_cost = m.eac.value_or(m.planned.ToDouble()) + m.approved_changes.ToDouble();
  m.headroom = m.budget.ToDouble() - m.forecast_final_cost;
  return m;
}

Result<MoneyPosition> MoneyPositionAsOf(const model::Program& program, std::optional<Date> as_of) {
  if (!as_of) return ComputeMoneyPosition(program, std::nullopt);
  TPMKIT_ASSIGN_OR_RETURN(plan::EvmResult evm, plan::ComputeEvm(program, *as_of));
  return ComputeMoneyPosition(program, evm);
}

}  // namespace tpmkit::toolkit
