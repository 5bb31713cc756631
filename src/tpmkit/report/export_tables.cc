#include "tpmkit/report/export_tables.h"

#include <fmt/format.h>

#include <string>

#include "tpmkit/base/check.h"
#include "tpmkit/toolkit/change_control.h"

namespace tpmkit::report {

namespace {

using Row = std::vector<TableCell>;

TableCell YesNo(bool value, Tone tone = Tone::kNone) {
  return TextCell(value ? "yes" : "no", tone);
}

TableCell OptionalDate(const std::optional<Date>& d, Tone tone = Tone::kNone) {
  return d ? DateCell(*d, tone) : BlankCell();
}

template <class T>
TableCell OptionalNumber(const std::optional<T>& v, Tone tone = Tone::kNone) {
  return v ? NumberCell(static_cast<double>(*v), tone) : BlankCell();
}

TableCell OptionalMoney(const std::optional<Money>& m) {
  return m ? NumberCell(m->ToDouble()) : BlankCell();
}

std::string MoneyTitle(std::string_view what, const model::Program& program) {
  return fmt::format("{} ({})", what, program.currency);
}

// The heat map's colours (docs/risks.md): green up to 4, amber from 5, red from the
// score at which a risk concerns every key stakeholder and the review asks for a response.
Tone ScoreTone(int score) {
  if (score <= 4) return Tone::kGreen;
  if (score < toolkit::kHighRiskScore) return Tone::kAmber;
  return Tone::kRed;
}

Tone RagTone(toolkit::Rag rag) {
  switch (rag) {
    case toolkit::Rag::kGreen:
      return Tone::kGreen;
    case toolkit::Rag::kAmber:
      return Tone::kAmber;
    case toolkit::Rag::kRed:
      return Tone::kRed;
  }
  return Tone::kNone;
}

Table Start(std::string name, std::string title, std::vector<TableColumn> columns) {
  Table t;
  t.name = std::move(name);
  t.title = std::move(title);
  t.columns = std::move(columns);
  return t;
}

void Add(Table& table, Row row) {
  TPMKIT_CHECK(row.size() == table.columns.size());
  table.rows.push_back(std::move(row));
}

}  // namespace

const std::vector<std::string_view>& ExportRegisterNames() {
  static const std::vector<std::string_view> kNames = {
      "tasks", "risks", "stakeholders", "decisions", "changes", "audit", "kpis"};
  return kNames;
}

Table TasksTable(const model::Program& program, const plan::Schedule& schedule) {
  using K = ColumnKind;
  Table t = Start("tasks", "Tasks",
                  {{"Project", K::kText},
                   {"ID", K::kText},
                   {"Name", K::kText},
                   {"Owner", K::kText},
                   {"Milestone", K::kText},
                   {"Duration (working days)", K::kNumber},
                   {"Start", K::kDate},
                   {"Finish", K::kDate},
                   {"Late start", K::kDate},
                   {"Late finish", K::kDate},
                   {"Total float (working days)", K::kInteger},
                   {"Critical", K::kText},
                   {"Complete", K::kPercent},
                   {"Actual start", K::kDate},
                   {"Actual finish", K::kDate},
                   {"Baseline start", K::kDate},
                   {"Baseline finish", K::kDate},
                   {"Deadline", K::kDate},
                   {MoneyTitle("Cost", program), K::kMoney}});
  size_t i = 0;
  for (const auto& project : program.projects) {
    for (const auto& task : project.tasks) {
      TPMKIT_CHECK(i < schedule.tasks.size());
      const plan::TaskSchedule& s = schedule.tasks[i++];
      // A finished task has no float, and its late dates mean nothing to a reader.
      const auto late = [&](Date d) { return s.total_float ? DateCell(d) : BlankCell(); };
      const std::optional<Date> baseline_start =
          task.baseline ? task.baseline->start : std::optional<Date>();
      const std::optional<Date> baseline_finish =
          task.baseline ? task.baseline->finish : std::optional<Date>();
      Add(t, {TextCell(project.name), TextCell(task.id), TextCell(task.name), TextCell(task.owner),
              YesNo(task.milestone), NumberCell(task.PlannedDuration()), DateCell(s.start),
              DateCell(s.finish), late(s.late_start_date), late(s.late_finish_date),
              OptionalNumber(s.total_float), YesNo(s.critical),
              NumberCell(task.PercentComplete() / 100.0), OptionalDate(task.actual_start),
              OptionalDate(task.actual_finish), OptionalDate(baseline_start),
              OptionalDate(baseline_finish),
              OptionalDate(task.deadline, s.deadline_missed ? Tone::kRed : Tone::kNone),
              OptionalMoney(task.cost)});
    }
  }
  return t;
}

Table RisksTable(const model::Program& program, const toolkit::RiskRegister& reg) {
  using K = ColumnKind;
  Table t = Start("risks", "Risks",
                  {{"ID", K::kText},
                   {"Title", K::kText},
                   {"Category", K::kText},
                   {"Owner", K::kText},
                   {"Status", K::kText},
                   {"Probability", K::kPercent},
                   {"Likelihood (1-5)", K::kInteger},
                   {"Severity (1-5)", K::kInteger},
                   {"Score (1-25)", K::kInteger},
                   {"Residual score", K::kInteger},
                   {MoneyTitle("Exposure", program), K::kMoney},
                   {"Exposure (working days)", K::kNumber},
                   {"Response due", K::kDate},
                   {"Mitigation", K::kText}});
  for (const auto& r : reg.risks) {
    Add(t,
        {TextCell(r.id), TextCell(r.title), TextCell(r.category), TextCell(r.owner),
         TextCell(std::string(model::Name(r.status))), NumberCell(r.probability),
         NumberCell(r.likelihood), NumberCell(r.severity), NumberCell(r.score, ScoreTone(r.score)),
         r.residual_score ? NumberCell(*r.residual_score, ScoreTone(*r.residual_score))
                          : BlankCell(),
         OptionalNumber(r.exposure_cost), OptionalNumber(r.exposure_days),
         OptionalDate(r.response_due), TextCell(r.mitigation)});
  }
  return t;
}

Table StakeholdersTable(const toolkit::StakeholderMatrix& matrix) {
  using K = ColumnKind;
  Table t = Start("stakeholders", "Stakeholders",
                  {{"ID", K::kText},
                   {"Name", K::kText},
                   {"Role", K::kText},
                   {"Influence (1-5)", K::kInteger},
                   {"Impact (1-5)", K::kInteger},
                   {"Stance", K::kText},
                   {"Quadrant", K::kText},
                   {"Priority (1-25)", K::kInteger},
                   {"Channel", K::kText},
                   {"Cadence (days)", K::kInteger},
                   {"Last contact", K::kDate},
                   {"Next contact", K::kDate},
                   {"Overdue", K::kText},
                   {"Satisfaction (1-5)", K::kInteger}});
  for (const auto& s : matrix.stakeholders) {
    const Tone overdue = s.overdue ? Tone::kRed : Tone::kNone;
    Add(t, {TextCell(s.id), TextCell(s.name), TextCell(s.role), NumberCell(s.influence),
            NumberCell(s.impact), TextCell(std::string(model::Name(s.stance))),
            TextCell(std::string(toolkit::QuadrantTitle(s.quadrant))), NumberCell(s.priority),
            TextCell(s.channel), NumberCell(s.cadence_days), OptionalDate(s.last_contact),
            OptionalDate(s.next_contact, overdue), YesNo(s.overdue, overdue),
            OptionalNumber(s.satisfaction)});
  }
  return t;
}

Table DecisionsTable(const model::Program& program) {
  using K = ColumnKind;
  Table t = Start("decisions", "Decisions",
                  {{"ID", K::kText},
                   {"Question", K::kText},
                   {"Status", K::kText},
                   {"Options", K::kInteger},
                   {"Chosen", K::kText},
                   {"Decided by", K::kText},
                   {"Decided on", K::kDate},
                   {"Rationale", K::kText}});
  for (const auto& d : program.decisions) {
    std::string chosen = d.chosen;
    for (const auto& o : d.options) {
      if (o.id == d.chosen && !o.name.empty()) chosen = o.name;
    }
    Add(t, {TextCell(d.id), TextCell(d.question), TextCell(std::string(model::Name(d.status))),
            NumberCell(static_cast<double>(d.options.size())), TextCell(chosen),
            TextCell(d.decided_by), OptionalDate(d.decided_on), TextCell(d.rationale)});
  }
  return t;
}

Table ChangesTable(const model::Program& program) {
  using K = ColumnKind;
  Table t = Start("changes", "Changes",
                  {{"ID", K::kText},
                   {"Title", K::kText},
                   {"Requested by", K::kText},
                   {"Requested on", K::kDate},
                   {"Status", K::kText},
                   {"Schedule impact (working days)", K::kNumber},
                   {MoneyTitle("Cost", program), K::kMoney},
                   {"Tasks added", K::kInteger},
                   {"Approvals", K::kText}});
  for (const auto& c : program.changes) {
    std::string approvals;
    for (const auto& a : c.approvals) {
      if (!approvals.empty()) approvals += "; ";
      approvals += fmt::format("{} {} on {}", a.by, model::Name(a.decision), a.on.ToString());
    }
    const std::optional<double> schedule = c.impact ? c.impact->schedule : std::nullopt;
    Add(t, {TextCell(c.id), TextCell(c.title), TextCell(c.requested_by),
            OptionalDate(c.requested_on), TextCell(std::string(model::Name(c.status))),
            OptionalNumber(schedule), NumberCell(toolkit::ChangeCost(c).ToDouble()),
            NumberCell(static_cast<double>(c.adds_tasks.size())), TextCell(approvals)});
  }
  return t;
}

Table AuditTable(const toolkit::AuditReadiness& readiness) {
  using K = ColumnKind;
  Table t = Start("audit", "Audit",
                  {{"ID", K::kText},
                   {"Status", K::kText},
                   {"Owner", K::kText},
                   {"Due", K::kDate},
                   {"Overdue", K::kText},
                   {"Evidence", K::kInteger},
                   {"Signed off by", K::kText},
                   {"Signed off on", K::kDate},
                   {"Unsupported", K::kText},
                   {"Note", K::kText}});
  for (const auto& item : readiness.items) {
    const Tone overdue = item.overdue ? Tone::kRed : Tone::kNone;
    const Tone unsupported = item.unsupported ? Tone::kAmber : Tone::kNone;
    Add(t, {TextCell(item.id), TextCell(std::string(model::Name(item.status))),
            TextCell(item.owner), OptionalDate(item.due, overdue), YesNo(item.overdue, overdue),
            NumberCell(static_cast<double>(item.evidence.size())),
            TextCell(item.signoff ? item.signoff->by : ""),
            item.signoff ? DateCell(item.signoff->on) : BlankCell(),
            YesNo(item.unsupported, unsupported), TextCell(item.note)});
  }
  return t;
}

Table KpisTable(const toolkit::KpiValues& values, const std::optional<toolkit::Health>& health) {
  using K = ColumnKind;
  Table t = Start("kpis", "KPIs",
                  {{"KPI", K::kText},
                   {"Name", K::kText},
                   {"Unit", K::kText},
                   {"Value", K::kNumber},
                   {"Target", K::kNumber},
                   {"Better", K::kText},
                   {"Rating", K::kText}});
  struct Kpi {
    const char* id;
    const char* name;
    const char* unit;
    const std::optional<double>& value;
    bool lower_is_better;
  };
  const Kpi kpis[] = {
      {"spi", "Schedule performance index", "ratio", values.spi, false},
      {"cpi", "Cost performance index", "ratio", values.cpi, false},
      {"p_on_time", "Chance of finishing by the target", "probability (0 to 1)", values.p_on_time,
       false},
      {"readiness", "Audit readiness", "percent", values.readiness, false},
      {"satisfaction", "Mean stakeholder satisfaction", "rating (1 to 5)", values.satisfaction,
       false},
      {"risk_score", "Risk scorecard score", "score (0 to 100)", values.risk_score, true},
  };
  for (const auto& k : kpis) {
    const toolkit::KpiHealth* rated = nullptr;
    if (health) {
      for (const auto& h : health->kpis) {
        if (h.name == k.id) rated = &h;
      }
    }
    TableCell rating = BlankCell();
    if (rated && rated->rag) {
      rating = TextCell(std::string(toolkit::RagName(*rated->rag)), RagTone(*rated->rag));
    }
    Add(t, {TextCell(k.id), TextCell(k.name), TextCell(k.unit), OptionalNumber(k.value),
            rated ? NumberCell(rated->target) : BlankCell(),
            TextCell(k.lower_is_better ? "lower" : "higher"), std::move(rating)});
  }
  return t;
}

}  // namespace tpmkit::report
