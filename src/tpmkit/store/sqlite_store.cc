#include "tpmkit/store/sqlite_store.h"

#include <fmt/format.h>
#include <sqlite3.h>

#include <charconv>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>

#include "tpmkit/store/audit_trail.h"

namespace tpmkit::store {

namespace {

struct Migration {
  std::string_view name;  // NNN_what.sql
  std::string_view sql;
};

constexpr Migration kMigrations[] = {
#include "tpmkit_store_migrations.inc"
};

constexpr std::string_view kBusyMessage =
    "workspace busy: another tpmkit command is writing; try again";

Error SqliteError(sqlite3* db, int rc) {
  if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
    return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
  return Error::Storage(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
}

Error Corrupt(std::string what) {
  return Error::Storage("the workspace holds data this version cannot read: " + what);
}

std::string FormatUtc(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// Binding of C++ values to statement parameters (1-based).
void BindOne(sqlite3_stmt* s, int i, std::nullptr_t) { sqlite3_bind_null(s, i); }
void BindOne(sqlite3_stmt* s, int i, int64_t v) { sqlite3_bind_int64(s, i, v); }
void BindOne(sqlite3_stmt* s, int i, int v) { sqlite3_bind_int64(s, i, v); }
void BindOne(sqlite3_stmt* s, int i, size_t v) {
  sqlite3_bind_int64(s, i, static_cast<int64_t>(v));
}
void BindOne(sqlite3_stmt* s, int i, bool v) { sqlite3_bind_int(s, i, v ? 1 : 0); }
void BindOne(sqlite3_stmt* s, int i, double v) { sqlite3_bind_double(s, i, v); }
// Text is bound without a copy: every argument of Run/ForEach outlives the step (the
// statement is reset before they return, and each use binds every parameter again).
void BindOne(sqlite3_stmt* s, int i, std::string_view v) {
  sqlite3_bind_text(s, i, v.data(), static_cast<int>(v.size()), SQLITE_STATIC);
}
void BindOne(sqlite3_stmt* s, int i, const std::string& v) { BindOne(s, i, std::string_view(v)); }
void BindOne(sqlite3_stmt* s, int i, const char* v) { BindOne(s, i, std::string_view(v)); }
void BindOne(sqlite3_stmt* s, int i, Date v) {
  std::string text = v.ToString();  // a temporary: SQLite copies it
  sqlite3_bind_text(s, i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}
void BindOne(sqlite3_stmt* s, int i, Money v) { sqlite3_bind_int64(s, i, v.cents()); }
template <typename T>
void BindOne(sqlite3_stmt* s, int i, const std::optional<T>& v) {
  if (v) {
    BindOne(s, i, *v);
  } else {
    sqlite3_bind_null(s, i);
  }
}

// One result row; conversion problems are collected in `error`.
class Row {
 public:
  Row(sqlite3_stmt* s, std::optional<Error>& error) : s_(s), error_(error) {}
  bool Null(int c) const { return sqlite3_column_type(s_, c) == SQLITE_NULL; }
  int64_t Int(int c) const { return sqlite3_column_int64(s_, c); }
  double Real(int c) const { return sqlite3_column_double(s_, c); }
  std::string Text(int c) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, c));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(s_, c))) : std::string();
  }
  Money Cents(int c) const { return Money::FromCents(Int(c)); }
  Date Day(int c) const {
    std::string t = Text(c);
    auto d = Date::Parse(t);
    if (!d) {
      Fail(fmt::format("'{}' is not a date", t));
      return Date{};
    }
    return *d;
  }
  std::optional<double> OptReal(int c) const {
    return Null(c) ? std::nullopt : std::optional(Real(c));
  }
  std::optional<int> OptInt(int c) const {
    return Null(c) ? std::nullopt : std::optional(static_cast<int>(Int(c)));
  }
  std::optional<Money> OptCents(int c) const {
    return Null(c) ? std::nullopt : std::optional(Cents(c));
  }
  std::optional<Date> OptDay(int c) const { return Null(c) ? std::nullopt : std::optional(Day(c)); }
  template <typename E>
  E Enum(int c) const {
    std::string t = Text(c);
    auto v = model::Parse<E>(t);
    if (!v) {
      Fail(fmt::format("'{}' is not a known value", t));
      return E{};
    }
    return *v;
  }
  // A position used as an index into a list of `size` elements.
  size_t Index(int c, size_t size) const {
    int64_t v = Int(c);
    if (v < 0 || static_cast<uint64_t>(v) >= size) {
      Fail(fmt::format("position {} out of range", v));
      return 0;
    }
    return static_cast<size_t>(v);
  }
  // The element of `v` at the position in column c; a scratch element (and an error)
  // when the position is out of range, so that a damaged file cannot index past the end.
  template <typename V>
  typename V::value_type& Elem(V& v, int c) const {
    size_t i = Index(c, v.size());
    if (i < v.size() && !error_) return v[i];
    static thread_local typename V::value_type scratch;
    scratch = {};
    return scratch;
  }
  void Fail(std::string what) const {
    if (!error_) error_ = Corrupt(std::move(what));
  }

 private:
  sqlite3_stmt* s_;
  std::optional<Error>& error_;
};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

struct SqliteStore::Impl {
  sqlite3* db = nullptr;
  std::unordered_map<const char*, sqlite3_stmt*> statements;  // keyed by SQL literal
  std::function<std::chrono::system_clock::time_point()> clock;
  bool in_transaction = false;

  ~Impl() {
    for (auto& [sql, stmt] : statements) sqlite3_finalize(stmt);
    if (db) sqlite3_close_v2(db);
  }

  Result<sqlite3_stmt*> Prepare(const char* sql) {
    auto it = statements.find(sql);
    if (it != statements.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return SqliteError(db, rc);
    statements.emplace(sql, stmt);
    return stmt;
  }

  template <typename... A>
  Result<sqlite3_stmt*> Bound(const char* sql, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Prepare(sql));
    int i = 0;
    (BindOne(s, ++i, args), ...);
    return s;
  }

  // Runs a statement that returns no rows.
  template <typename... A>
  Status Run(const char* sql, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, args...));
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return SqliteError(db, rc);
    return OkStatus();
  }

  // Calls fn(const Row&) for each row.
  template <typename Fn, typename... A>
  Status ForEach(const char* sql, Fn fn, const A&... args) {
    TPMKIT_ASSIGN_OR_RETURN(sqlite3_stmt * s, Bound(sql, args...));
    std::optional<Error> error;
    Row row(s, error);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
      fn(row);
      if (error) break;
    }
    sqlite3_reset(s);
    if (error) return *error;
    if (rc != SQLITE_DONE) return SqliteError(db, rc);
    return OkStatus();
  }

  Status Exec(const std::string& sql) {
    char* msg = nullptr;
    int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg);
    if (rc == SQLITE_OK) return OkStatus();
    std::string text = msg ? msg : sqlite3_errstr(rc);
    sqlite3_free(msg);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
      return Error{ErrorCode::kBusy, std::string(kBusyMessage), {}};
    return Error::Storage(text);
  }

  Result<int> UserVersion() {
    int v = 0;
    TPMKIT_RETURN_IF_ERROR(
        ForEach("PRAGMA user_version", [&](const Row& r) { v = static_cast<int>(r.Int(0)); }));
    return v;
  }

  Status Migrate(int target) {
    TPMKIT_ASSIGN_OR_RETURN(int current, UserVersion());
    if (current > LatestSchemaVersion()) {
      return Error::Storage(fmt::format(
          "the workspace has schema version {}, newer than this tpmkit knows ({}); upgrade tpmkit",
          current, LatestSchemaVersion()));
    }
    if (current >= target) return OkStatus();
    TPMKIT_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
    // Another process may have migrated between the check and the lock.
    auto apply = [&]() -> Status {
      TPMKIT_ASSIGN_OR_RETURN(int now, UserVersion());
      for (int v = now + 1; v <= target; ++v) {
        TPMKIT_RETURN_IF_ERROR(Exec(std::string(kMigrations[v - 1].sql)));
      }
      if (now < target)
        TPMKIT_RETURN_IF_ERROR(Exec(fmt::format("PRAGMA user_version = {}", target)));
      return Exec("COMMIT");
    };
    Status s = apply();
    if (!s.ok()) {
      (void)Exec("ROLLBACK");
      return Error{s.error().code, "cannot update the workspace schema: " + s.error().message, {}};
    }
    return OkStatus();
  }
};

namespace {

// One transaction on the store's connection.
class SqliteTransaction : public Transaction {
 public:
  SqliteTransaction(SqliteStore::Impl* s, TxnMode mode) : s_(s), mode_(mode) {}
  ~SqliteTransaction() override {
    if (done_) return;
    (void)s_->Exec("ROLLBACK");
    s_->in_transaction = false;
  }

  Result<std::vector<ProgramSummary>> ListPrograms() override;
  Result<std::optional<model::Program>> LoadProgram(const std::string& id) override;
  Status PutProgram(const model::Program& program) override;
  Status DeleteProgram(const std::string& id) override;
  Result<std::vector<AuditEntry>> AppendAudit(
      const std::string& actor, const std::string& program,
      const std::vector<model::EntityChange>& changes) override;
  Result<std::vector<AuditEntry>> ReadAudit(const AuditFilter& filter) override;
  Result<VerifyResult> VerifyAudit() override;
  Status Commit() override;

 private:
  Status Usable(bool write) const {
    if (done_) return Error{ErrorCode::kInternal, "the transaction is already finished", {}};
    if (write && mode_ != TxnMode::kWrite) {
      return Error{ErrorCode::kInternal, "a write in a read transaction", {}};
    }
    return OkStatus();
  }
  Status InsertTask(int64_t key, size_t position, std::optional<size_t> project,
                    std::optional<size_t> change, const model::Task& t);

  SqliteStore::Impl* s_;
  TxnMode mode_;
  bool done_ = false;
};

Result<std::vector<ProgramSummary>> SqliteTransaction::ListPrograms() {
  TPMKIT_RETURN_IF_ERROR(Usable(false));
  std::vector<ProgramSummary> out;
  TPMKIT_RETURN_IF_ERROR(
      s_->ForEach("SELECT id, name FROM programs ORDER BY id", [&](const Row& r) {
        out.push_back({r.Text(0), r.Text(1)});
      }));
  return out;
}

Status SqliteTransaction::InsertTask(int64_t key, size_t position, std::optional<size_t> project,
                                     std::optional<size_t> change, const model::Task& t) {
  const model::Estimate* e = t.estimate ? &*t.estimate : nullptr;
  const model::Baseline* b = t.baseline ? &*t.baseline : nullptr;
  TPMKIT_RETURN_IF_ERROR(s_->Run(
      "INSERT INTO tasks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      key, position, project, change, t.id, t.name, t.owner, t.duration,
      e ? std::optional(e->optimistic) : std::nullopt, e ? std::optional(e->likely) : std::nullopt,
      e ? std::optional(e->pessimistic) : std::nullopt,
      e ? std::optional(model::Name(e->distribution)) : std::nullopt, t.milestone, t.cost,
      t.percent_complete, t.actual_start, t.actual_finish, b != nullptr,
      b ? b->start : std::nullopt, b ? b->finish : std::nullopt, t.start_no_earlier_than,
      t.deadline));
  for (size_t i = 0; i < t.depends.size(); ++i) {
    const auto& l = t.depends[i];
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO task_links VALUES (?, ?, ?, ?, ?, ?)", key,
                                   position, i, l.task, model::Name(l.type), l.lag));
  }
  for (size_t i = 0; i < t.resources.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO task_resources VALUES (?, ?, ?, ?)", key, position,
                                   i, t.resources[i]));
  }
  return OkStatus();
}

Status SqliteTransaction::PutProgram(const model::Program& p) {
  TPMKIT_RETURN_IF_ERROR(Usable(true));
  // Replace: the cascade removes every row of the previous version.
  TPMKIT_RETURN_IF_ERROR(s_->Run("DELETE FROM programs WHERE id = ?", p.id));
  TPMKIT_RETURN_IF_ERROR(s_->Run(
      "INSERT INTO programs (id, name, objective, sponsor, currency, start, target, status_date, "
      "budget_cents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      p.id, p.name, p.objective, p.sponsor, p.currency, p.start, p.target, p.status_date,
      p.budget));
  const int64_t key = sqlite3_last_insert_rowid(s_->db);

  if (p.calendar) {
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO calendars VALUES (?)", key));
    for (size_t i = 0; i < p.calendar->workweek.size(); ++i) {
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO calendar_workdays VALUES (?, ?, ?)", key, i,
                                     WeekdayName(p.calendar->workweek[i])));
    }
    for (size_t i = 0; i < p.calendar->holidays.size(); ++i) {
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO calendar_holidays VALUES (?, ?, ?)", key, i,
                                     p.calendar->holidays[i]));
    }
  }
  for (size_t i = 0; i < p.assumptions.size(); ++i) {
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO assumptions VALUES (?, ?, ?)", key, i, p.assumptions[i]));
  }
  size_t task_pos = 0;
  for (size_t i = 0; i < p.projects.size(); ++i) {
    const auto& pr = p.projects[i];
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO projects VALUES (?, ?, ?, ?, ?)", key, i, pr.id, pr.name, pr.owner));
    for (const auto& t : pr.tasks) {
      TPMKIT_RETURN_IF_ERROR(InsertTask(key, task_pos++, i, std::nullopt, t));
    }
  }
  for (size_t i = 0; i < p.dependencies.size(); ++i) {
    const auto& d = p.dependencies[i];
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO dependencies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   key, i, d.id, d.name, d.provider, d.owner, d.needed_by,
                                   model::Name(d.status), d.expected));
    for (size_t j = 0; j < d.tasks.size(); ++j) {
      TPMKIT_RETURN_IF_ERROR(
          s_->Run("INSERT INTO dependency_tasks VALUES (?, ?, ?, ?)", key, i, j, d.tasks[j]));
    }
  }
  for (size_t i = 0; i < p.resources.size(); ++i) {
    const auto& r = p.resources[i];
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO resources VALUES (?, ?, ?, ?, ?, ?)", key, i, r.id,
                                   r.name, r.rate, r.capacity));
  }
  for (size_t i = 0; i < p.actuals.size(); ++i) {
    const auto& a = p.actuals[i];
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO actuals VALUES (?, ?, ?, ?, ?, ?)", key, i, a.date,
                                   a.amount, a.task, a.note));
  }
  if (p.scorecard) {
    const auto& sc = *p.scorecard;
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO scorecards VALUES (?, ?)", key, sc.criteria.has_value()));
    if (sc.criteria) {
      for (size_t i = 0; i < sc.criteria->size(); ++i) {
        const auto& c = (*sc.criteria)[i];
        TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO scorecard_criteria VALUES (?, ?, ?, ?, ?)", key,
                                       i, c.id, c.name, c.weight));
      }
    }
    for (size_t i = 0; i < sc.assessments.size(); ++i) {
      const auto& a = sc.assessments[i];
      TPMKIT_RETURN_IF_ERROR(
          s_->Run("INSERT INTO assessments VALUES (?, ?, ?, ?, ?)", key, i, a.date, a.by, a.notes));
      for (const auto& [crit, rating] : a.ratings) {
        TPMKIT_RETURN_IF_ERROR(
            s_->Run("INSERT INTO assessment_ratings VALUES (?, ?, ?, ?)", key, i, crit, rating));
      }
    }
  }
  for (size_t i = 0; i < p.risks.size(); ++i) {
    const auto& r = p.risks[i];
    const model::RiskImpact* im = r.impact ? &*r.impact : nullptr;
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO risks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                key, i, r.id, r.title, r.category, r.owner, model::Name(r.status), r.raised,
                r.probability, r.severity, im != nullptr, im ? im->schedule : std::nullopt,
                im ? im->cost : std::nullopt, r.mitigation, r.trigger, r.response_due,
                r.residual ? std::optional(r.residual->probability) : std::nullopt,
                r.residual ? std::optional(r.residual->severity) : std::nullopt));
    if (im) {
      for (size_t j = 0; j < im->tasks.size(); ++j) {
        TPMKIT_RETURN_IF_ERROR(
            s_->Run("INSERT INTO risk_impact_tasks VALUES (?, ?, ?, ?)", key, i, j, im->tasks[j]));
      }
    }
  }
  for (size_t i = 0; i < p.stakeholders.size(); ++i) {
    const auto& s = p.stakeholders[i];
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO stakeholders VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key, i,
                s.id, s.name, s.role, s.influence, s.impact, model::Name(s.stance), s.channel,
                s.cadence, s.last_contact, s.satisfaction));
    for (size_t j = 0; j < s.contacts.size(); ++j) {
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO stakeholder_contacts VALUES (?, ?, ?, ?, ?)", key,
                                     i, j, s.contacts[j].on, s.contacts[j].note));
    }
  }
  for (size_t i = 0; i < p.decisions.size(); ++i) {
    const auto& d = p.decisions[i];
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                   key, i, d.id, d.question, model::Name(d.status), d.decision_rule,
                                   d.chosen, d.rationale, d.decided_by, d.decided_on));
    for (size_t j = 0; j < d.criteria.size(); ++j) {
      const auto& c = d.criteria[j];
      TPMKIT_RETURN_IF_ERROR(s_->Run(
          "INSERT INTO decision_criteria VALUES (?, ?, ?, ?, ?, ?, ?)", key, i, j, c.id, c.name,
          c.weight, c.measure ? std::optional(model::Name(*c.measure)) : std::nullopt));
    }
    for (size_t j = 0; j < d.options.size(); ++j) {
      const auto& o = d.options[j];
      TPMKIT_RETURN_IF_ERROR(
          s_->Run("INSERT INTO decision_options VALUES (?, ?, ?, ?, ?)", key, i, j, o.id, o.name));
      for (const auto& [crit, score] : o.scores) {
        TPMKIT_RETURN_IF_ERROR(
            s_->Run("INSERT INTO option_scores VALUES (?, ?, ?, ?, ?)", key, i, j, crit, score));
      }
      if (!o.scenario) continue;
      const auto& sc = *o.scenario;
      const model::DurationFactor* f = sc.duration_factor ? &*sc.duration_factor : nullptr;
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO option_scenarios VALUES (?, ?, ?, ?, ?, ?)", key,
                                     i, j, sc.cost, f ? std::optional(f->factor) : std::nullopt,
                                     sc.target));
      if (f) {
        for (size_t k = 0; k < f->tasks.size(); ++k) {
          TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO scenario_tasks VALUES (?, ?, ?, ?, ?, ?)",
                                         key, i, j, "factor", k, f->tasks[k]));
        }
      }
      for (size_t k = 0; k < sc.remove_tasks.size(); ++k) {
        TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO scenario_tasks VALUES (?, ?, ?, ?, ?, ?)", key,
                                       i, j, "remove", k, sc.remove_tasks[k]));
      }
    }
    for (const auto& [who, weights] : d.stakeholder_weights) {
      if (weights.empty()) {
        TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO stakeholder_weights VALUES (?, ?, ?, ?, ?)",
                                       key, i, who, nullptr, nullptr));
      }
      for (const auto& [crit, w] : weights) {
        TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO stakeholder_weights VALUES (?, ?, ?, ?, ?)",
                                       key, i, who, crit, w));
      }
    }
  }
  for (size_t i = 0; i < p.changes.size(); ++i) {
    const auto& c = p.changes[i];
    const model::ChangeImpact* im = c.impact ? &*c.impact : nullptr;
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO changes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", key,
                                   i, c.id, c.title, c.requested_by, c.requested_on,
                                   model::Name(c.status), im != nullptr,
                                   im ? im->schedule : std::nullopt, im ? im->cost : std::nullopt));
    for (const auto& t : c.adds_tasks) {
      TPMKIT_RETURN_IF_ERROR(InsertTask(key, task_pos++, std::nullopt, i, t));
    }
    for (size_t j = 0; j < c.approvals.size(); ++j) {
      const auto& a = c.approvals[j];
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO change_approvals VALUES (?, ?, ?, ?, ?, ?, ?)",
                                     key, i, j, a.by, a.on, model::Name(a.decision), a.note));
    }
  }
  if (p.audit) {
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("INSERT INTO audit_readiness VALUES (?, ?)", key, p.audit->retention_years));
    for (size_t i = 0; i < p.audit->items.size(); ++i) {
      const auto& it = p.audit->items[i];
      const model::Signoff* so = it.signoff ? &*it.signoff : nullptr;
      TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO audit_items VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     key, i, it.id, model::Name(it.status), it.owner, it.due,
                                     so ? std::optional(so->by) : std::nullopt,
                                     so ? std::optional(so->on) : std::nullopt, it.note));
      for (size_t j = 0; j < it.evidence.size(); ++j) {
        const auto& e = it.evidence[j];
        TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO audit_evidence VALUES (?, ?, ?, ?, ?, ?)", key,
                                       i, j, e.path, e.sha256, e.url));
      }
    }
  }
  if (p.targets) {
    const auto& t = *p.targets;
    TPMKIT_RETURN_IF_ERROR(s_->Run("INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?)", key, t.spi,
                                   t.cpi, t.p_on_time, t.readiness, t.satisfaction, t.risk_score));
  }
  return OkStatus();
}

Result<std::optional<model::Program>> SqliteTransaction::LoadProgram(const std::string& id) {
  TPMKIT_RETURN_IF_ERROR(Usable(false));
  model::Program p;
  std::optional<int64_t> key;
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT key, id, name, objective, sponsor, currency, start, target, status_date, "
      "budget_cents FROM programs WHERE id = ?",
      [&](const Row& r) {
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
  if (!key) return std::optional<model::Program>();
  const int64_t k = *key;

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT 1 FROM calendars WHERE program_key = ?",
      [&](const Row&) {
        p.calendar = model::Calendar{{}, {}};
      },
      k));
  if (p.calendar) {
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT weekday FROM calendar_workdays WHERE program_key = ? ORDER BY position",
        [&](const Row& r) {
          auto w = ParseWeekday(r.Text(0));
          if (!w) r.Fail("'" + r.Text(0) + "' is not a weekday");
          p.calendar->workweek.push_back(w.value_or(Weekday::kMon));
        },
        k));
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT day FROM calendar_holidays WHERE program_key = ? ORDER BY position",
        [&](const Row& r) { p.calendar->holidays.push_back(r.Day(0)); }, k));
  }
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT text FROM assumptions WHERE program_key = ? ORDER BY position",
      [&](const Row& r) { p.assumptions.push_back(r.Text(0)); }, k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, name, owner FROM projects WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
        p.projects.push_back({r.Text(0), r.Text(1), r.Text(2), {}});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, title, requested_by, requested_on, status, has_impact, impact_schedule, "
      "impact_cost_cents FROM changes WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
        model::Change c;
        c.id = r.Text(0);
        c.title = r.Text(1);
        c.requested_by = r.Text(2);
        c.requested_on = r.OptDay(3);
        c.status = r.Enum<model::ChangeStatus>(4);
        if (r.Int(5)) c.impact = model::ChangeImpact{r.OptReal(6), r.OptCents(7)};
        p.changes.push_back(std::move(c));
      },
      k));

  // Tasks of the plan and of change requests, numbered together, then their lists.
  struct Owner {
    bool in_project;
    size_t index;
  };
  std::vector<model::Task> tasks;
  std::vector<Owner> owners;
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT project_position, change_position, id, name, owner, duration, estimate_optimistic, "
      "estimate_likely, estimate_pessimistic, estimate_distribution, milestone, cost_cents, "
      "percent_complete, actual_start, actual_finish, has_baseline, baseline_start, "
      "baseline_finish, start_no_earlier_than, deadline FROM tasks WHERE program_key = ? "
      "ORDER BY position",
      [&](const Row& r) {
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
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT task_position, task, type, lag FROM task_links WHERE program_key = ? "
      "ORDER BY task_position, position",
      [&](const Row& r) {
        r.Elem(tasks, 0).depends.push_back({r.Text(1), r.Enum<model::LinkType>(2), r.Real(3)});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT task_position, resource FROM task_resources WHERE program_key = ? "
      "ORDER BY task_position, position",
      [&](const Row& r) { r.Elem(tasks, 0).resources.push_back(r.Text(1)); }, k));
  for (size_t i = 0; i < tasks.size(); ++i) {
    auto& dest = owners[i].in_project ? p.projects[owners[i].index].tasks
                                      : p.changes[owners[i].index].adds_tasks;
    dest.push_back(std::move(tasks[i]));
  }
  tasks.clear();

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, name, provider, owner, needed_by, status, expected FROM dependencies "
      "WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
        p.dependencies.push_back({r.Text(0),
                                  r.Text(1),
                                  r.Text(2),
                                  r.Text(3),
                                  r.OptDay(4),
                                  r.Enum<model::DependencyStatus>(5),
                                  {},
                                  r.OptDay(6)});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT dependency_position, task FROM dependency_tasks WHERE program_key = ? "
      "ORDER BY dependency_position, position",
      [&](const Row& r) { r.Elem(p.dependencies, 0).tasks.push_back(r.Text(1)); }, k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, name, rate_cents, capacity FROM resources WHERE program_key = ? "
      "ORDER BY position",
      [&](const Row& r) {
        p.resources.push_back({r.Text(0), r.Text(1), r.OptCents(2), r.OptReal(3)});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT date, amount_cents, task, note FROM actuals WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
        p.actuals.push_back({r.Day(0), r.Cents(1), r.Text(2), r.Text(3)});
      },
      k));

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT custom_criteria FROM scorecards WHERE program_key = ?",
      [&](const Row& r) {
        p.scorecard = model::Scorecard{};
        if (r.Int(0)) p.scorecard->criteria = std::vector<model::Criterion>{};
      },
      k));
  if (p.scorecard) {
    auto& sc = *p.scorecard;
    if (sc.criteria) {
      TPMKIT_RETURN_IF_ERROR(s_->ForEach(
          "SELECT id, name, weight FROM scorecard_criteria WHERE program_key = ? ORDER BY position",
          [&](const Row& r) {
            sc.criteria->push_back({r.Text(0), r.Text(1), r.Real(2)});
          },
          k));
    }
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT date, by, notes FROM assessments WHERE program_key = ? ORDER BY position",
        [&](const Row& r) {
          sc.assessments.push_back({r.Day(0), r.Text(1), {}, r.Text(2)});
        },
        k));
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT assessment_position, criterion, rating FROM assessment_ratings "
        "WHERE program_key = ?",
        [&](const Row& r) {
          r.Elem(sc.assessments, 0).ratings[r.Text(1)] = static_cast<int>(r.Int(2));
        },
        k));
  }

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, title, category, owner, status, raised, probability, severity, has_impact, "
      "impact_schedule, impact_cost_cents, mitigation, trigger, response_due, "
      "residual_probability, residual_severity FROM risks WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
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
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT risk_position, task FROM risk_impact_tasks WHERE program_key = ? "
      "ORDER BY risk_position, position",
      [&](const Row& r) {
        auto& risk = r.Elem(p.risks, 0);
        if (!risk.impact) risk.impact = model::RiskImpact{};
        risk.impact->tasks.push_back(r.Text(1));
      },
      k));

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, name, role, influence, impact, stance, channel, cadence, last_contact, "
      "satisfaction FROM stakeholders WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
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
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT stakeholder_position, on_date, note FROM stakeholder_contacts WHERE program_key = ? "
      "ORDER BY stakeholder_position, position",
      [&](const Row& r) {
        r.Elem(p.stakeholders, 0).contacts.push_back({r.Day(1), r.Text(2)});
      },
      k));

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT id, question, status, decision_rule, chosen, rationale, decided_by, decided_on "
      "FROM decisions WHERE program_key = ? ORDER BY position",
      [&](const Row& r) {
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
      k));
  auto decision = [&](const Row& r) -> model::Decision& { return r.Elem(p.decisions, 0); };
  auto option = [&](const Row& r) -> model::Option& {
    auto& d = decision(r);
    return r.Elem(d.options, 1);
  };
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, id, name, weight, measure FROM decision_criteria "
      "WHERE program_key = ? ORDER BY decision_position, position",
      [&](const Row& r) {
        std::optional<model::Measure> m;
        if (!r.Null(4)) m = r.Enum<model::Measure>(4);
        decision(r).criteria.push_back({r.Text(1), r.Text(2), r.Real(3), m});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, id, name FROM decision_options WHERE program_key = ? "
      "ORDER BY decision_position, position",
      [&](const Row& r) {
        decision(r).options.push_back({r.Text(1), r.Text(2), {}, {}});
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, option_position, criterion, score FROM option_scores "
      "WHERE program_key = ?",
      [&](const Row& r) { option(r).scores[r.Text(2)] = static_cast<int>(r.Int(3)); }, k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, option_position, cost_cents, duration_factor, target "
      "FROM option_scenarios WHERE program_key = ?",
      [&](const Row& r) {
        model::Scenario sc;
        sc.cost = r.OptCents(2);
        if (!r.Null(3)) sc.duration_factor = model::DurationFactor{{}, r.Real(3)};
        sc.target = r.OptDay(4);
        option(r).scenario = std::move(sc);
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, option_position, list, task FROM scenario_tasks "
      "WHERE program_key = ? ORDER BY decision_position, option_position, list, position",
      [&](const Row& r) {
        auto& o = option(r);
        if (!o.scenario) o.scenario = model::Scenario{};
        if (r.Text(2) == "factor") {
          if (!o.scenario->duration_factor) o.scenario->duration_factor = model::DurationFactor{};
          o.scenario->duration_factor->tasks.push_back(r.Text(3));
        } else {
          o.scenario->remove_tasks.push_back(r.Text(3));
        }
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT decision_position, stakeholder, criterion, weight FROM stakeholder_weights "
      "WHERE program_key = ?",
      [&](const Row& r) {
        auto& w = decision(r).stakeholder_weights[r.Text(1)];
        if (!r.Null(2)) w[r.Text(2)] = r.Real(3);
      },
      k));
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT change_position, by, on_date, decision, note FROM change_approvals "
      "WHERE program_key = ? ORDER BY change_position, position",
      [&](const Row& r) {
        r.Elem(p.changes, 0)
            .approvals.push_back(
                {r.Text(1), r.Day(2), r.Enum<model::ApprovalDecision>(3), r.Text(4)});
      },
      k));

  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT retention_years FROM audit_readiness WHERE program_key = ?",
      [&](const Row& r) {
        p.audit = model::Audit{r.OptInt(0), {}};
      },
      k));
  if (p.audit) {
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT id, status, owner, due, signoff_by, signoff_on, note FROM audit_items "
        "WHERE program_key = ? ORDER BY position",
        [&](const Row& r) {
          model::AuditItem it;
          it.id = r.Text(0);
          it.status = r.Enum<model::AuditStatus>(1);
          it.owner = r.Text(2);
          it.due = r.OptDay(3);
          if (!r.Null(5)) it.signoff = model::Signoff{r.Text(4), r.Day(5)};
          it.note = r.Text(6);
          p.audit->items.push_back(std::move(it));
        },
        k));
    TPMKIT_RETURN_IF_ERROR(s_->ForEach(
        "SELECT item_position, path, sha256, url FROM audit_evidence WHERE program_key = ? "
        "ORDER BY item_position, position",
        [&](const Row& r) {
          r.Elem(p.audit->items, 0).evidence.push_back({r.Text(1), r.Text(2), r.Text(3)});
        },
        k));
  }
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT spi, cpi, p_on_time, readiness, satisfaction, risk_score FROM targets "
      "WHERE program_key = ?",
      [&](const Row& r) {
        p.targets = model::Targets{r.OptReal(0), r.OptReal(1), r.OptReal(2),
                                   r.OptReal(3), r.OptReal(4), r.OptReal(5)};
      },
      k));
  return std::optional<model::Program>(std::move(p));
}

Status SqliteTransaction::DeleteProgram(const std::string& id) {
  TPMKIT_RETURN_IF_ERROR(Usable(true));
  TPMKIT_RETURN_IF_ERROR(s_->Run("DELETE FROM programs WHERE id = ?", id));
  if (sqlite3_changes(s_->db) == 0) {
    return Error::NotFound(fmt::format("no program '{}' in the workspace", id));
  }
  return OkStatus();
}

Result<std::optional<AuditHead>> ReadHead(SqliteStore::Impl* s) {
  std::optional<AuditHead> head;
  TPMKIT_RETURN_IF_ERROR(s->ForEach("SELECT last_seq, last_hash FROM audit_trail_head WHERE id = 1",
                                    [&](const Row& r) {
                                      head = AuditHead{r.Int(0), r.Text(1)};
                                    }));
  return head;
}

Result<std::vector<AuditEntry>> SqliteTransaction::AppendAudit(
    const std::string& actor, const std::string& program,
    const std::vector<model::EntityChange>& changes) {
  TPMKIT_RETURN_IF_ERROR(Usable(true));
  TPMKIT_ASSIGN_OR_RETURN(auto head, ReadHead(s_));
  if (!head) {
    return Error::Storage("the audit trail's head record is missing; run `tpmkit audit verify`");
  }
  const std::string at = FormatUtc(s_->clock ? s_->clock() : std::chrono::system_clock::now());
  std::vector<AuditEntry> out;
  out.reserve(changes.size());
  int64_t seq = head->last_seq;
  std::string prev = head->last_hash;
  for (const auto& c : changes) {
    AuditEntry e;
    e.seq = ++seq;
    e.at = at;
    e.actor = actor;
    e.program = program;
    e.change = c;
    e.prev_hash = prev;
    const std::string changes_json = CanonicalChangesJson(c.changes);
    e.hash = ComputeEntryHash(prev, e, changes_json);
    TPMKIT_RETURN_IF_ERROR(s_->Run(
        "INSERT INTO audit_trail (seq, at, actor, program, entity, entity_id, action, changes, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.seq, e.at, e.actor, e.program, c.entity, c.entity_id, model::Name(c.action), changes_json,
        e.prev_hash, e.hash));
    prev = e.hash;
    out.push_back(std::move(e));
  }
  if (!changes.empty()) {
    TPMKIT_RETURN_IF_ERROR(
        s_->Run("UPDATE audit_trail_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, prev));
  }
  return out;
}

std::optional<model::ChangeAction> ParseAction(std::string_view a) {
  for (auto v :
       {model::ChangeAction::kCreate, model::ChangeAction::kUpdate, model::ChangeAction::kDelete}) {
    if (model::Name(v) == a) return v;
  }
  return std::nullopt;
}

// Reads one audit row (columns seq, at, actor, program, entity, entity_id, action,
// changes, prev_hash, hash); the error says why it cannot be read.
Result<AuditEntry> ReadEntry(const Row& r, bool require_canonical) {
  AuditEntry e;
  e.seq = r.Int(0);
  e.at = r.Text(1);
  e.actor = r.Text(2);
  e.program = r.Text(3);
  e.change.entity = r.Text(4);
  e.change.entity_id = r.Text(5);
  auto action = ParseAction(r.Text(6));
  if (!action) return Error::Storage(fmt::format("audit entry {} has an unknown action", e.seq));
  e.change.action = *action;
  std::string json = r.Text(7);
  auto parsed = ParseChangesJson(json);
  if (!parsed.ok()) {
    return Error::Storage(fmt::format("audit entry {}: its changes are not valid JSON", e.seq));
  }
  e.change.changes = std::move(parsed).value();
  if (require_canonical && CanonicalChangesJson(e.change.changes) != json) {
    return Error::Storage(
        fmt::format("audit entry {}: its changes are not in canonical form", e.seq));
  }
  e.prev_hash = r.Text(8);
  e.hash = r.Text(9);
  return e;
}

Result<std::vector<AuditEntry>> SqliteTransaction::ReadAudit(const AuditFilter& f) {
  TPMKIT_RETURN_IF_ERROR(Usable(false));
  std::vector<AuditEntry> out;
  std::optional<Error> error;
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT seq, at, actor, program, entity, entity_id, action, changes, prev_hash, hash "
      "FROM audit_trail WHERE (?1 IS NULL OR program = ?1) AND (?2 IS NULL OR entity = ?2) "
      "AND (?3 IS NULL OR actor = ?3) AND (?4 IS NULL OR at >= ?4) ORDER BY seq DESC",
      [&](const Row& r) {
        if (error) return;
        auto e = ReadEntry(r, false);
        if (!e.ok()) {
          error = std::move(e).error();
          return;
        }
        out.push_back(std::move(e).value());
      },
      f.program, f.entity, f.actor, f.since));
  if (error) return *error;
  return out;
}

Result<VerifyResult> SqliteTransaction::VerifyAudit() {
  TPMKIT_RETURN_IF_ERROR(Usable(false));
  ChainVerifier verifier;
  TPMKIT_RETURN_IF_ERROR(s_->ForEach(
      "SELECT seq, at, actor, program, entity, entity_id, action, changes, prev_hash, hash "
      "FROM audit_trail ORDER BY seq",
      [&](const Row& r) {
        auto e = ReadEntry(r, true);
        if (e.ok()) {
          verifier.Add(*e);
        } else {
          verifier.AddUnreadable(r.Int(0), e.error().message);
        }
      }));
  TPMKIT_ASSIGN_OR_RETURN(auto head, ReadHead(s_));
  return verifier.Finish(head);
}

Status SqliteTransaction::Commit() {
  TPMKIT_RETURN_IF_ERROR(Usable(false));
  TPMKIT_RETURN_IF_ERROR(s_->Exec("COMMIT"));
  done_ = true;
  s_->in_transaction = false;
  return OkStatus();
}

}  // namespace

SqliteStore::SqliteStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const OpenOptions& options) {
  const bool memory = path == ":memory:";
  if (!memory && !options.create) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      return Error::NotFound(fmt::format("no workspace at {} (run `tpmkit init`)", path));
    }
  }
  auto impl = std::make_unique<Impl>();
  impl->clock = options.clock;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (options.create || memory) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(path.c_str(), &impl->db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Error e = Error::Storage(fmt::format("cannot open the workspace {}: {}", path,
                                         impl->db ? sqlite3_errmsg(impl->db) : sqlite3_errstr(rc)));
    return e;
  }
  sqlite3_extended_result_codes(impl->db, 0);
  sqlite3_busy_timeout(impl->db, options.busy_timeout_ms);
  TPMKIT_RETURN_IF_ERROR(impl->Exec("PRAGMA foreign_keys = ON"));
  if (!memory) TPMKIT_RETURN_IF_ERROR(impl->Exec("PRAGMA journal_mode = WAL"));
  TPMKIT_RETURN_IF_ERROR(impl->Exec("PRAGMA synchronous = NORMAL"));
  int target = options.schema_version > 0 ? std::min(options.schema_version, LatestSchemaVersion())
                                          : LatestSchemaVersion();
  TPMKIT_RETURN_IF_ERROR(impl->Migrate(target));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(impl)));
}

Result<std::unique_ptr<Transaction>> SqliteStore::Begin(TxnMode mode) {
  if (impl_->in_transaction) {
    return Error{ErrorCode::kInternal, "a transaction is already open on this workspace", {}};
  }
  TPMKIT_RETURN_IF_ERROR(impl_->Exec(mode == TxnMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN"));
  impl_->in_transaction = true;
  return std::unique_ptr<Transaction>(std::make_unique<SqliteTransaction>(impl_.get(), mode));
}

Status SqliteStore::ExecRaw(const std::string& sql) { return impl_->Exec(sql); }

Result<int> SqliteStore::SchemaVersion() { return impl_->UserVersion(); }

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const OpenOptions& options) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return Error::Usage("PostgreSQL workspaces are not supported yet");
  }
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  TPMKIT_ASSIGN_OR_RETURN(auto store, SqliteStore::Open(path, options));
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace tpmkit::store
