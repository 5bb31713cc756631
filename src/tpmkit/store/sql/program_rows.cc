#include "tpmkit/store/sql/program_rows.h"

#include <utility>
#include <vector>

namespace tpmkit::store::sql {

namespace {

struct EntityRows {
  Status (*put)(SqlDb&, int64_t, const model::Program&);
  Status (*load)(SqlDb&, int64_t, model::Program&);
};

// Every entity of a program below its own row, in load order. Adding an entity: write
// its Put/Load pair and list it here (after the entities it hangs off).
constexpr EntityRows kEntityRows[] = {
    {PutCalendar, LoadCalendar},
    {PutAssumptions, LoadAssumptions},
    {PutProjects, LoadProjects},
    {PutChanges, LoadChanges},
    {PutTasks, LoadTasks},
    {PutDependencies, LoadDependencies},
    {PutResources, LoadResources},
    {PutActuals, LoadActuals},
    {PutScorecard, LoadScorecard},
    {PutRisks, LoadRisks},
    {PutStakeholders, LoadStakeholders},
    {PutDecisions, LoadDecisions},
    {PutAuditReadiness, LoadAuditReadiness},
    {PutTargets, LoadTargets},
};

Status PutTask(SqlDb& db, int64_t key, size_t position, std::optional<size_t> project,
               std::optional<size_t> change, const model::Task& t) {
  const model::Estimate* e = t.estimate ? &*t.estimate : nullptr;
  const model::Baseline* b = t.baseline ? &*t.baseline : nullptr;
  TPMKIT_RETURN_IF_ERROR(db.Run(
      "INSERT INTO tasks (program_key, position, project_position, change_position, id, name, "
      "owner, duration, estimate_optimistic, estimate_likely, estimate_pessimistic, "
      "estimate_distribution, milestone, cost_cents, percent_complete, actual_start, "
      "actual_finish, has_baseline, baseline_start, baseline_finish, start_no_earlier_than, "
      "deadline) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      key, position, project, change, t.id, t.name, t.owner, t.duration,
      e ? std::optional(e->optimistic) : std::nullopt, e ? std::optional(e->likely) : std::nullopt,
      e ? std::optional(e->pessimistic) : std::nullopt,
      e ? std::optional(model::Name(e->distribution)) : std::nullopt, t.milestone, t.cost,
      t.percent_complete, t.actual_start, t.actual_finish, b != nullptr,
      b ? b->start : std::nullopt, b ? b->finish : std::nullopt, t.start_no_earlier_than,
      t.deadline));
  for (size_t i = 0; i < t.depends.size(); ++i) {
    const auto& l = t.depends[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO task_links (program_key, task_position, position, task, type, lag) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               key, position, i, l.task, model::Name(l.type), l.lag));
  }
  for (size_t i = 0; i < t.resources.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO task_resources (program_key, task_position, position, resource) "
               "VALUES (?, ?, ?, ?)",
               key, position, i, t.resources[i]));
  }
  return OkStatus();
}

}  // namespace

Status PutProgramRows(SqlDb& db, const model::Program& program) {
  TPMKIT_ASSIGN_OR_RETURN(int64_t key, PutProgram(db, program));
  for (const auto& rows : kEntityRows) TPMKIT_RETURN_IF_ERROR(rows.put(db, key, program));
  return OkStatus();
}

Result<std::optional<model::Program>> LoadProgramRows(SqlDb& db, const std::string& id) {
  model::Program p;
  TPMKIT_ASSIGN_OR_RETURN(std::optional<int64_t> key, LoadProgram(db, id, p));
  if (!key) return std::optional<model::Program>();
  for (const auto& rows : kEntityRows) TPMKIT_RETURN_IF_ERROR(rows.load(db, *key, p));
  return std::optional<model::Program>(std::move(p));
}

Result<int64_t> PutProgram(SqlDb& db, const model::Program& p) {
  // Replace: the cascade removes every row of the previous version.
  TPMKIT_RETURN_IF_ERROR(db.Run("DELETE FROM programs WHERE id = ?", p.id));
  std::optional<int64_t> key;
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "INSERT INTO programs (id, name, objective, sponsor, currency, start, target, status_date, "
      "budget_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING key",
      [&](const SqlRow& r) { key = r.Int(0); }, p.id, p.name, p.objective, p.sponsor, p.currency,
      p.start, p.target, p.status_date, p.budget));
  if (!key) return Error::Storage("the program row was not written");
  return *key;
}

Result<std::optional<int64_t>> LoadProgram(SqlDb& db, const std::string& id, model::Program& p) {
  std::optional<int64_t> key;
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT key, id, name, objective, sponsor, currency, start, target, status_date, "
      "budget_cents FROM programs WHERE id = ?",
      [&](const SqlRow& r) {
        key = r.Int(0);
        p.id = r.Text(1);
        p.name = r.Text(2);
        p.objective = r.Text(3);
        p.sponsor = r.Text(4);
        p.currency = r.Text(5);
        p.start = r.Day(6);
        p.target = r.OptDay(7);
        p.status_date = r.OptDay(8);
        p.budget = r.OptCents(9);
      },
      id));
  return key;
}

Status PutCalendar(SqlDb& db, int64_t key, const model::Program& p) {
  if (!p.calendar) return OkStatus();
  TPMKIT_RETURN_IF_ERROR(db.Run("INSERT INTO calendars (program_key) VALUES (?)", key));
  for (size_t i = 0; i < p.calendar->workweek.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO calendar_workdays (program_key, position, weekday) VALUES (?, ?, ?)",
               key, i, WeekdayName(p.calendar->workweek[i])));
  }
  for (size_t i = 0; i < p.calendar->holidays.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO calendar_holidays (program_key, position, day) VALUES (?, ?, ?)", key,
               i, p.calendar->holidays[i]));
  }
  return OkStatus();
}

Status LoadCalendar(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT 1 FROM calendars WHERE program_key = ?",
      [&](const SqlRow&) {
        p.calendar = model::Calendar{{}, {}};
      },
      key));
  if (!p.calendar) return OkStatus();
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT weekday FROM calendar_workdays WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        auto w = ParseWeekday(r.Text(0));
        if (!w) r.Fail("'" + r.Text(0) + "' is not a weekday");
        p.calendar->workweek.push_back(w.value_or(Weekday::kMon));
      },
      key));
  return db.ForEach(
      "SELECT day FROM calendar_holidays WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) { p.calendar->holidays.push_back(r.Day(0)); }, key);
}

Status PutAssumptions(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.assumptions.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO assumptions (program_key, position, text) VALUES (?, ?, ?)", key, i,
               p.assumptions[i]));
  }
  return OkStatus();
}

Status LoadAssumptions(SqlDb& db, int64_t key, model::Program& p) {
  return db.ForEach(
      "SELECT text FROM assumptions WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) { p.assumptions.push_back(r.Text(0)); }, key);
}

Status PutProjects(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.projects.size(); ++i) {
    const auto& pr = p.projects[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO projects (program_key, position, id, name, owner) "
               "VALUES (?, ?, ?, ?, ?)",
               key, i, pr.id, pr.name, pr.owner));
  }
  return OkStatus();
}

Status LoadProjects(SqlDb& db, int64_t key, model::Program& p) {
  return db.ForEach(
      "SELECT id, name, owner FROM projects WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        p.projects.push_back({r.Text(0), r.Text(1), r.Text(2), {}});
      },
      key);
}

Status PutChanges(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.changes.size(); ++i) {
    const auto& c = p.changes[i];
    const model::ChangeImpact* im = c.impact ? &*c.impact : nullptr;
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO changes (program_key, position, id, title, requested_by, requested_on, "
               "status, has_impact, impact_schedule, impact_cost_cents) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               key, i, c.id, c.title, c.requested_by, c.requested_on, model::Name(c.status),
               im != nullptr, im ? im->schedule : std::nullopt, im ? im->cost : std::nullopt));
    for (size_t j = 0; j < c.approvals.size(); ++j) {
      const auto& a = c.approvals[j];
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO change_approvals (program_key, change_position, position, by, "
                 "on_date, decision, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 key, i, j, a.by, a.on, model::Name(a.decision), a.note));
    }
  }
  return OkStatus();
}

Status LoadChanges(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, title, requested_by, requested_on, status, has_impact, impact_schedule, "
      "impact_cost_cents FROM changes WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        model::Change c;
        c.id = r.Text(0);
        c.title = r.Text(1);
        c.requested_by = r.Text(2);
        c.requested_on = r.OptDay(3);
        c.status = r.Enum<model::ChangeStatus>(4);
        if (r.Int(5)) c.impact = model::ChangeImpact{r.OptReal(6), r.OptCents(7)};
        p.changes.push_back(std::move(c));
      },
      key));
  return db.ForEach(
      "SELECT change_position, by, on_date, decision, note FROM change_approvals "
      "WHERE program_key = ? ORDER BY change_position, position",
      [&](const SqlRow& r) {
        r.Elem(p.changes, 0)
            .approvals.push_back(
                {r.Text(1), r.Day(2), r.Enum<model::ApprovalDecision>(3), r.Text(4)});
      },
      key);
}

Status PutTasks(SqlDb& db, int64_t key, const model::Program& p) {
  size_t position = 0;
  for (size_t i = 0; i < p.projects.size(); ++i) {
    for (const auto& t : p.projects[i].tasks) {
      TPMKIT_RETURN_IF_ERROR(PutTask(db, key, position++, i, std::nullopt, t));
    }
  }
  for (size_t i = 0; i < p.changes.size(); ++i) {
    for (const auto& t : p.changes[i].adds_tasks) {
      TPMKIT_RETURN_IF_ERROR(PutTask(db, key, position++, std::nullopt, i, t));
    }
  }
  return OkStatus();
}

Status LoadTasks(SqlDb& db, int64_t key, model::Program& p) {
  struct Owner {
    bool in_project;
    size_t index;
  };
  std::vector<model::Task> tasks;
  std::vector<Owner> owners;
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT project_position, change_position, id, name, owner, duration, estimate_optimistic, "
      "estimate_likely, estimate_pessimistic, estimate_distribution, milestone, cost_cents, "
      "percent_complete, actual_start, actual_finish, has_baseline, baseline_start, "
      "baseline_finish, start_no_earlier_than, deadline FROM tasks WHERE program_key = ? "
      "ORDER BY position",
      [&](const SqlRow& r) {
        model::Task t;
        Owner o = r.Null(0) ? Owner{false, r.Index(1, p.changes.size())}
                            : Owner{true, r.Index(0, p.projects.size())};
        t.id = r.Text(2);
        t.name = r.Text(3);
        t.owner = r.Text(4);
        t.duration = r.OptReal(5);
        if (!r.Null(9)) {
          t.estimate =
              model::Estimate{r.Real(6), r.Real(7), r.Real(8), r.Enum<model::Distribution>(9)};
        }
        t.milestone = r.Int(10) != 0;
        t.cost = r.OptCents(11);
        t.percent_complete = r.OptReal(12);
        t.actual_start = r.OptDay(13);
        t.actual_finish = r.OptDay(14);
        if (r.Int(15)) t.baseline = model::Baseline{r.OptDay(16), r.OptDay(17)};
        t.start_no_earlier_than = r.OptDay(18);
        t.deadline = r.OptDay(19);
        tasks.push_back(std::move(t));
        owners.push_back(o);
      },
      key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT task_position, task, type, lag FROM task_links WHERE program_key = ? "
      "ORDER BY task_position, position",
      [&](const SqlRow& r) {
        r.Elem(tasks, 0).depends.push_back({r.Text(1), r.Enum<model::LinkType>(2), r.Real(3)});
      },
      key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT task_position, resource FROM task_resources WHERE program_key = ? "
      "ORDER BY task_position, position",
      [&](const SqlRow& r) { r.Elem(tasks, 0).resources.push_back(r.Text(1)); }, key));
  for (size_t i = 0; i < tasks.size(); ++i) {
    auto& dest = owners[i].in_project ? p.projects[owners[i].index].tasks
                                      : p.changes[owners[i].index].adds_tasks;
    dest.push_back(std::move(tasks[i]));
  }
  return OkStatus();
}

Status PutDependencies(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.dependencies.size(); ++i) {
    const auto& d = p.dependencies[i];
    TPMKIT_RETURN_IF_ERROR(db.Run(
        "INSERT INTO dependencies (program_key, position, id, name, provider, owner, "
        "needed_by, status, expected) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, i, d.id, d.name, d.provider, d.owner, d.needed_by, model::Name(d.status), d.expected));
    for (size_t j = 0; j < d.tasks.size(); ++j) {
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO dependency_tasks (program_key, dependency_position, position, task) "
                 "VALUES (?, ?, ?, ?)",
                 key, i, j, d.tasks[j]));
    }
  }
  return OkStatus();
}

Status LoadDependencies(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, name, provider, owner, needed_by, status, expected FROM dependencies "
      "WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        p.dependencies.push_back({r.Text(0),
                                  r.Text(1),
                                  r.Text(2),
                                  r.Text(3),
                                  r.OptDay(4),
                                  r.Enum<model::DependencyStatus>(5),
                                  {},
                                  r.OptDay(6)});
      },
      key));
  return db.ForEach(
      "SELECT dependency_position, task FROM dependency_tasks WHERE program_key = ? "
      "ORDER BY dependency_position, position",
      [&](const SqlRow& r) { r.Elem(p.dependencies, 0).tasks.push_back(r.Text(1)); }, key);
}

Status PutResources(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.resources.size(); ++i) {
    const auto& r = p.resources[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO resources (program_key, position, id, name, rate_cents, capacity) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               key, i, r.id, r.name, r.rate, r.capacity));
  }
  return OkStatus();
}

Status LoadResources(SqlDb& db, int64_t key, model::Program& p) {
  return db.ForEach(
      "SELECT id, name, rate_cents, capacity FROM resources WHERE program_key = ? "
      "ORDER BY position",
      [&](const SqlRow& r) {
        p.resources.push_back({r.Text(0), r.Text(1), r.OptCents(2), r.OptReal(3)});
      },
      key);
}

Status PutActuals(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.actuals.size(); ++i) {
    const auto& a = p.actuals[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO actuals (program_key, position, date, amount_cents, task, note) "
               "VALUES (?, ?, ?, ?, ?, ?)",
               key, i, a.date, a.amount, a.task, a.note));
  }
  return OkStatus();
}

Status LoadActuals(SqlDb& db, int64_t key, model::Program& p) {
  return db.ForEach(
      "SELECT date, amount_cents, task, note FROM actuals WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        p.actuals.push_back({r.Day(0), r.Cents(1), r.Text(2), r.Text(3)});
      },
      key);
}

Status PutScorecard(SqlDb& db, int64_t key, const model::Program& p) {
  if (!p.scorecard) return OkStatus();
  const auto& sc = *p.scorecard;
  TPMKIT_RETURN_IF_ERROR(
      db.Run("INSERT INTO scorecards (program_key, custom_criteria) VALUES (?, ?)", key,
             sc.criteria.has_value()));
  if (sc.criteria) {
    for (size_t i = 0; i < sc.criteria->size(); ++i) {
      const auto& c = (*sc.criteria)[i];
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO scorecard_criteria (program_key, position, id, name, weight) "
                 "VALUES (?, ?, ?, ?, ?)",
                 key, i, c.id, c.name, c.weight));
    }
  }
  for (size_t i = 0; i < sc.assessments.size(); ++i) {
    const auto& a = sc.assessments[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO assessments (program_key, position, date, by, notes) "
               "VALUES (?, ?, ?, ?, ?)",
               key, i, a.date, a.by, a.notes));
    for (const auto& [crit, rating] : a.ratings) {
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO assessment_ratings (program_key, assessment_position, criterion, "
                 "rating) VALUES (?, ?, ?, ?)",
                 key, i, crit, rating));
    }
  }
  return OkStatus();
}

Status LoadScorecard(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT custom_criteria FROM scorecards WHERE program_key = ?",
      [&](const SqlRow& r) {
        p.scorecard = model::Scorecard{};
        if (r.Int(0)) p.scorecard->criteria = std::vector<model::Criterion>{};
      },
      key));
  if (!p.scorecard) return OkStatus();
  auto& sc = *p.scorecard;
  if (sc.criteria) {
    TPMKIT_RETURN_IF_ERROR(db.ForEach(
        "SELECT id, name, weight FROM scorecard_criteria WHERE program_key = ? ORDER BY position",
        [&](const SqlRow& r) {
          sc.criteria->push_back({r.Text(0), r.Text(1), r.Real(2)});
        },
        key));
  }
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT date, by, notes FROM assessments WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        sc.assessments.push_back({r.Day(0), r.Text(1), {}, r.Text(2)});
      },
      key));
  return db.ForEach(
      "SELECT assessment_position, criterion, rating FROM assessment_ratings "
      "WHERE program_key = ?",
      [&](const SqlRow& r) {
        r.Elem(sc.assessments, 0).ratings[r.Text(1)] = static_cast<int>(r.Int(2));
      },
      key);
}

Status PutRisks(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.risks.size(); ++i) {
    const auto& r = p.risks[i];
    const model::RiskImpact* im = r.impact ? &*r.impact : nullptr;
    TPMKIT_RETURN_IF_ERROR(db.Run(
        "INSERT INTO risks (program_key, position, id, title, category, owner, status, raised, "
        "probability, severity, has_impact, impact_schedule, impact_cost_cents, mitigation, "
        "trigger, response_due, residual_probability, residual_severity) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        key, i, r.id, r.title, r.category, r.owner, model::Name(r.status), r.raised, r.probability,
        r.severity, im != nullptr, im ? im->schedule : std::nullopt, im ? im->cost : std::nullopt,
        r.mitigation, r.trigger, r.response_due,
        r.residual ? std::optional(r.residual->probability) : std::nullopt,
        r.residual ? std::optional(r.residual->severity) : std::nullopt));
    if (!im) continue;
    for (size_t j = 0; j < im->tasks.size(); ++j) {
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO risk_impact_tasks (program_key, risk_position, position, task) "
                 "VALUES (?, ?, ?, ?)",
                 key, i, j, im->tasks[j]));
    }
  }
  return OkStatus();
}

Status LoadRisks(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, title, category, owner, status, raised, probability, severity, has_impact, "
      "impact_schedule, impact_cost_cents, mitigation, trigger, response_due, "
      "residual_probability, residual_severity FROM risks WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        model::Risk x;
        x.id = r.Text(0);
        x.title = r.Text(1);
        x.category = r.Text(2);
        x.owner = r.Text(3);
        x.status = r.Enum<model::RiskStatus>(4);
        x.raised = r.OptDay(5);
        x.probability = r.Real(6);
        x.severity = static_cast<int>(r.Int(7));
        if (r.Int(8)) x.impact = model::RiskImpact{r.OptReal(9), r.OptCents(10), {}};
        x.mitigation = r.Text(11);
        x.trigger = r.Text(12);
        x.response_due = r.OptDay(13);
        if (!r.Null(14)) x.residual = model::Residual{r.Real(14), static_cast<int>(r.Int(15))};
        p.risks.push_back(std::move(x));
      },
      key));
  return db.ForEach(
      "SELECT risk_position, task FROM risk_impact_tasks WHERE program_key = ? "
      "ORDER BY risk_position, position",
      [&](const SqlRow& r) {
        auto& risk = r.Elem(p.risks, 0);
        if (!risk.impact) risk.impact = model::RiskImpact{};
        risk.impact->tasks.push_back(r.Text(1));
      },
      key);
}

Status PutStakeholders(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.stakeholders.size(); ++i) {
    const auto& s = p.stakeholders[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO stakeholders (program_key, position, id, name, role, influence, "
               "impact, stance, channel, cadence, last_contact, satisfaction) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               key, i, s.id, s.name, s.role, s.influence, s.impact, model::Name(s.stance),
               s.channel, s.cadence, s.last_contact, s.satisfaction));
    for (size_t j = 0; j < s.contacts.size(); ++j) {
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO stakeholder_contacts (program_key, stakeholder_position, position, "
                 "on_date, note) VALUES (?, ?, ?, ?, ?)",
                 key, i, j, s.contacts[j].on, s.contacts[j].note));
    }
  }
  return OkStatus();
}

Status LoadStakeholders(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, name, role, influence, impact, stance, channel, cadence, last_contact, "
      "satisfaction FROM stakeholders WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        model::Stakeholder s;
        s.id = r.Text(0);
        s.name = r.Text(1);
        s.role = r.Text(2);
        s.influence = static_cast<int>(r.Int(3));
        s.impact = static_cast<int>(r.Int(4));
        s.stance = r.Enum<model::Stance>(5);
        s.channel = r.Text(6);
        s.cadence = r.OptReal(7);
        s.last_contact = r.OptDay(8);
        s.satisfaction = r.OptInt(9);
        p.stakeholders.push_back(std::move(s));
      },
      key));
  return db.ForEach(
      "SELECT stakeholder_position, on_date, note FROM stakeholder_contacts WHERE program_key = ? "
      "ORDER BY stakeholder_position, position",
      [&](const SqlRow& r) {
        r.Elem(p.stakeholders, 0).contacts.push_back({r.Day(1), r.Text(2)});
      },
      key);
}

Status PutDecisions(SqlDb& db, int64_t key, const model::Program& p) {
  for (size_t i = 0; i < p.decisions.size(); ++i) {
    const auto& d = p.decisions[i];
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO decisions (program_key, position, id, question, status, "
               "decision_rule, chosen, rationale, decided_by, decided_on) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
               key, i, d.id, d.question, model::Name(d.status), d.decision_rule, d.chosen,
               d.rationale, d.decided_by, d.decided_on));
    for (size_t j = 0; j < d.criteria.size(); ++j) {
      const auto& c = d.criteria[j];
      TPMKIT_RETURN_IF_ERROR(db.Run(
          "INSERT INTO decision_criteria (program_key, decision_position, position, id, name, "
          "weight, measure) VALUES (?, ?, ?, ?, ?, ?, ?)",
          key, i, j, c.id, c.name, c.weight,
          c.measure ? std::optional(model::Name(*c.measure)) : std::nullopt));
    }
    for (size_t j = 0; j < d.options.size(); ++j) {
      const auto& o = d.options[j];
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO decision_options (program_key, decision_position, position, id, "
                 "name) VALUES (?, ?, ?, ?, ?)",
                 key, i, j, o.id, o.name));
      for (const auto& [crit, score] : o.scores) {
        TPMKIT_RETURN_IF_ERROR(
            db.Run("INSERT INTO option_scores (program_key, decision_position, option_position, "
                   "criterion, score) VALUES (?, ?, ?, ?, ?)",
                   key, i, j, crit, score));
      }
      if (!o.scenario) continue;
      const auto& sc = *o.scenario;
      const model::DurationFactor* f = sc.duration_factor ? &*sc.duration_factor : nullptr;
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO option_scenarios (program_key, decision_position, option_position, "
                 "cost_cents, duration_factor, target) VALUES (?, ?, ?, ?, ?, ?)",
                 key, i, j, sc.cost, f ? std::optional(f->factor) : std::nullopt, sc.target));
      if (f) {
        for (size_t k = 0; k < f->tasks.size(); ++k) {
          TPMKIT_RETURN_IF_ERROR(
              db.Run("INSERT INTO scenario_tasks (program_key, decision_position, "
                     "option_position, list, position, task) VALUES (?, ?, ?, ?, ?, ?)",
                     key, i, j, "factor", k, f->tasks[k]));
        }
      }
      for (size_t k = 0; k < sc.remove_tasks.size(); ++k) {
        TPMKIT_RETURN_IF_ERROR(
            db.Run("INSERT INTO scenario_tasks (program_key, decision_position, option_position, "
                   "list, position, task) VALUES (?, ?, ?, ?, ?, ?)",
                   key, i, j, "remove", k, sc.remove_tasks[k]));
      }
    }
    for (const auto& [who, weights] : d.stakeholder_weights) {
      if (weights.empty()) {
        TPMKIT_RETURN_IF_ERROR(
            db.Run("INSERT INTO stakeholder_weights (program_key, decision_position, stakeholder, "
                   "criterion, weight) VALUES (?, ?, ?, ?, ?)",
                   key, i, who, nullptr, nullptr));
      }
      for (const auto& [crit, w] : weights) {
        TPMKIT_RETURN_IF_ERROR(
            db.Run("INSERT INTO stakeholder_weights (program_key, decision_position, stakeholder, "
                   "criterion, weight) VALUES (?, ?, ?, ?, ?)",
                   key, i, who, crit, w));
      }
    }
  }
  return OkStatus();
}

Status LoadDecisions(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, question, status, decision_rule, chosen, rationale, decided_by, decided_on "
      "FROM decisions WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        model::Decision d;
        d.id = r.Text(0);
        d.question = r.Text(1);
        d.status = r.Enum<model::DecisionStatus>(2);
        d.decision_rule = r.Text(3);
        d.chosen = r.Text(4);
        d.rationale = r.Text(5);
        d.decided_by = r.Text(6);
        d.decided_on = r.OptDay(7);
        p.decisions.push_back(std::move(d));
      },
      key));
  auto decision = [&](const SqlRow& r) -> model::Decision& { return r.Elem(p.decisions, 0); };
  auto option = [&](const SqlRow& r) -> model::Option& {
    auto& d = decision(r);
    return r.Elem(d.options, 1);
  };
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT decision_position, id, name, weight, measure FROM decision_criteria "
      "WHERE program_key = ? ORDER BY decision_position, position",
      [&](const SqlRow& r) {
        std::optional<model::Measure> m;
        if (!r.Null(4)) m = r.Enum<model::Measure>(4);
        decision(r).criteria.push_back({r.Text(1), r.Text(2), r.Real(3), m});
      },
      key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT decision_position, id, name FROM decision_options WHERE program_key = ? "
      "ORDER BY decision_position, position",
      [&](const SqlRow& r) {
        decision(r).options.push_back({r.Text(1), r.Text(2), {}, {}});
      },
      key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT decision_position, option_position, criterion, score FROM option_scores "
      "WHERE program_key = ?",
      [&](const SqlRow& r) { option(r).scores[r.Text(2)] = static_cast<int>(r.Int(3)); }, key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT decision_position, option_position, cost_cents, duration_factor, target "
      "FROM option_scenarios WHERE program_key = ?",
      [&](const SqlRow& r) {
        model::Scenario sc;
        sc.cost = r.OptCents(2);
        if (!r.Null(3)) sc.duration_factor = model::DurationFactor{{}, r.Real(3)};
        sc.target = r.OptDay(4);
        option(r).scenario = std::move(sc);
      },
      key));
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT decision_position, option_position, list, task FROM scenario_tasks "
      "WHERE program_key = ? ORDER BY decision_position, option_position, list, position",
      [&](const SqlRow& r) {
        auto& o = option(r);
        if (!o.scenario) o.scenario = model::Scenario{};
        if (r.Text(2) == "factor") {
          if (!o.scenario->duration_factor) o.scenario->duration_factor = model::DurationFactor{};
          o.scenario->duration_factor->tasks.push_back(r.Text(3));
        } else {
          o.scenario->remove_tasks.push_back(r.Text(3));
        }
      },
      key));
  return db.ForEach(
      "SELECT decision_position, stakeholder, criterion, weight FROM stakeholder_weights "
      "WHERE program_key = ?",
      [&](const SqlRow& r) {
        auto& w = decision(r).stakeholder_weights[r.Text(1)];
        if (!r.Null(2)) w[r.Text(2)] = r.Real(3);
      },
      key);
}

Status PutAuditReadiness(SqlDb& db, int64_t key, const model::Program& p) {
  if (!p.audit) return OkStatus();
  TPMKIT_RETURN_IF_ERROR(
      db.Run("INSERT INTO audit_readiness (program_key, retention_years) VALUES (?, ?)", key,
             p.audit->retention_years));
  for (size_t i = 0; i < p.audit->items.size(); ++i) {
    const auto& it = p.audit->items[i];
    const model::Signoff* so = it.signoff ? &*it.signoff : nullptr;
    TPMKIT_RETURN_IF_ERROR(
        db.Run("INSERT INTO audit_items (program_key, position, id, status, owner, due, "
               "signoff_by, signoff_on, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               key, i, it.id, model::Name(it.status), it.owner, it.due,
               so ? std::optional(so->by) : std::nullopt, so ? std::optional(so->on) : std::nullopt,
               it.note));
    for (size_t j = 0; j < it.evidence.size(); ++j) {
      const auto& e = it.evidence[j];
      TPMKIT_RETURN_IF_ERROR(
          db.Run("INSERT INTO audit_evidence (program_key, item_position, position, path, "
                 "sha256, url) VALUES (?, ?, ?, ?, ?, ?)",
                 key, i, j, e.path, e.sha256, e.url));
    }
  }
  return OkStatus();
}

Status LoadAuditReadiness(SqlDb& db, int64_t key, model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT retention_years FROM audit_readiness WHERE program_key = ?",
      [&](const SqlRow& r) {
        p.audit = model::Audit{r.OptInt(0), {}};
      },
      key));
  if (!p.audit) return OkStatus();
  TPMKIT_RETURN_IF_ERROR(db.ForEach(
      "SELECT id, status, owner, due, signoff_by, signoff_on, note FROM audit_items "
      "WHERE program_key = ? ORDER BY position",
      [&](const SqlRow& r) {
        model::AuditItem it;
        it.id = r.Text(0);
        it.status = r.Enum<model::AuditStatus>(1);
        it.owner = r.Text(2);
        it.due = r.OptDay(3);
        if (!r.Null(5)) it.signoff = model::Signoff{r.Text(4), r.Day(5)};
        it.note = r.Text(6);
        p.audit->items.push_back(std::move(it));
      },
      key));
  return db.ForEach(
      "SELECT item_position, path, sha256, url FROM audit_evidence WHERE program_key = ? "
      "ORDER BY item_position, position",
      [&](const SqlRow& r) {
        r.Elem(p.audit->items, 0).evidence.push_back({r.Text(1), r.Text(2), r.Text(3)});
      },
      key);
}

Status PutTargets(SqlDb& db, int64_t key, const model::Program& p) {
  if (!p.targets) return OkStatus();
  const auto& t = *p.targets;
  return db.Run(
      "INSERT INTO targets (program_key, spi, cpi, p_on_time, readiness, satisfaction, "
      "risk_score) VALUES (?, ?, ?, ?, ?, ?, ?)",
      key, t.spi, t.cpi, t.p_on_time, t.readiness, t.satisfaction, t.risk_score);
}

Status LoadTargets(SqlDb& db, int64_t key, model::Program& p) {
  return db.ForEach(
      "SELECT spi, cpi, p_on_time, readiness, satisfaction, risk_score FROM targets "
      "WHERE program_key = ?",
      [&](const SqlRow& r) {
        p.targets = model::Targets{r.OptReal(0), r.OptReal(1), r.OptReal(2),
                                   r.OptReal(3), r.OptReal(4), r.OptReal(5)};
      },
      key);
}

}  // namespace tpmkit::store::sql
