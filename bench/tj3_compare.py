#!/usr/bin/env python3
"""Helper of bench/tj3_compare.sh: writes one network as a tpmkit program file and as the
equivalent TaskJuggler project, and compares the dates the two tools give.

  tj3_compare.py gen TASKS SEED DIR   writes DIR/program.yaml and DIR/program.tjp, prints
                                      the number of links
  tj3_compare.py check SCHEDULE_JSON TJ3_CSV
                                      prints "tasks mismatches", and the first mismatches
                                      on stderr

The networks are what both tools schedule the same way: fixed durations in working days,
finish-to-start links with a non-negative lag (TaskJuggler's `gaplength`), milestones
(without lag on their incoming links: TaskJuggler places a milestone at the end of its
predecessor, where tpmkit's milestone dates are; a gap before a milestone is a point in
time that the two do not round alike), Mon-Fri working days, no holidays, no progress.
SS, FF and SF links are left out: TaskJuggler has no finish-to-finish or start-to-finish
dependency and places `precedes`/`onstart` links on timestamps, not working-day positions.
The shape follows tests/support/generate.cc: each task depends on about three tasks among
the fifty before it, which gives long chains like real plans.
"""
import csv
import json
import random
import sys


def gen(tasks, seed, out):
    rng = random.Random(seed)
    yaml = ["tpmkit: 1", "", "program:", f"  id: gen-{seed}", f"  name: Generated {tasks}",
            "  start: 2026-01-05", "", "projects:", "  - id: p", "    name: Network",
            "    tasks:"]
    # TaskJuggler: a project long enough for the schedule, UTC, the default working
    # hours (Mon-Fri 9:00-12:00, 13:00-18:00, 8 h a day), so `length 1d` = one working day.
    tjp = [f'project gen "Generated {tasks}" 2026-01-05 +{max(2, tasks // 100 + 2)}y {{',
           '  timezone "UTC"', '  timeformat "%Y-%m-%d"', "}", ""]
    milestone = []
    links = 0
    for i in range(tasks):
        is_milestone = i > 0 and rng.random() < 0.03
        milestone.append(is_milestone)
        days = 0 if is_milestone else rng.randint(1, 20)
        preds = []
        for _ in range(6):
            if i == 0 or rng.random() >= 0.5:
                continue
            p = rng.randint(max(0, i - 50), i - 1)
            if any(p == q for q, _ in preds):
                continue
            lag = rng.randint(1, 5) if (not is_milestone and rng.random() < 0.2) else 0
            preds.append((p, lag))
        links += len(preds)
        fields = [f"id: t{i}", f"name: Task {i}"]
        fields.append("milestone: true" if is_milestone else f"duration: {days}d")
        if preds:
            deps = ", ".join(f"t{p}" if lag == 0 else f"{{task: t{p}, lag: {lag}d}}"
                             for p, lag in preds)
            fields.append(f"depends: [{deps}]")
        yaml.append("      - {" + ", ".join(fields) + "}")
        tjp.append(f'task t{i} "Task {i}" {{')
        if is_milestone:
            tjp.append("  milestone")
        else:
            tjp.append(f"  length {days}d")
        if preds:
            deps = ", ".join(f"t{p}" if lag == 0 else f"t{p} {{ gaplength {lag}d }}"
                             for p, lag in preds)
            tjp.append(f"  depends {deps}")
        else:
            tjp.append("  start 2026-01-05")
        tjp.append("}")
    tjp += ["", 'taskreport "dates" {', "  formats csv", "  columns id, start, end",
            "  timeformat \"%Y-%m-%d\"", "}"]
    with open(f"{out}/program.yaml", "w") as f:
        f.write("\n".join(yaml) + "\n")
    with open(f"{out}/program.tjp", "w") as f:
        f.write("\n".join(tjp) + "\n")
    print(links)


def check(schedule_json, tj3_csv):
    with open(schedule_json) as f:
        ours = {t["id"]: (t["start"], t["finish"]) for t in json.load(f)["tasks"]}
    theirs = {}
    with open(tj3_csv, newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    header = [h.strip().lower() for h in rows[0]]
    i_id, i_start, i_end = header.index("id"), header.index("start"), header.index("end")
    for row in rows[1:]:
        if len(row) > i_end:
            theirs[row[i_id].strip()] = (row[i_start].strip(), row[i_end].strip())
    mismatches = 0
    shown = 0
    for tid, dates in ours.items():
        other = theirs.get(tid)
        if other != dates:
            mismatches += 1
            if shown < 5:
                print(f"  {tid}: tpmkit {dates}, tj3 {other}", file=sys.stderr)
                shown += 1
    print(len(ours), mismatches)


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    else:
        sys.exit("usage: tj3_compare.py gen TASKS SEED DIR | check SCHEDULE_JSON TJ3_CSV")
