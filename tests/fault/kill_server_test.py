#!/usr/bin/python3
"""Fault test (issue 13, 6a): SIGKILL to one of two servers behind nginx at a random
moment while clients add risks through nginx with an API token; the killed server is
started again. Afterwards every write that got a 2xx is in the register and in the
trail, every other write is fully there or absent, and `audit verify` passes.

Usage: kill_server_test.py TPMKIT_BINARY [--trials N] [--writers N] [--seed N]
(the database: see cluster.py). Prints the figures; exits 77 without nginx."""
import argparse
import http.client
import random
import sys
import threading
import time

from cluster import Client, Cluster, check_writes


# The writes whose 503 answer came without Retry-After (db_restart_test.py requires none).
UNAVAILABLE_WITHOUT_RETRY_AFTER = []


def writer(cluster, number, writes, lock, stop):
    client = Client(cluster.port, cluster.token)
    n = 0
    while not stop.is_set():
        n += 1
        rid = f"FT-{number}-{n}"
        body = {"id": rid, "title": f"Fault test write {number}.{n}", "category": "vendor",
                "probability": 0.2, "severity": 2}
        try:
            answer = client.call("POST", "/api/v1/programs/phoenix/risks", body)
            status = answer.status
            if status == 503 and "retry-after" not in answer.headers:
                with lock:
                    UNAVAILABLE_WITHOUT_RETRY_AFTER.append(rid)
        except (OSError, http.client.HTTPException):
            status = None
        with lock:
            writes[rid] = status
        if status is not None and status >= 500:
            time.sleep(0.05)  # nginx has no server for a moment; do not spin


def back_in_rotation(cluster, i, seconds=15):
    """Waits until nginx sends the restarted server `i` writes again, so that every kill
    hits an arrangement where both servers are live, as in production, where kills are
    far apart. Without the wait, nginx would have no live server for moments."""
    before = cluster.served(i)
    deadline = time.monotonic() + seconds
    while cluster.served(i) == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"nginx sent nothing to the restarted server {i} in {seconds} s")
        time.sleep(0.02)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--writers", type=int, default=3)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)

    # nginx leaves a failed server out for fail_timeout: 1 s instead of the template's
    # 5 s, so that 100 kills fit in the time budget.
    with Cluster(args.binary, fail_timeout=1) as cluster:
        writes, lock, stop = {}, threading.Lock(), threading.Event()
        threads = [threading.Thread(target=writer, args=(cluster, w, writes, lock, stop))
                   for w in range(args.writers)]
        for t in threads:
            t.start()
        started = time.monotonic()
        try:
            for _ in range(args.trials):
                time.sleep(rng.uniform(0.02, 0.3))  # a random moment in the load
                victim = rng.randrange(len(cluster.ports))
                cluster.kill_server(victim)
                time.sleep(rng.uniform(0.0, 0.2))  # the other one carries the load
                cluster.start_server(victim)
                back_in_rotation(cluster, victim)
        finally:
            stop.set()
            for t in threads:
                t.join()
        elapsed = time.monotonic() - started
        figures, problems = check_writes(cluster, writes)

    statuses = {}
    for s in writes.values():
        statuses[s] = statuses.get(s, 0) + 1
    print(f"backend {cluster.backend}, seed {seed}: {args.trials} trials of SIGKILL in "
          f"{elapsed:.0f} s, {args.writers} writers through nginx to 2 servers")
    print("  " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    print("  answers: " + ", ".join(f"{k if k is not None else 'no answer'}: {v}"
                                    for k, v in sorted(statuses.items(), key=str)))
    # Not vacuous: writes must go through the kills (the others are the writes in
    # flight on the killed server, answered 502: nginx does not repeat a POST).
    if figures["acknowledged"] < max(args.trials, figures["writes"] // 3):
        problems.append(f"too few writes acknowledged: {figures['acknowledged']} of "
                        f"{figures['writes']}")
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
