#include "tpmkit/toolkit/status.h"

#include "tpmkit/plan/calendar.h"

namespace tpmkit::toolkit {

namespace {

// Working days from `target` to `date` (positive: after it).
int64_t SlipOf(const plan::WorkCalendar& cal, Date date, Date target) {
  return cal.PosEnd(date) - cal.PosEnd(target);
}

HealthInputs HealthInputsOf(const model::Program& p, const StatusReport& r,
                            const plan::WorkCalendar& cal) {
  HealthInputs in;
  if (p.target) {
    in.p50_slip = SlipOf(cal, r.forecast.p50.date, *p.target);
    in.p80_slip = SlipOf(cal, r.forecast.p80.date, *p.target);
  }
  in.budget = r.budget.budget.ToDouble();
  in.eac = r.evm.eac;
  in.bac = r.evm.bac;
  for (const auto& c : p.changes) {
    if (c.status == model::ChangeStatus::kApproved ||
        c.status == model::ChangeStatus::kImplemented) {
      in.approved_change_cost += ChangeCost(c).ToDouble();
    }
  }
  in.score = r.scorecard.score;
  // A program without a checklist is not rated on the default one.
  if (p.audit) {
    in.readiness = r.readiness.readiness;
    in.overdue_items = r.readiness.overdue;
  }
  for (const auto& s : r.stakeholders.stakeholders) {
    if (s.quadrant == Quadrant::kManageClosely && s.overdue) ++in.overdue_key_stakeholders;
  }
  in.kpi_values = r.kpi_values;
  in.targets = p.targets;
  return in;
}

StatusFigures FiguresOf(const model::Program& p, const StatusReport& r, const HealthInputs& in) {
  StatusFigures f;
  f.as_of = r.as_of;
  f.target = p.target;
  f.finish = r.schedule.finish;
  f.p50 = r.forecast.p50.date;
  f.p80 = r.forecast.p80.date;
  f.p_on_time = r.forecast.p_on_time;
  f.p80_slip = in.p80_slip;
  f.budget = r.budget.budget.ToDouble();
  f.bac = r.evm.bac;
  f.pv = r.evm.pv;
  f.ev = r.evm.ev;
  f.ac = r.evm.ac;
  f.eac = r.evm.eac;
  f.cpi = r.evm.cpi;
  f.spi = r.evm.spi;
  f.spi_t = r.evm.spi_t;
  f.approved_changes = r.budget.approved_changes.ToDouble();
  f.contingency_left = r.budget.remaining.ToDouble();
  f.readiness = r.readiness.readiness;
  f.score = r.scorecard.score;
  f.active_risks = r.risks.active;
  for (const auto& risk : r.risks.risks) {
    if (!IsActive(risk.status)) {
      continue;
    }
    f.exposure_cost += risk.exposure_cost.value_or(0);
    f.risk_scores[risk.id] = risk.score;
  }
  f.health = r.health.overall;
  return f;
}

}  // namespace

Status CompleteStatus(const model::Program& program, StatusReport& r) {
  TPMKIT_ASSIGN_OR_RETURN(auto cal, plan::WorkCalendar::ForProgram(program));
  r.budget = ComputeBudgetPosition(program);
  r.risks = ComputeRiskRegister(program);
  r.stakeholders = ComputeStakeholderMatrix(program, r.as_of);
  r.scorecard = ComputeScorecard(program);
  const HealthInputs in = HealthInputsOf(program, r, cal);
  r.health = ComputeProgramHealth(in);
  r.now = FiguresOf(program, r, in);
  return OkStatus();
}

}  // namespace tpmkit::toolkit
