#!/usr/bin/env python3
"""Runs one golden test file against the built tpmkit binary (Ledger's style).

A .test file holds the commands and their expected output:

    # What this file covers.
    setup apply examples/phoenix.yaml
    test risks --as-of 2026-06-15
    <expected standard output>
    __ERROR__
    <expected standard error, when the command writes any>
    __EXIT__ 2
    end test

Every `setup` and `test` line is a tpmkit command line (shell words, without the
binary's name), run from the repository root, in order, against one fresh workspace
($TPMKIT_DB in a temporary folder). `setup` commands must exit 0; their output is not
compared. A `test` block compares standard output, standard error and the exit status
(0 unless __EXIT__ says otherwise). The temporary folder's path is written `$TMP`, the
repository's `$ROOT` (absolute paths of files in it, such as an evidence root).

The clock, the actor and colour are fixed (TPMKIT_NOW, TPMKIT_ACTOR, NO_COLOR), so the
output is the same on every machine. `--update` rewrites the expected output from what
the binary prints now: review the diff before committing it.

Usage: run_golden.py BINARY FILE [--update]
"""
import difflib
import os
import shlex
import subprocess
import sys
import tempfile

NOW = "2026-06-15T09:30:00Z"
ACTOR = "golden"


class Block:
    def __init__(self, kind, args, line):
        self.kind = kind  # "setup" or "test"
        self.args = args
        self.line = line
        self.stdout = []
        self.stderr = []
        self.exit = 0


def parse(path):
    blocks = []
    current = None
    section = None
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if current is None:
            if not line.strip() or line.startswith("#"):
                continue
            word, _, rest = line.partition(" ")
            if word == "setup":
                blocks.append(Block("setup", rest, number))
            elif word == "test":
                current = Block("test", rest, number)
                section = current.stdout
            else:
                sys.exit(f"{path}:{number}: expected 'setup', 'test' or a comment")
            continue
        if line == "end test":
            blocks.append(current)
            current = None
        elif line == "__ERROR__":
            section = current.stderr
        elif line.startswith("__EXIT__ "):
            current.exit = int(line.split()[1])
        else:
            section.append(line)
    if current is not None:
        sys.exit(f"{path}:{current.line}: 'test' without 'end test'")
    return blocks


def run(binary, args, tmp, root):
    env = dict(os.environ)
    env.update({
        "TPMKIT_DB": os.path.join(tmp, "workspace.db"),
        "TPMKIT_ACTOR": ACTOR,
        "TPMKIT_NOW": NOW,
        "NO_COLOR": "1",
        "TMP": tmp,
        "LC_ALL": "C.UTF-8",
    })
    argv = [binary] + [a.replace("$TMP", tmp) for a in shlex.split(args)]
    p = subprocess.run(argv, cwd=root, env=env, stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=600)
    def clean(b):
        text = b.decode("utf-8", errors="replace").replace(tmp, "$TMP").replace(root, "$ROOT")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        return lines
    return clean(p.stdout), clean(p.stderr), p.returncode


def write(path, header, blocks):
    out = list(header)
    for b in blocks:
        if b.kind == "setup":
            out.append(f"setup {b.args}")
            continue
        out.append(f"test {b.args}")
        out.extend(b.stdout)
        if b.stderr:
            out.append("__ERROR__")
            out.extend(b.stderr)
        if b.exit != 0:
            out.append(f"__EXIT__ {b.exit}")
        out.append("end test")
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(out) + "\n")


def main():
    args = [a for a in sys.argv[1:] if a != "--update"]
    update = "--update" in sys.argv[1:]
    if len(args) != 2:
        sys.exit(__doc__)
    binary, path = os.path.abspath(args[0]), args[1]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(path, encoding="utf-8", newline="") as f:
        header = []
        for line in f.read().split("\n"):
            if line.startswith("#") or not line.strip():
                header.append(line)
            else:
                break
    blocks = parse(path)
    failures = 0
    with tempfile.TemporaryDirectory(prefix="tpmkit-golden-") as tmp:
        for b in blocks:
            out, err, code = run(binary, b.args, tmp, root)
            if b.kind == "setup":
                if code != 0:
                    print(f"{path}:{b.line}: setup `{b.args}` exited {code}:\n" + "\n".join(err))
                    return 1
                continue
            if update:
                b.stdout, b.stderr, b.exit = out, err, code
                continue
            for what, want, got in (("stdout", b.stdout, out), ("stderr", b.stderr, err)):
                if want != got:
                    failures += 1
                    print(f"{path}:{b.line}: `tpmkit {b.args}`: {what} differs")
                    for d in difflib.unified_diff(want, got, "expected", "actual", lineterm=""):
                        print(d)
            if code != b.exit:
                failures += 1
                print(f"{path}:{b.line}: `tpmkit {b.args}`: exit {code}, expected {b.exit}")
    if update:
        while header and not header[-1].strip():
            header.pop()
        write(path, header, blocks)
        print(f"updated {path}")
        return 0
    tests = sum(1 for b in blocks if b.kind == "test")
    print(f"{path}: {failures} differences in {tests} commands" if failures
          else f"{path}: {tests} commands match")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
