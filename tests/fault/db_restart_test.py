#!/usr/bin/python3
"""Fault test (issue 13, 6b): PostgreSQL restarts while clients add risks through nginx
to two servers. No acknowledged write is lost; while the database is down the servers
answer 503 with Retry-After (or the write fails and is fully absent), and once it is back
both servers write again without being restarted.

Runs under scripts/with-postgres.sh (pg_virtualenv), which exports PGVERSION for
`pg_ctlcluster PGVERSION regress restart`; exits 77 without PostgreSQL or nginx.
Usage: db_restart_test.py TPMKIT_BINARY [--restarts N] [--writers N]"""
import argparse
import http.client
import os
import subprocess
import sys
import threading
import time

from cluster import Client, Cluster, check_writes, skip
from kill_server_test import UNAVAILABLE_WITHOUT_RETRY_AFTER, writer


def restart_postgres(down_seconds):
    version = os.environ["PGVERSION"]
    subprocess.run(["pg_ctlcluster", version, "regress", "stop", "-m", "fast"], check=True)
    time.sleep(down_seconds)
    subprocess.run(["pg_ctlcluster", version, "regress", "start"], check=True)


def recovered(cluster, port, seconds=30):
    """A write straight to the server on `port` succeeds within `seconds`."""
    client = Client(port, cluster.token)
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        body = {"id": f"FT-after-{port}-{n}", "title": "After the restart",
                "category": "vendor", "probability": 0.1, "severity": 1}
        try:
            if client.call("POST", "/api/v1/programs/phoenix/risks", body).status == 201:
                return True
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.2)
    return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--restarts", type=int, default=3)
    parser.add_argument("--writers", type=int, default=3)
    args = parser.parse_args()
    if not os.environ.get("TPMKIT_TEST_POSTGRES") or not os.environ.get("PGVERSION"):
        skip("no throwaway PostgreSQL (run under scripts/with-postgres.sh)")
    problems = []
    with Cluster(args.binary) as cluster:
        writes, lock, stop = {}, threading.Lock(), threading.Event()
        threads = [threading.Thread(target=writer, args=(cluster, w, writes, lock, stop))
                   for w in range(args.writers)]
        for t in threads:
            t.start()
        try:
            for _ in range(args.restarts):
                time.sleep(1.0)
                restart_postgres(down_seconds=1.5)
                time.sleep(1.0)
        finally:
            stop.set()
            for t in threads:
                t.join()
        for port in cluster.ports:
            if not recovered(cluster, port):
                problems.append(f"the server on port {port} did not write again")
        pids = [p.pid for p in cluster.procs if p.poll() is None]
        if len(pids) != len(cluster.ports):
            problems.append("a server died while the database was down")
        # The recovery writes are checked as well.
        for e in cluster.cli_json("risks", "-p", "phoenix")["risks"]:
            if e["id"].startswith("FT-after-"):
                writes.setdefault(e["id"], 201)
        figures, found = check_writes(cluster, writes)
        problems += found
        if UNAVAILABLE_WITHOUT_RETRY_AFTER:
            problems.append(f"{len(UNAVAILABLE_WITHOUT_RETRY_AFTER)} answers 503 came without "
                            "Retry-After")
    statuses = {}
    for s in writes.values():
        statuses[s] = statuses.get(s, 0) + 1
    print(f"backend {cluster.backend}: {args.restarts} restarts of PostgreSQL under "
          f"{args.writers} writers through nginx to 2 servers")
    print("  " + ", ".join(f"{k} {v}" for k, v in figures.items()))
    print("  answers: " + ", ".join(f"{k if k is not None else 'no answer'}: {v}"
                                    for k, v in sorted(statuses.items(), key=str)))
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
