-- Schema version 3: the trail's anchor (docs/audit-trail.md), per program the number of
-- trail entries and the hash of its newest one, written in the same transaction as every
-- append. It is kept apart from the trail, so that deleting or truncating the trail (and
-- its head) is detected. Filled here from the trail of an older workspace.

CREATE TABLE trail_anchor (
  program TEXT COLLATE "C" PRIMARY KEY,  -- program id, as in audit_trail.program
  entries BIGINT NOT NULL,  -- how many entries the trail holds for it
  last_hash TEXT COLLATE "C" NOT NULL    -- hash of its newest entry
);

INSERT INTO trail_anchor (program, entries, last_hash)
SELECT t.program, COUNT(*),
       (SELECT l.hash FROM audit_trail l WHERE l.program = t.program ORDER BY l.seq DESC LIMIT 1)
FROM audit_trail t
GROUP BY t.program;
