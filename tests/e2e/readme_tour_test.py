"""The README's tour runs as written, and the documentation stays inside the repository.

- The tour: the commands of the first code block under "## A short tour" in README.md run
  top to bottom, each through bash exactly as written (continuation lines joined), in a
  fresh folder that looks like the repository's root after `scripts/demo.sh`: `build/`
  holds the binary under test, `examples/` and `tests/` are the repository's, and no
  workspace exists yet. The `export` lines carry over to the commands after them, as in a
  shell. Every command must exit 0, and every file it writes (`-o FILE`, `> FILE`) must
  be there and not empty. The one file from elsewhere, `export.csv`, is made from
  tests/data/jira/phoenix_en.csv, and the README must say what it is.
- The documentation (README.md, docs/, examples/README.md): every relative link and every
  `../` path resolves to a file or folder inside the repository.

Usage: readme_tour_test.py path/to/tpmkit [unittest options]
"""
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

sys.dont_write_bytecode = True
SOURCE = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else str(SOURCE / "build" / "tpmkit")

# Files the tour reads that it does not make itself: where the test takes them from.
FIXTURES = {"export.csv": SOURCE / "tests" / "data" / "jira" / "phoenix_en.csv"}


def tour_commands(readme):
    """The tour's logical lines (continuations joined), comments and blank lines left out."""
    text = readme.read_text(encoding="utf-8")
    start = text.index("## A short tour")
    block = re.search(r"```sh\n(.*?)```", text[start:], re.S)
    assert block, "no ```sh block under '## A short tour'"
    commands, pending = [], ""
    for line in block.group(1).split("\n"):
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        line = pending + line
        pending = ""
        if line.strip() and not line.lstrip().startswith("#"):
            commands.append(line.strip())
    return commands


def written_files(command):
    """The files a command line says it writes: -o FILE, --output FILE, > FILE."""
    words = re.sub(r"#.*$", "", command).split()
    files = []
    for i, word in enumerate(words[:-1]):
        if word in ("-o", "--output", ">"):
            files.append(words[i + 1])
    return files


class ReadmeTourTest(unittest.TestCase):
    def test_the_tour_runs_as_written_in_a_fresh_workspace(self):
        commands = tour_commands(SOURCE / "README.md")
        self.assertGreater(len(commands), 20)
        folder = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-readme-tour-"))
        self.addCleanup(shutil.rmtree, folder, ignore_errors=True)
        (folder / "build").mkdir()
        (folder / "build" / "tpmkit").symlink_to(BINARY)
        (folder / "examples").symlink_to(SOURCE / "examples")
        for name, source in FIXTURES.items():
            shutil.copy(source, folder / name)
        # A fresh shell: none of tpmkit's settings carried in from the test's environment.
        env = {k: v for k, v in os.environ.items() if not k.startswith("TPMKIT_")}
        exports = []
        for command in commands:
            if command.startswith("export "):
                exports.append(command)
                continue
            script = "set -euo pipefail\n" + "\n".join(exports + [command]) + "\n"
            r = subprocess.run(["bash", "-c", script], cwd=folder, env=env, capture_output=True,
                               text=True, stdin=subprocess.DEVNULL, timeout=600)
            self.assertEqual(r.returncode, 0,
                             f"README tour: `{command}` exits {r.returncode}:\n{r.stderr}"
                             f"{r.stdout[-2000:]}")
            for name in written_files(command):
                path = folder / name
                self.assertTrue(path.exists() and (path.is_dir() or path.stat().st_size > 0),
                                f"README tour: `{command}` did not write {name}")
        # The tour used the workspace it named, in the folder it was run from.
        self.assertTrue((folder / "demo.db").exists())

    def test_the_readme_says_what_each_outside_file_is(self):
        readme = (SOURCE / "README.md").read_text(encoding="utf-8")
        tour = readme[readme.index("## A short tour"):]
        prose = re.sub(r"```.*?```", "", tour, flags=re.S)
        for name in FIXTURES:
            self.assertIn(f"`{name}` is", prose, f"the README does not say what {name} is")

    def test_documentation_names_no_file_outside_the_repository(self):
        pages = [SOURCE / "README.md", SOURCE / "examples" / "README.md"]
        pages += sorted((SOURCE / "docs").rglob("*.md"))
        problems = []
        for page in pages:
            text = page.read_text(encoding="utf-8")
            targets = [m.group(1) for m in re.finditer(r"\]\(([^)\s]+)\)", text)]
            # `../x` paths in the text (not `.../route`, a shortened URL of docs/server.md).
            dotdot = r"(?<![\w./])(?:\.\./)+[\w.-][\w./-]*"
            targets += [m.group(0) for m in re.finditer(dotdot, text)]
            for target in targets:
                if re.match(r"[a-z]+:", target) or target.startswith("#"):
                    continue  # a URL, or a place on the same page
                path = (page.parent / target.split("#")[0]).resolve()
                inside = path == SOURCE or SOURCE in path.parents
                if target.startswith("/") or not inside or not path.exists():
                    problems.append(f"{page.relative_to(SOURCE)}: {target}")
        self.assertEqual(problems, [], "links or paths to files outside the repository, or to "
                         "no file")


if __name__ == "__main__":
    unittest.main()
