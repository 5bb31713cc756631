-- Schema version 2: the tamper-evident audit trail (docs/audit-trail.md). It outlives
-- the programs it records, so it has no foreign key to them.

CREATE TABLE audit_trail (
  seq BIGINT PRIMARY KEY,
  at TEXT COLLATE "C" NOT NULL,          -- UTC, YYYY-MM-DDTHH:MM:SSZ
  actor TEXT COLLATE "C" NOT NULL,
  program TEXT COLLATE "C" NOT NULL,     -- program id
  entity TEXT COLLATE "C" NOT NULL,
  entity_id TEXT COLLATE "C" NOT NULL,
  action TEXT COLLATE "C" NOT NULL,      -- create | update | delete
  changes TEXT COLLATE "C" NOT NULL,     -- canonical JSON array of {field, new, old}
  prev_hash TEXT COLLATE "C" NOT NULL,   -- '' for seq 1
  hash TEXT COLLATE "C" NOT NULL
);

-- The newest entry, written in the same transaction as every append.
CREATE TABLE audit_trail_head (
  id BIGINT PRIMARY KEY CHECK (id = 1),
  last_seq BIGINT NOT NULL,
  last_hash TEXT COLLATE "C" NOT NULL
);

INSERT INTO audit_trail_head (id, last_seq, last_hash) VALUES (1, 0, '');
