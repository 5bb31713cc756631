#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server: pg_virtualenv (Debian's
# postgresql-common) creates a cluster in a temporary folder, exports PGHOST, PGPORT,
# PGUSER, PGPASSWORD and PGDATABASE, runs the command and drops the cluster. The command
# finds the database in TPMKIT_TEST_POSTGRES ("postgresql://": everything from the PG*
# variables). Used by the ctest entries labelled `postgres`.
#
#   scripts/with-postgres.sh COMMAND [ARGS...]
#
# Exit code 77 (ctest's "skipped") when pg_virtualenv is not installed.
set -euo pipefail

if ! command -v pg_virtualenv >/dev/null 2>&1; then
  echo "skipped: pg_virtualenv not found (apt-get install postgresql postgresql-common)" >&2
  exit 77
fi
if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

# -t: the cluster's files in a temporary folder also as root, so that runs at the same
# time do not meet. sh -c passes the command on unchanged ("$@"), whatever its arguments
# hold.
exec pg_virtualenv -t sh -c 'TPMKIT_TEST_POSTGRES=postgresql:// exec "$@"' with-postgres "$@"
