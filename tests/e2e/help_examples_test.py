"""Every example that `tpmkit ... --help` shows runs as written and exits 0.

The test walks the help of the root and of every command and subcommand, takes the
example lines of each page (the footer lines `  tpmkit ...`) and runs each page's
examples in order, in a fresh folder with a fresh workspace holding examples/phoenix.yaml
(applied first), as a new user who copied an example would. The folder holds what the
examples name:

- examples/ and evidence/: the repository's examples and phoenix's evidence files;
- plan.xml: MS Project XML, written by `tpmkit export --format mspdi` of phoenix;
- export.csv: a Jira CSV export (tests/data/jira/phoenix_en.csv, project PHX).

A page whose examples are the same as an earlier page's (a group's footer that its
subcommands show too) runs once. `serve` runs until it is stopped: its example is only
checked to parse (tests/server/ start the server for real).

With TPMKIT_TEST_DB set to a postgresql:// URL (e2e.help_examples_postgres, under
scripts/with-postgres.sh), each folder's workspace is a fresh PostgreSQL schema instead
of workspace.db.

Usage: help_examples_test.py path/to/tpmkit [unittest options]
"""
import os
import pathlib
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest
import uuid

sys.dont_write_bytecode = True
SOURCE = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else str(SOURCE / "build" / "tpmkit")

ENV = dict(os.environ, TPMKIT_NOW="2026-06-15T09:30:00Z", TPMKIT_ACTOR="examples",
           NO_COLOR="1")
ENV.pop("TPMKIT_DB", None)
TEST_DB = ENV.pop("TPMKIT_TEST_DB", "")
ON_POSTGRES = TEST_DB.startswith(("postgresql://", "postgres://"))
# Commands that run until stopped: only their parsing is checked.
LONG_RUNNING = {"serve"}
# Global options that take a value, to find the command word of an example.
GLOBAL_WITH_VALUE = {"--db", "--actor", "--as-of", "-p", "--program"}


def tpmkit(args, cwd, env=ENV, timeout=300):
    return subprocess.run([BINARY] + args, cwd=cwd, env=env, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=timeout)


def help_pages():
    """(path, examples) for the root and every command, in the order --help lists them."""
    pages = []

    def walk(path):
        r = tpmkit(path + ["--help"], cwd=SOURCE)
        assert r.returncode == 0, f"tpmkit {' '.join(path)} --help: exit {r.returncode}\n{r.stderr}"
        subcommands, examples, in_list = [], [], False
        for line in r.stdout.split("\n"):
            if line == "Subcommands:":
                in_list = True
                continue
            if in_list:
                m = re.match(r"  (\S+)\s", line)
                if m:
                    subcommands.append(m.group(1))
                    continue
                in_list = False
            if line.startswith("  tpmkit "):
                examples.append(line.strip())
        pages.append((path, examples))
        for sub in subcommands:
            if not (path == [] and sub == "help"):  # `help` prints these same pages
                walk(path + [sub])

    walk([])
    return pages


def command_word(args):
    i = 0
    while i < len(args) and args[i].startswith("-"):
        i += 1 + (args[i] in GLOBAL_WITH_VALUE)
    return args[i] if i < len(args) else ""


class HelpExamplesTest(unittest.TestCase):
    def fresh_workspace(self, folder):
        """workspace.db in the folder, or a new schema of the PostgreSQL test database."""
        if not ON_POSTGRES:
            return str(folder / "workspace.db")
        schema = "help_" + uuid.uuid4().hex[:12]
        psql = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c"]
        subprocess.run(psql + [f"CREATE SCHEMA {schema}"], check=True, env=ENV)
        self.addCleanup(subprocess.run, psql + [f"DROP SCHEMA {schema} CASCADE"], env=ENV)
        sep = "&" if "?" in TEST_DB else "?"
        return f"{TEST_DB}{sep}options=-csearch_path%3D{schema}"

    def fresh_folder(self):
        folder = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-help-examples-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        (folder / "examples").symlink_to(SOURCE / "examples")
        (folder / "evidence").symlink_to(SOURCE / "examples" / "evidence")
        shutil.copy(SOURCE / "tests" / "data" / "jira" / "phoenix_en.csv", folder / "export.csv")
        r = tpmkit(["export", "-f", "examples/phoenix.yaml", "--format", "mspdi", "-o", "plan.xml"],
                   cwd=folder)
        self.assertEqual(r.returncode, 0, r.stderr)
        env = dict(ENV, TPMKIT_DB=self.fresh_workspace(folder))
        r = tpmkit(["apply", "examples/phoenix.yaml"], cwd=folder, env=env)
        self.assertEqual(r.returncode, 0, r.stderr)
        return folder, env

    def test_every_example_runs(self):
        pages = help_pages()
        seen = set()
        ran = 0
        for path, examples in pages:
            if not examples or tuple(examples) in seen:
                continue
            seen.add(tuple(examples))
            name = " ".join(["tpmkit"] + path)
            with self.subTest(page=name):
                folder, env = self.fresh_folder()
                for example in examples:
                    args = shlex.split(example)[1:]
                    if command_word(args) in LONG_RUNNING:
                        # Everything but running: the options parse (--help after them).
                        r = tpmkit(args + ["--help"], cwd=folder, env=env)
                    else:
                        r = tpmkit(args, cwd=folder, env=env)
                        ran += 1
                    self.assertEqual(r.returncode, 0,
                                     f"`{name} --help` shows `{example}`; it exits "
                                     f"{r.returncode}:\n{r.stderr}{r.stdout[-2000:]}")
        # The walk found the pages and their examples (a change of the help layout that
        # hid them would otherwise pass).
        self.assertGreater(len(pages), 40)
        self.assertGreater(ran, 40)


if __name__ == "__main__":
    unittest.main()
