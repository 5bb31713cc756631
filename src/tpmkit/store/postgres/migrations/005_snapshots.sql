-- Schema version 5: weekly snapshots of a program's headline figures (store.h,
-- SnapshotRecord), one row per figure. They are kept apart from the program's tables, so
-- that applying a new program file keeps the history that trends are drawn from. Taking a
-- snapshot is also recorded in the audit trail (entity "snapshot").

CREATE TABLE snapshot_figures (
  program TEXT COLLATE "C" NOT NULL,   -- program id
  taken_on TEXT COLLATE "C" NOT NULL,  -- YYYY-MM-DD
  name TEXT COLLATE "C" NOT NULL,
  value TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (program, taken_on, name)
);
