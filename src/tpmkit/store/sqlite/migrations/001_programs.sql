-- Schema version 1: programs and everything a program file holds, one table per
-- entity. Every table hangs off programs(key) with ON DELETE CASCADE; lists keep
-- their order in a `position` column (0-based); nested lists name the position of
-- their parent. Money is INTEGER cents, dates TEXT YYYY-MM-DD, optional values NULL,
-- optional text '' (as in the model).

CREATE TABLE programs (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  objective TEXT NOT NULL,
  sponsor TEXT NOT NULL,
  currency TEXT NOT NULL,
  start TEXT NOT NULL,
  target TEXT,
  status_date TEXT,
  budget_cents INTEGER
);

-- Present when the program states a calendar (absent: Mon-Fri, no holidays).
CREATE TABLE calendars (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE calendar_workdays (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  weekday TEXT NOT NULL,  -- mon .. sun
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE calendar_holidays (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  day TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE assumptions (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE projects (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

-- The plan's tasks and the tasks that change requests would add, numbered together:
-- `position` counts plan tasks first (in file order), then added tasks. Exactly one of
-- project_position (a plan task) and change_position (an added task) is set.
CREATE TABLE tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  project_position INTEGER,
  change_position INTEGER,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  owner TEXT NOT NULL,
  duration REAL,
  estimate_optimistic REAL,  -- the estimate columns are NULL together (no estimate)
  estimate_likely REAL,
  estimate_pessimistic REAL,
  estimate_distribution TEXT,
  milestone INTEGER NOT NULL,
  cost_cents INTEGER,
  percent_complete REAL,
  actual_start TEXT,
  actual_finish TEXT,
  has_baseline INTEGER NOT NULL,
  baseline_start TEXT,
  baseline_finish TEXT,
  start_no_earlier_than TEXT,
  deadline TEXT,
  PRIMARY KEY (program_key, position),
  CHECK ((project_position IS NULL) <> (change_position IS NULL))
) WITHOUT ROWID;

CREATE TABLE task_links (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,  -- the predecessor, as written ("id" or "project.id")
  type TEXT NOT NULL,  -- FS | SS | FF | SF
  lag REAL NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
) WITHOUT ROWID;

CREATE TABLE task_resources (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  resource TEXT NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
) WITHOUT ROWID;

CREATE TABLE dependencies (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  provider TEXT NOT NULL,
  owner TEXT NOT NULL,
  needed_by TEXT,
  status TEXT NOT NULL,
  expected TEXT,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE dependency_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  dependency_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, dependency_position, position)
) WITHOUT ROWID;

CREATE TABLE resources (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  rate_cents INTEGER,
  capacity REAL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE actuals (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  amount_cents INTEGER NOT NULL,
  task TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

-- Present when the program has a scorecard; custom_criteria = 1 when it states its own
-- criteria (then scorecard_criteria holds them, possibly none), 0 for the defaults.
CREATE TABLE scorecards (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  custom_criteria INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE scorecard_criteria (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE assessments (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  date TEXT NOT NULL,
  by TEXT NOT NULL,
  notes TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE assessment_ratings (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  assessment_position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  rating INTEGER NOT NULL,
  PRIMARY KEY (program_key, assessment_position, criterion)
) WITHOUT ROWID;

CREATE TABLE risks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  owner TEXT NOT NULL,
  status TEXT NOT NULL,
  raised TEXT,
  probability REAL NOT NULL,
  severity INTEGER NOT NULL,
  has_impact INTEGER NOT NULL,
  impact_schedule REAL,
  impact_cost_cents INTEGER,
  mitigation TEXT NOT NULL,
  trigger TEXT NOT NULL,
  response_due TEXT,
  residual_probability REAL,  -- both NULL when there is no residual
  residual_severity INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE risk_impact_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  risk_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, risk_position, position)
) WITHOUT ROWID;

CREATE TABLE stakeholders (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  influence INTEGER NOT NULL,
  impact INTEGER NOT NULL,
  stance TEXT NOT NULL,
  channel TEXT NOT NULL,
  cadence REAL,
  last_contact TEXT,
  satisfaction INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE stakeholder_contacts (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  stakeholder_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, stakeholder_position, position)
) WITHOUT ROWID;

CREATE TABLE decisions (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  question TEXT NOT NULL,
  status TEXT NOT NULL,
  decision_rule TEXT NOT NULL,
  chosen TEXT NOT NULL,
  rationale TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE decision_criteria (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  weight REAL NOT NULL,
  measure TEXT,
  PRIMARY KEY (program_key, decision_position, position)
) WITHOUT ROWID;

CREATE TABLE decision_options (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (program_key, decision_position, position)
) WITHOUT ROWID;

CREATE TABLE option_scores (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  criterion TEXT NOT NULL,
  score INTEGER NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, criterion)
) WITHOUT ROWID;

-- An option's scenario, when it has one. duration_factor is NULL when the scenario
-- has no duration_factor (its tasks are in scenario_tasks with list 'factor').
CREATE TABLE option_scenarios (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  cost_cents INTEGER,
  duration_factor REAL,
  target TEXT,
  PRIMARY KEY (program_key, decision_position, option_position)
) WITHOUT ROWID;

CREATE TABLE scenario_tasks (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  option_position INTEGER NOT NULL,
  list TEXT NOT NULL,  -- 'factor' (duration_factor.tasks) | 'remove' (remove_tasks)
  position INTEGER NOT NULL,
  task TEXT NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, list, position)
) WITHOUT ROWID;

CREATE TABLE stakeholder_weights (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position INTEGER NOT NULL,
  stakeholder TEXT NOT NULL,
  criterion TEXT,  -- NULL: the stakeholder is listed with no weights
  weight REAL,
  PRIMARY KEY (program_key, decision_position, stakeholder, criterion)
);

CREATE TABLE changes (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  requested_by TEXT NOT NULL,
  requested_on TEXT,
  status TEXT NOT NULL,
  has_impact INTEGER NOT NULL,
  impact_schedule REAL,
  impact_cost_cents INTEGER,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE change_approvals (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  change_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  by TEXT NOT NULL,
  on_date TEXT NOT NULL,
  decision TEXT NOT NULL,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, change_position, position)
) WITHOUT ROWID;

-- Audit readiness (the checklist), present when the program has an `audit` section.
CREATE TABLE audit_readiness (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  retention_years INTEGER
) WITHOUT ROWID;

CREATE TABLE audit_items (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  id TEXT NOT NULL,
  status TEXT NOT NULL,
  owner TEXT NOT NULL,
  due TEXT,
  signoff_by TEXT,  -- both NULL when there is no signoff
  signoff_on TEXT,
  note TEXT NOT NULL,
  PRIMARY KEY (program_key, position)
) WITHOUT ROWID;

CREATE TABLE audit_evidence (
  program_key INTEGER NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  item_position INTEGER NOT NULL,
  position INTEGER NOT NULL,
  path TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  url TEXT NOT NULL,
  PRIMARY KEY (program_key, item_position, position)
) WITHOUT ROWID;

CREATE TABLE targets (
  program_key INTEGER PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  spi REAL,
  cpi REAL,
  p_on_time REAL,
  readiness REAL,
  satisfaction REAL,
  risk_score REAL
) WITHOUT ROWID;
