"""Every read of the API answers the same JSON document as the command's --json on the
same workspace (spec server.md: "the body of every read is the same document that the
command's --json prints")."""
import json
import sys
import unittest

import harness

BINARY = harness.binary_from_argv(sys.argv)

# (API path, command line); both as of the program's status date.
READS = [
    ("/api/v1/programs/phoenix", ["show", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/schedule", ["schedule", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/forecast?iterations=700&seed=3",
     ["forecast", "-p", "phoenix", "--iterations", "700", "--seed", "3"]),
    ("/api/v1/programs/phoenix/evm", ["evm", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/review", ["review", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/scorecard", ["scorecard", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/scorecard?suggest=true", ["scorecard", "-p", "phoenix", "--suggest"]),
    ("/api/v1/programs/phoenix/risks", ["risks", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/stakeholders", ["stakeholders", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/stakeholders?plan=true", ["stakeholders", "plan", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/stakeholders?overdue=true",
     ["stakeholders", "-p", "phoenix", "--overdue"]),
    ("/api/v1/programs/phoenix/decisions/D-01?iterations=600&seed=5",
     ["decide", "D-01", "-p", "phoenix", "--iterations", "600", "--seed", "5"]),
    ("/api/v1/programs/phoenix/decisions/D-01?iterations=600&seed=5&memo=true",
     ["decide", "D-01", "-p", "phoenix", "--iterations", "600", "--seed", "5", "--memo"]),
    ("/api/v1/programs/phoenix/changes", ["changes", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/changes/CR-03/assessment?iterations=500&seed=2",
     ["changes", "assess", "CR-03", "-p", "phoenix", "--iterations", "500", "--seed", "2"]),
    ("/api/v1/programs/phoenix/log", ["log", "-p", "phoenix"]),
    ("/api/v1/programs/phoenix/evm?as_of=2026-05-01", ["--as-of", "2026-05-01", "evm", "-p", "phoenix"]),
]


class ParityTest(unittest.TestCase):
    def test_reads_answer_the_commands_json(self):
        with harness.ServerFixture(BINARY) as s:
            token = s.token("ana", role="viewer")
            evidence = str(s.dir / "evidence")
            reads = READS + [("/api/v1/programs/phoenix/audit",
                              ["audit", "-p", "phoenix", "--evidence-root", evidence])]
            for path, command in reads:
                with self.subTest(path=path):
                    r = s.call("GET", path, token=token)
                    self.assertEqual(r.status, 200, r)
                    self.assertEqual(r.headers["content-type"], "application/json")
                    cli = s.cli("--json", *command)
                    self.assertEqual(r.json(), json.loads(cli.stdout))
            # The escalation draft, with the CLI's JSON format.
            r = s.call("POST", "/api/v1/programs/phoenix/risks/R-07/escalation?as_of=2026-06-15",
                       {"to": "cfo", "from": "Priya Shah", "iterations": 400, "seed": 4},
                       token=token)
            self.assertEqual(r.status, 200, r)
            cli = s.cli("--as-of", "2026-06-15", "escalate", "-p", "phoenix", "--risk", "R-07",
                        "--to", "cfo", "--from", "Priya Shah", "--iterations", "400", "--seed",
                        "4", "--format", "json")
            self.assertEqual(r.json(), json.loads(cli.stdout))
            # Exports are the command's documents byte for byte.
            r = s.call("GET", "/api/v1/programs/phoenix?format=yaml", token=token)
            self.assertEqual(r.status, 200, r)
            self.assertEqual(r.body.decode(), s.cli("export", "-p", "phoenix").stdout)


class TwoServersTest(unittest.TestCase):
    def test_a_second_process_on_the_same_workspace_serves_the_same_users(self):
        with harness.ServerFixture(BINARY) as a:
            b = harness.ServerFixture(BINARY)
            b.dir, b.db = a.dir, a.db
            b.start()
            try:
                session = a.login("ed")
                self.assertEqual(b.call("GET", "/api/v1/me", session=session).json()["user"], "ed")
                r = b.call("PATCH", "/api/v1/programs/phoenix/risks/R-07", {"probability": 0.61},
                           session=session)
                self.assertEqual(r.status, 200, r)
                etag = r.headers["etag"]
                # The first server sees the write and its version.
                r = a.call("GET", "/api/v1/programs/phoenix/risks", session=session)
                self.assertEqual(r.headers["etag"], etag)
                # A stale version is refused on either server; nothing is written.
                stale = {"If-Match": '"' + "0" * 64 + '"'}
                r = a.call("PATCH", "/api/v1/programs/phoenix/risks/R-07", {"probability": 0.7},
                           session=session, headers=stale)
                self.assertEqual(r.status, 412, r)
                self.assertEqual(b.call("GET", "/api/v1/programs/phoenix/risks",
                                        session=session).headers["etag"], etag)
                # Logging out on one ends the session on both.
                self.assertEqual(b.call("DELETE", "/api/v1/session", session=session).status, 200)
                self.assertEqual(a.call("GET", "/api/v1/me", session=session).status, 401)
            finally:
                b.stop()


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
