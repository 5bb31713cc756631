// The weekly status report's content as numbers (`status`): the headline figures of a
// program on one date, its health by area, and what changed since the last snapshot. The
// app layer fills the parts (analyses, snapshots, the trail); CompleteStatus derives the
// rest. report/status_report.h writes the words and charts.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/evm.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"
#include "tpmkit/toolkit/audit_readiness.h"
#include "tpmkit/toolkit/change_control.h"
#include "tpmkit/toolkit/health.h"
#include "tpmkit/toolkit/program_health.h"
#include "tpmkit/toolkit/risk_register.h"
#include "tpmkit/toolkit/scorecard.h"
#include "tpmkit/toolkit/stakeholders.h"

namespace tpmkit::toolkit {

// The headline figures of a program on one date: what a snapshot keeps, and what "changed
// since last week" compares. Money in the program's currency.
struct StatusFigures {
  Date as_of;
  std::optional<Date> target;
  std::optional<Date> finish;  // the critical-path finish (no uncertainty)
  std::optional<Date> p50, p80;
  std::optional<double> p_on_time;  // 0..1, with a target
  std::optional<int64_t> p80_slip;  // working days p80 is after the target (negative: before)
  double budget = 0;                // approved budget (the task total when none is given)
  double bac = 0;                   // sum of task costs
  double pv = 0, ev = 0, ac = 0;
  std::optional<double> eac, cpi, spi, spi_t;
  double approved_changes = 0;  // approved, not yet implemented
  double contingency_left = 0;  // budget - bac - approved_changes
  std::optional<double> readiness;
  std::optional<double> score;  // the latest scorecard score
  int active_risks = 0;         // open or mitigating
  double exposure_cost = 0;     // their probability-weighted cost
  std::optional<Rag> health;
  std::map<std::string, int> risk_scores;  // active risks by id: their score
};

// One audit-trail entry since the previous snapshot, for "what changed".
struct TrailChange {
  std::string at;  // UTC timestamp
  std::string actor;
  std::string entity;
  std::string entity_id;
  std::string action;  // create, update, delete
};

struct StatusReport {
  Date as_of;
  // Filled by the caller.
  plan::Schedule schedule;
  plan::Forecast forecast;
  plan::EvmResult evm;
  AuditReadiness readiness;
  KpiValues kpi_values;
  std::optional<StatusFigures> previous;  // the latest snapshot dated before as_of
  std::vector<StatusFigures> history;     // snapshots up to as_of, oldest first
  std::vector<TrailChange> changes;       // trail entries since `previous`, newest first
  size_t changes_total = 0;               // how many there were (`changes` may hold fewer)
  bool snapshot_taken = false;
  bool has_history = false;  // a workspace program (a file has no snapshots and no trail)
  // Filled by CompleteStatus.
  BudgetPosition budget;
  RiskRegister risks;
  StakeholderMatrix stakeholders;
  ScorecardResult scorecard;
  ProgramHealth health;
  StatusFigures now;
};

// Derives the register, stakeholders, scorecard, budget, health and headline figures of
// `report` from the program and the parts the caller filled. Errors: those of the calendar.
Status CompleteStatus(const model::Program& program, StatusReport& report);

}  // namespace tpmkit::toolkit
