-- Schema version 1 (PostgreSQL): programs and everything a program file holds, the same
-- tables as the SQLite schema (../../sqlite/migrations/001_programs.sql), so that the row
-- code (store/sql/) is shared. Every table hangs off programs(key) with ON DELETE CASCADE;
-- lists keep their order in a `position` column (0-based); nested lists name the position
-- of their parent. Money is BIGINT cents, dates text YYYY-MM-DD, optional values NULL,
-- optional text '' (as in the model), booleans BIGINT 0/1. Text compares byte by byte
-- (COLLATE "C") whatever the database's locale, so that lists come out in the order
-- SQLite gives.

CREATE TABLE programs (
  key BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id TEXT COLLATE "C" NOT NULL UNIQUE,
  name TEXT COLLATE "C" NOT NULL,
  objective TEXT COLLATE "C" NOT NULL,
  sponsor TEXT COLLATE "C" NOT NULL,
  currency TEXT COLLATE "C" NOT NULL,
  start TEXT COLLATE "C" NOT NULL,
  target TEXT COLLATE "C",
  status_date TEXT COLLATE "C",
  budget_cents BIGINT
);

-- Present when the program states a calendar (absent: Mon-Fri, no holidays).
CREATE TABLE calendars (
  program_key BIGINT PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE
);

CREATE TABLE calendar_workdays (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  weekday TEXT COLLATE "C" NOT NULL,  -- mon .. sun
  PRIMARY KEY (program_key, position)
);

CREATE TABLE calendar_holidays (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  day TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE assumptions (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  text TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE projects (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

-- The plan's tasks and the tasks that change requests would add, numbered together:
-- `position` counts plan tasks first (in file order), then added tasks. Exactly one of
-- project_position (a plan task) and change_position (an added task) is set.
CREATE TABLE tasks (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  project_position BIGINT,
  change_position BIGINT,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C" NOT NULL,
  duration DOUBLE PRECISION,
  estimate_optimistic DOUBLE PRECISION,  -- the estimate columns are NULL together (no estimate)
  estimate_likely DOUBLE PRECISION,
  estimate_pessimistic DOUBLE PRECISION,
  estimate_distribution TEXT COLLATE "C",
  milestone BIGINT NOT NULL,
  cost_cents BIGINT,
  percent_complete DOUBLE PRECISION,
  actual_start TEXT COLLATE "C",
  actual_finish TEXT COLLATE "C",
  has_baseline BIGINT NOT NULL,
  baseline_start TEXT COLLATE "C",
  baseline_finish TEXT COLLATE "C",
  start_no_earlier_than TEXT COLLATE "C",
  deadline TEXT COLLATE "C",
  PRIMARY KEY (program_key, position),
  CHECK ((project_position IS NULL) <> (change_position IS NULL))
);

CREATE TABLE task_links (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  task TEXT COLLATE "C" NOT NULL,  -- the predecessor, as written ("id" or "project.id")
  type TEXT COLLATE "C" NOT NULL,  -- FS | SS | FF | SF
  lag DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
);

CREATE TABLE task_resources (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  task_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  resource TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, task_position, position)
);

CREATE TABLE dependencies (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  provider TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C" NOT NULL,
  needed_by TEXT COLLATE "C",
  status TEXT COLLATE "C" NOT NULL,
  expected TEXT COLLATE "C",
  PRIMARY KEY (program_key, position)
);

CREATE TABLE dependency_tasks (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  dependency_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  task TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, dependency_position, position)
);

CREATE TABLE resources (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  rate_cents BIGINT,
  capacity DOUBLE PRECISION,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE actuals (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  date TEXT COLLATE "C" NOT NULL,
  amount_cents BIGINT NOT NULL,
  task TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

-- Present when the program has a scorecard; custom_criteria = 1 when it states its own
-- criteria (then scorecard_criteria holds them, possibly none), 0 for the defaults.
CREATE TABLE scorecards (
  program_key BIGINT PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  custom_criteria BIGINT NOT NULL
);

CREATE TABLE scorecard_criteria (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE assessments (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  date TEXT COLLATE "C" NOT NULL,
  by TEXT COLLATE "C" NOT NULL,
  notes TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE assessment_ratings (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  assessment_position BIGINT NOT NULL,
  criterion TEXT COLLATE "C" NOT NULL,
  rating BIGINT NOT NULL,
  PRIMARY KEY (program_key, assessment_position, criterion)
);

CREATE TABLE risks (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  category TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  raised TEXT COLLATE "C",
  probability DOUBLE PRECISION NOT NULL,
  severity BIGINT NOT NULL,
  has_impact BIGINT NOT NULL,
  impact_schedule DOUBLE PRECISION,
  impact_cost_cents BIGINT,
  mitigation TEXT COLLATE "C" NOT NULL,
  trigger TEXT COLLATE "C" NOT NULL,
  response_due TEXT COLLATE "C",
  residual_probability DOUBLE PRECISION,  -- both NULL when there is no residual
  residual_severity BIGINT,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE risk_impact_tasks (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  risk_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  task TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, risk_position, position)
);

CREATE TABLE stakeholders (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL,
  influence BIGINT NOT NULL,
  impact BIGINT NOT NULL,
  stance TEXT COLLATE "C" NOT NULL,
  channel TEXT COLLATE "C" NOT NULL,
  cadence DOUBLE PRECISION,
  last_contact TEXT COLLATE "C",
  satisfaction BIGINT,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE stakeholder_contacts (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  stakeholder_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  on_date TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, stakeholder_position, position)
);

CREATE TABLE decisions (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  question TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  decision_rule TEXT COLLATE "C" NOT NULL,
  chosen TEXT COLLATE "C" NOT NULL,
  rationale TEXT COLLATE "C" NOT NULL,
  decided_by TEXT COLLATE "C" NOT NULL,
  decided_on TEXT COLLATE "C",
  PRIMARY KEY (program_key, position)
);

CREATE TABLE decision_criteria (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  measure TEXT COLLATE "C",
  PRIMARY KEY (program_key, decision_position, position)
);

CREATE TABLE decision_options (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, decision_position, position)
);

CREATE TABLE option_scores (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  option_position BIGINT NOT NULL,
  criterion TEXT COLLATE "C" NOT NULL,
  score BIGINT NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, criterion)
);

-- An option's scenario, when it has one. duration_factor is NULL when the scenario
-- has no duration_factor (its tasks are in scenario_tasks with list 'factor').
CREATE TABLE option_scenarios (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  option_position BIGINT NOT NULL,
  cost_cents BIGINT,
  duration_factor DOUBLE PRECISION,
  target TEXT COLLATE "C",
  PRIMARY KEY (program_key, decision_position, option_position)
);

CREATE TABLE scenario_tasks (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  option_position BIGINT NOT NULL,
  list TEXT COLLATE "C" NOT NULL,  -- 'factor' (duration_factor.tasks) | 'remove' (remove_tasks)
  position BIGINT NOT NULL,
  task TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, decision_position, option_position, list, position)
);

CREATE TABLE stakeholder_weights (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  decision_position BIGINT NOT NULL,
  stakeholder TEXT COLLATE "C" NOT NULL,
  criterion TEXT COLLATE "C",  -- NULL: the stakeholder is listed with no weights
  weight DOUBLE PRECISION,
  -- Not a primary key: its columns could not be NULL.
  UNIQUE NULLS NOT DISTINCT (program_key, decision_position, stakeholder, criterion)
);

CREATE TABLE changes (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  title TEXT COLLATE "C" NOT NULL,
  requested_by TEXT COLLATE "C" NOT NULL,
  requested_on TEXT COLLATE "C",
  status TEXT COLLATE "C" NOT NULL,
  has_impact BIGINT NOT NULL,
  impact_schedule DOUBLE PRECISION,
  impact_cost_cents BIGINT,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE change_approvals (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  change_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  by TEXT COLLATE "C" NOT NULL,
  on_date TEXT COLLATE "C" NOT NULL,
  decision TEXT COLLATE "C" NOT NULL,
  note TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, change_position, position)
);

-- Audit readiness (the checklist), present when the program has an `audit` section.
CREATE TABLE audit_readiness (
  program_key BIGINT PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  retention_years BIGINT
);

CREATE TABLE audit_items (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  position BIGINT NOT NULL,
  id TEXT COLLATE "C" NOT NULL,
  status TEXT COLLATE "C" NOT NULL,
  owner TEXT COLLATE "C" NOT NULL,
  due TEXT COLLATE "C",
  signoff_by TEXT COLLATE "C",  -- both NULL when there is no signoff
  signoff_on TEXT COLLATE "C",
  note TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, position)
);

CREATE TABLE audit_evidence (
  program_key BIGINT NOT NULL REFERENCES programs(key) ON DELETE CASCADE,
  item_position BIGINT NOT NULL,
  position BIGINT NOT NULL,
  path TEXT COLLATE "C" NOT NULL,
  sha256 TEXT COLLATE "C" NOT NULL,
  url TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program_key, item_position, position)
);

CREATE TABLE targets (
  program_key BIGINT PRIMARY KEY REFERENCES programs(key) ON DELETE CASCADE,
  spi DOUBLE PRECISION,
  cpi DOUBLE PRECISION,
  p_on_time DOUBLE PRECISION,
  readiness DOUBLE PRECISION,
  satisfaction DOUBLE PRECISION,
  risk_score DOUBLE PRECISION
);
