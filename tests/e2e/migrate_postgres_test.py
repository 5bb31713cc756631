#!/usr/bin/python3
"""End to end: `tpmkit migrate` from SQLite to PostgreSQL and back (docs/commands/migrate.md).
A workspace with history (two applies, an edit, a snapshot, a user with a grant and a
token) is copied to PostgreSQL and from there to a new SQLite file; `log --json`, `show
--json`, `status --json` and `user list` read the same on all three, `audit verify`
passes on each copy, a second copy into the same target is refused with nothing written,
and a password in a URL is never printed.

Needs a PostgreSQL server named by TPMKIT_TEST_POSTGRES (scripts/with-postgres.sh gives a
throwaway one); exits 77 (skipped) without it.

Usage: migrate_postgres_test.py TPMKIT_BINARY"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/tpmkit"
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHOENIX = os.path.join(SOURCE, "examples", "phoenix.yaml")
BASE_URL = os.environ.get("TPMKIT_TEST_POSTGRES", "")


def with_schema(url, schema):
    """The URL with its connections in `schema` (created beforehand)."""
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


class MigrateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="tpmkit-migrate-")
        cls.env = dict(os.environ, TPMKIT_NOW="2026-03-02T09:00:00Z", TPMKIT_ACTOR="ana")
        cls.env.pop("TPMKIT_DB", None)
        cls.sqlite = os.path.join(cls.tmp.name, "team.db")
        cls.back = os.path.join(cls.tmp.name, "back.db")
        schema = f"tpmkit_migrate_{os.getpid()}"
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", BASE_URL, "-c",
                        f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"],
                       check=True, capture_output=True)
        cls.schema = schema
        cls.pg = with_schema(BASE_URL, schema)

        # A workspace with a history: create, edit, snapshot, accounts.
        edited = os.path.join(cls.tmp.name, "phoenix.yaml")
        cls.run_ok("--db", cls.sqlite, "apply", PHOENIX)
        shutil.copy(PHOENIX, edited)
        with open(edited, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("name: Project Phoenix", "name: Project Phoenix (migrated)", 1)
        with open(edited, "w", encoding="utf-8") as f:
            f.write(text)
        cls.run_ok("--db", cls.sqlite, "apply", edited)
        cls.run_ok("--db", cls.sqlite, "status", "-p", "phoenix", "--snapshot")
        cls.run_ok("--db", cls.sqlite, "user", "add", "bob")
        cls.run_ok("--db", cls.sqlite, "user", "grant", "bob", "phoenix", "editor")
        cls.run_ok("--db", cls.sqlite, "token", "create", "bob", "--program", "phoenix")

    @classmethod
    def tearDownClass(cls):
        subprocess.run(["psql", "-q", BASE_URL, "-c", f"DROP SCHEMA IF EXISTS {cls.schema} CASCADE"],
                       capture_output=True)
        cls.tmp.cleanup()

    @classmethod
    def run_ok(cls, *args):
        r = subprocess.run([BINARY, *args], env=cls.env, capture_output=True, text=True)
        if r.returncode != 0:
            raise AssertionError(f"tpmkit {' '.join(args)}: exit {r.returncode}\n{r.stderr}")
        return r.stdout

    def views(self, db):
        """What a person reads of the workspace, which must not change in a copy."""
        return {
            "log": json.loads(self.run_ok("--db", db, "--json", "log")),
            "show": json.loads(self.run_ok("--db", db, "--json", "show", "-p", "phoenix")),
            "status": json.loads(self.run_ok("--db", db, "--json", "status", "-p", "phoenix")),
            "users": self.run_ok("--db", db, "user", "list"),
        }

    def test_round_trip_sqlite_postgres_sqlite(self):
        before = self.views(self.sqlite)
        self.assertGreater(len(before["log"]["entries"] if isinstance(before["log"], dict)
                               else before["log"]), 10)

        counts = json.loads(self.run_ok("--json", "migrate", "--from", self.sqlite,
                                        "--to", self.pg))
        self.assertEqual(counts["programs"], 1)
        self.assertEqual(counts["users"], 1)
        self.assertEqual(counts["grants"], 1)
        self.assertEqual(counts["tokens"], 1)
        self.assertEqual(counts["snapshots"], 1)
        self.assertTrue(counts["verified"])
        self.run_ok("--db", self.pg, "audit", "verify")
        self.assertEqual(self.views(self.pg), before)

        text = self.run_ok("migrate", "--from", self.pg, "--to", self.back)
        self.assertIn(f"audit entries  {counts['audit_entries']}", text)
        self.run_ok("--db", self.back, "audit", "verify")
        self.assertEqual(self.views(self.back), before)

        # A second copy into a workspace that has data is refused; nothing is written.
        r = subprocess.run([BINARY, "migrate", "--from", self.sqlite, "--to", self.pg],
                           env=self.env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("not empty", r.stderr)
        self.assertEqual(self.views(self.pg), before)

    def test_a_password_is_never_printed(self):
        # Nothing listens on port 1: the database cannot be reached.
        url = "postgresql://ana:topsecret@127.0.0.1:1/tpmkit"
        r = subprocess.run([BINARY, "migrate", "--from", self.sqlite, "--to", url],
                           env=self.env, capture_output=True, text=True)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertNotIn("topsecret", r.stderr + r.stdout)
        self.assertIn("postgresql://ana:***@127.0.0.1:1/tpmkit", r.stderr)
        r = subprocess.run([BINARY, "--db", url, "show"], env=self.env, capture_output=True,
                           text=True)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertNotIn("topsecret", r.stderr + r.stdout)


if __name__ == "__main__":
    if not BASE_URL:
        print("skipped: TPMKIT_TEST_POSTGRES names no database (run under "
              "scripts/with-postgres.sh)", file=sys.stderr)
        sys.exit(77)
    if shutil.which("psql") is None:
        print("skipped: psql not found (postgresql-client)", file=sys.stderr)
        sys.exit(77)
    unittest.main()
