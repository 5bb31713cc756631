#!/usr/bin/env python3
"""Helper of bench/tj3_compare.sh: writes one network as a tpmkit program file and as the
equivalent TaskJuggler project, and compares the dates the two tools give.

  tj3_compare.py gen TASKS SEED DIR   writes DIR/program.yaml and DIR/program.tjp, prints
                                      the number of links
  tj3_compare.py check SCHEDULE_JSON TJ3_CSV
                                      prints "tasks mismatches", and the first mismatches
                                      on stderr
  tj3_compare.py time OUT CMD...      runs CMD (stdout to OUT) 3 times, once when a run takes
                                      more than 30 s, each capped at 300 s; prints the best
                                      "WALL CPU" in seconds (CPU = user + system of the
                                      command), or "timeout timeout" / "failed failed"

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
import datetime
import json
import os
import random
import subprocess
import sys
import time


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
            "  timeformat \"%Y-%m-%d %H:%M\"", "}"]
    with open(f"{out}/program.yaml", "w") as f:
        f.write("\n".join(yaml) + "\n")
    with open(f"{out}/program.tjp", "w") as f:
        f.write("\n".join(tjp) + "\n")
    print(links)


def tj3_dates(start, end):
    """TaskJuggler's (start, end) timestamps as tpmkit's inclusive working-day dates.

    TaskJuggler starts a successor at the very end of its predecessor (the end of the
    working day, 17:00 in its report), where tpmkit gives the next working day, on which the
    work starts: the same schedule, written differently. With whole-day durations a task
    starts either at the beginning of a day or at the end of one, so a start after noon
    moves to the next working day (Mon-Fri), except for a milestone (start = end), a point
    in time at the end of its day, as tpmkit dates it."""
    s = datetime.datetime.strptime(start, "%Y-%m-%d %H:%M")
    e = datetime.datetime.strptime(end, "%Y-%m-%d %H:%M")
    if s != e and s.hour >= 12:
        s = s + datetime.timedelta(days=1)
        while s.weekday() >= 5:
            s += datetime.timedelta(days=1)
    return (s.strftime("%Y-%m-%d"), e.strftime("%Y-%m-%d"))


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
            theirs[row[i_id].strip()] = tj3_dates(row[i_start].strip(), row[i_end].strip())
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


def timed(out, cmd):
    best_w = best_c = None
    for _ in range(3):
        with open(out, "w") as f, open(os.devnull, "w") as null:
            t0 = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=f, stderr=null)
            deadline = t0 + 300
            while True:
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if time.perf_counter() > deadline:
                    proc.kill()
                    os.wait4(proc.pid, 0)
                    print("timeout timeout")
                    return
                time.sleep(0.001)
            wall = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            print("failed failed")
            return
        cpu = usage.ru_utime + usage.ru_stime
        best_w = wall if best_w is None else min(best_w, wall)
        best_c = cpu if best_c is None else min(best_c, cpu)
        if wall > 30:
            break
    print(f"{best_w:.4f} {best_c:.4f}")


if __name__ == "__main__":
    if sys.argv[1] == "gen":
        gen(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "time":
        timed(sys.argv[2], sys.argv[3:])
    else:
        sys.exit("usage: tj3_compare.py gen TASKS SEED DIR | check SCHEDULE_JSON TJ3_CSV"
                 " | time OUT CMD...")
