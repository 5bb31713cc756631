#!/usr/bin/env python3
"""Fails when a file of an outer layer includes a header it must not see.

DESIGN.md: cli/ and server/ call only the use cases (app/) and render with report/;
base/ is everyone's. Link dependencies alone let PUBLIC headers leak, so this reads the
#include lines themselves. Usage: check_includes.py SOURCE_ROOT
"""
import pathlib
import re
import sys

ALLOWED = {
    "cli": {"app", "report", "base", "cli", "server"},
    "server": {"app", "report", "base", "server"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]tpmkit/([a-z_]+)/', re.M)


def main():
    root = pathlib.Path(sys.argv[1]) / "src" / "tpmkit"
    problems = []
    checked = 0
    for layer, allowed in ALLOWED.items():
        folder = root / layer
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix not in (".h", ".cc"):
                continue
            checked += 1
            text = path.read_text(encoding="utf-8")
            for m in INCLUDE.finditer(text):
                if m.group(1) not in allowed:
                    line = text.count("\n", 0, m.start()) + 1
                    problems.append(f"{path}:{line}: {layer}/ must not include tpmkit/{m.group(1)}/ "
                                    f"(allowed: {', '.join(sorted(allowed))})")
    for p in problems:
        print(p)
    if checked == 0:
        print("no files checked: wrong source root?")
        return 1
    print(f"{checked} files checked, {len(problems)} forbidden includes")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
