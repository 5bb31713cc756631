#!/usr/bin/python3
"""Validates examples/*.yaml and tests/data/valid/*.yaml against schema/program.schema.json.

Run from the repository root (ctest does). Exit 0: all valid; 1: a file failed; 77: skipped
(python3-jsonschema or python3-yaml missing).

YAML is loaded with YAML 1.2 core-schema scalars, as tpmkit reads it: dates stay strings,
and only true/false are booleans (PyYAML's YAML 1.1 defaults would turn `on:` into True
and 2026-01-05 into a date).
"""
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    import yaml
except ImportError as e:  # pragma: no cover
    print(f"skipped: {e}")
    sys.exit(77)


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with the YAML 1.2 core schema's implicit types (no dates, no yes/no/on)."""


CoreLoader.yaml_implicit_resolvers = {}
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$"),
    list("-+.0123456789"))
CoreLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


def main():
    root = os.getcwd()
    with open(os.path.join(root, "schema", "program.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    # The schema must not be vacuous: a typo'd key fails it.
    broken = {"tpmkit": 1, "program": {"id": "x", "name": "X", "start": "2026-01-05",
                                       "durration": "5d"}}
    if not list(validator.iter_errors(broken)):
        print("schema accepts an unknown key")
        return 1

    files = sorted(glob.glob(os.path.join(root, "examples", "*.yaml")) +
                   glob.glob(os.path.join(root, "tests", "data", "valid", "*.yaml")))
    if not files:
        print("no files found: run from the repository root")
        return 1
    failed = 0
    for path in files:
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            try:
                doc = yaml.load(f, Loader=CoreLoader)
            except yaml.YAMLError as e:
                print(f"{rel}: YAML error: {e}")
                failed += 1
                continue
        errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.absolute_path))
        for e in errors:
            where = "/".join(str(p) for p in e.absolute_path) or "(top)"
            print(f"{rel}: {where}: {e.message}")
        failed += bool(errors)
        if not errors:
            print(f"{rel}: ok")
    print(f"{len(files) - failed} of {len(files)} files valid")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
