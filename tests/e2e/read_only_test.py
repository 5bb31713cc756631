"""Read commands work on a workspace the user may only read; workspace errors name the file.

A workspace holding examples/phoenix.yaml is made read-only for the user who runs the
commands (the file alone, then the file and its folder; the test runs them as `nobody`
when it runs as root, for whom no permission bit holds). Then:

- every read command exits 0 and prints what it prints on a writable workspace;
- a command that writes exits 3 and says which file it could not write, and why, naming
  TPMKIT_DB when that chose the workspace;
- the workspace is left byte for byte as it was, with no -wal or -shm file beside it.

A file that is not a workspace at all is refused with its name (and TPMKIT_DB).

Usage: read_only_test.py path/to/tpmkit [unittest options]
"""
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
SOURCE = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else str(SOURCE / "build" / "tpmkit")
NOBODY = 65534

ENV = dict(os.environ, TPMKIT_NOW="2026-06-15T09:30:00Z", TPMKIT_ACTOR="reader", NO_COLOR="1")
ENV.pop("TPMKIT_DB", None)

READS = [
    ["show"], ["show", "--json"], ["risks"], ["log", "-n", "5"], ["audit", "verify"],
    ["audit"], ["programs"], ["portfolio", "--iterations", "500"], ["schedule", "--gantt"],
    ["forecast", "--iterations", "500"], ["evm"], ["review"], ["stakeholders"],
    ["stakeholders", "plan"], ["changes"], ["changes", "assess", "CR-03", "--iterations", "500"],
    ["decide", "D-01", "--iterations", "200"], ["scorecard", "--suggest", "--iterations", "500"],
    ["impact"], ["status", "--iterations", "500"], ["export"], ["-p", "phoenix", "show"],
]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


class ReadOnlyWorkspaceTest(unittest.TestCase):
    def setUp(self):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-read-only-"))
        self.folder.chmod(0o755)
        self.addCleanup(self.remove)
        self.db = self.folder / "workspace.db"
        r = self.run_as_owner(["apply", str(SOURCE / "examples" / "phoenix.yaml")])
        self.assertEqual(r.returncode, 0, r.stderr)
        # The answers of a writable workspace, to compare with.
        self.expected = {tuple(a): self.run_as_owner(a).stdout for a in (["show"], ["risks"])}
        self.reader = {}
        if os.geteuid() == 0:
            self.reader = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
            probe = self.tpmkit(["--version"])
            if probe.returncode != 0:
                self.skipTest(f"{BINARY} cannot be run as nobody: {probe.stderr}")

    def remove(self):
        self.folder.chmod(0o755)
        shutil.rmtree(self.folder, ignore_errors=True)

    def run_as_owner(self, args):
        return subprocess.run([BINARY] + args, cwd=self.folder, capture_output=True, text=True,
                              env=dict(ENV, TPMKIT_DB=str(self.db)), timeout=300)

    def tpmkit(self, args, env=None):
        return subprocess.run([BINARY] + args, cwd=self.folder, capture_output=True, text=True,
                              env=env or dict(ENV, TPMKIT_DB=str(self.db)), timeout=300,
                              stdin=subprocess.DEVNULL, **self.reader)

    def check_read_only(self, why):
        before = digest(self.db)
        for args in READS:
            with self.subTest(command=" ".join(args)):
                r = self.tpmkit(args)
                self.assertEqual(r.returncode, 0, f"tpmkit {' '.join(args)}:\n{r.stderr}")
                if tuple(args) in self.expected:
                    self.assertEqual(r.stdout, self.expected[tuple(args)])

        r = self.tpmkit(["risk", "close", "R-13"])
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr, f"tpmkit: cannot write to the workspace {self.db} (from "
                         f"TPMKIT_DB): {why}\n")
        r = self.tpmkit(["--db", str(self.db), "stakeholder", "contact", "cfo", "--on",
                         "2026-06-15", "--note", "Budget review"])
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertEqual(r.stderr, f"tpmkit: cannot write to the workspace {self.db}: {why}\n")

        self.assertEqual(digest(self.db), before)
        self.assertEqual(sorted(p.name for p in self.folder.iterdir()), ["workspace.db"])

    def test_a_read_only_file(self):
        self.db.chmod(0o444)
        self.check_read_only("the file is read-only")

    def test_a_read_only_file_in_a_read_only_folder(self):
        self.db.chmod(0o444)
        self.folder.chmod(0o555)
        self.check_read_only("the file is read-only")

    def test_a_writable_file_in_a_read_only_folder(self):
        # SQLite would have to create the -wal file beside it.
        self.db.chmod(0o666)
        self.folder.chmod(0o555)
        self.check_read_only(f"its folder {self.folder} is not writable")

    def test_a_file_that_is_not_a_workspace_is_named(self):
        bad = self.folder / "notes.db"
        bad.write_text("These are meeting notes, not a workspace.\n" * 100)
        r = self.tpmkit(["show"], env=dict(ENV, TPMKIT_DB=str(bad)))
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertTrue(r.stderr.startswith(f"tpmkit: workspace {bad} (from TPMKIT_DB): ") or
                        r.stderr.startswith(f"tpmkit: cannot open the workspace {bad} (from "
                                            "TPMKIT_DB): "), r.stderr)
        r = self.tpmkit(["--db", str(bad), "show"])
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertIn(str(bad), r.stderr)
        self.assertNotIn("TPMKIT_DB", r.stderr)


if __name__ == "__main__":
    unittest.main()
