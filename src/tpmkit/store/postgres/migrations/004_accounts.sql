-- Schema version 4: who may use the workspace through the server (store/accounts.h).
-- Secrets are never stored: sessions and tokens as the hex SHA-256 of their value,
-- passwords as argon2id strings. Times are BIGINT seconds since the Unix epoch (UTC),
-- booleans BIGINT 0/1 (as in SQLite, so that the row code is shared). A user's grants, sessions and tokens go with the user (ON DELETE
-- CASCADE); users are updated in place (upsert), never deleted and re-inserted, so that
-- saving a user keeps them.

CREATE TABLE users (
  name TEXT COLLATE "C" PRIMARY KEY,  -- the audit trail's actor
  password_hash TEXT COLLATE "C" NOT NULL,
  admin BIGINT NOT NULL CHECK (admin IN (0, 1)),
  disabled BIGINT NOT NULL CHECK (disabled IN (0, 1)),
  totp_secret TEXT COLLATE "C" NOT NULL,  -- base32; '' when the user has no second factor
  totp_last_step BIGINT NOT NULL,  -- the last accepted TOTP step: codes at or before it are refused
  created_at BIGINT NOT NULL
);

-- A role per user and program. `program` is a program id with no foreign key to
-- programs: a grant may be made before its program exists, and PutProgram replaces a
-- program's row (delete and insert), which would cascade to its grants.
CREATE TABLE grants (
  user_name TEXT COLLATE "C" NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  program TEXT COLLATE "C" NOT NULL,
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('viewer', 'editor', 'owner')),
  PRIMARY KEY (user_name, program)
);

CREATE TABLE sessions (
  id_hash TEXT COLLATE "C" PRIMARY KEY,  -- hex SHA-256 of the cookie's value
  user_name TEXT COLLATE "C" NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  csrf_token TEXT COLLATE "C" NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen BIGINT NOT NULL,
  address TEXT COLLATE "C" NOT NULL  -- the client's address at login
);

-- Listing and ending a user's sessions.
CREATE INDEX sessions_user ON sessions (user_name);

CREATE TABLE tokens (
  id TEXT COLLATE "C" PRIMARY KEY,         -- public handle, "tok_" + 8 hex
  hash TEXT COLLATE "C" NOT NULL UNIQUE,   -- hex SHA-256 of the secret; what a request is looked up by
  user_name TEXT COLLATE "C" NOT NULL REFERENCES users(name) ON DELETE CASCADE,
  program TEXT COLLATE "C",                -- program id (no foreign key, as in grants); NULL: every program
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('viewer', 'editor')),
  created_at BIGINT NOT NULL,
  expires_at BIGINT           -- NULL: never
);

CREATE INDEX tokens_user ON tokens (user_name);

-- Failed logins, counted per account and per client address over a recent window. No
-- foreign key: failures for names that are not users count too (and must not tell
-- whether a user exists).
CREATE TABLE login_failures (
  user_name TEXT COLLATE "C" NOT NULL,
  address TEXT COLLATE "C" NOT NULL,
  at BIGINT NOT NULL
);

-- The two counts since a time, and the purge of old failures.
CREATE INDEX login_failures_user ON login_failures (user_name, at);
CREATE INDEX login_failures_address ON login_failures (address, at);
CREATE INDEX login_failures_at ON login_failures (at);
