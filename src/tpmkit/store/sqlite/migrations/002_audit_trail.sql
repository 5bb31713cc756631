-- Schema version 2: the tamper-evident audit trail (docs/audit-trail.md). It outlives
-- the programs it records, so it has no foreign key to them.

CREATE TABLE audit_trail (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
  actor TEXT NOT NULL,
  program TEXT NOT NULL,     -- program id
  entity TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,      -- create | update | delete
  changes TEXT NOT NULL,     -- canonical JSON array of {field, new, old}
  prev_hash TEXT NOT NULL,   -- '' for seq 1
  hash TEXT NOT NULL
);

-- The newest entry, written in the same transaction as every append.
CREATE TABLE audit_trail_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);

INSERT INTO audit_trail_head (id, last_seq, last_hash) VALUES (1, 0, '');
