"""The curl examples of docs/server.md ("The API with curl") run as they are against a
fresh server, and do what the text says: the stale write gets 412, the edits are in the
trail under the logged-in user's name."""
import json
import pathlib
import re
import subprocess
import sys
import unittest

import harness

BINARY = harness.binary_from_argv(sys.argv)
DOC = harness.SOURCE / "docs" / "server.md"


def curl_examples():
    text = DOC.read_text(encoding="utf-8")
    section = text.split("## The API with curl", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.*?)```", section, flags=re.S)


class DocsTest(unittest.TestCase):
    def test_curl_examples_run_as_documented(self):
        blocks = curl_examples()
        self.assertGreaterEqual(len(blocks), 5)
        with harness.ServerFixture(BINARY, users={"admin": (True, {})}) as s:
            script = "set -euo pipefail\n" + "\n".join(blocks)
            r = subprocess.run(["bash", "-c", script], cwd=s.dir, capture_output=True, text=True,
                               env={"URL": f"http://127.0.0.1:{s.port}",
                                    "PASSWORD": harness.PASSWORD, "PATH": "/usr/bin:/bin"},
                               timeout=300)
            self.assertEqual(r.returncode, 0, r.stderr + r.stdout)
            self.assertIn("\n412\n", r.stdout)
            # The program export the last read wrote is a program file.
            self.assertIn("id: phoenix", (s.dir / "phoenix.yaml").read_text(encoding="utf-8"))
            log = json.loads(s.cli("--json", "log", "-p", "phoenix", "--limit", "2").stdout)
            changes = {(e["entity_id"], e["actor"]) for e in log["entries"]}
            self.assertEqual(changes, {("R-20", "admin"), ("R-07", "admin")})
            user_events = s.cli("log", "--entity", "user").stdout
            for event in ("login", "logout", "token."):
                self.assertIn(event, user_events)
        # One JSON line per request: time, user, method, path, status, duration, bytes.
        lines = [json.loads(line) for line in s.access_log.splitlines()]
        self.assertGreaterEqual(len(lines), 8)
        for line in lines:
            self.assertEqual(list(line), ["time", "user", "method", "path", "status", "ms",
                                          "bytes"])
        patch = [l for l in lines if l["method"] == "PATCH"]
        self.assertEqual([(l["user"], l["status"]) for l in patch], [("admin", 200), ("admin", 412)])
        self.assertEqual(lines[0]["user"], "admin")  # the login, under the user it logged in


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
