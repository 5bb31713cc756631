#!/usr/bin/python3
"""Fault test (issue 13, 6c): two servers on one database edit the same program. Each
editor reads the risk R-07 from one server and writes it back, with the version it read
(If-Match), through the other: one of two edits made from the same version gets 412, and
no acknowledged edit is ever overwritten by a stale one.

First a plain case (A's read, B's write, A's write of the old version: 412, B's value
stays), then a race: W editors, each R rounds of read on one server and a counter
increment written through the other. No update is lost exactly when the final counter
equals the number of 2xx answers.

Usage: stale_edit_test.py TPMKIT_BINARY [--editors N] [--rounds N]; exits 77 without nginx."""
import argparse
import re
import sys
import threading

from cluster import Client, Cluster

RISK = "/api/v1/programs/phoenix/risks"


def read(client):
    """(ETag, R-07's title) as one server sees them."""
    answer = client.call("GET", RISK)
    assert answer.status == 200, (answer.status, answer.body)
    risk = next(r for r in answer.json()["risks"] if r["id"] == "R-07")
    return answer.headers["etag"], risk["title"]


def counter(title):
    m = re.search(r"edit (\d+)$", title)
    return int(m.group(1)) if m else 0


def plain_case(cluster, problems):
    a = Client(cluster.ports[0], cluster.token)
    b = Client(cluster.ports[1], cluster.token)
    etag, _ = read(a)
    first = b.call("PATCH", f"{RISK}/R-07", {"title": "B's plan"}, {"If-Match": etag})
    stale = a.call("PATCH", f"{RISK}/R-07", {"title": "A's stale plan"},
                   {"If-Match": etag})
    _, now = read(a)
    print(f"  plain: B's write {first.status}, A's stale write {stale.status}, R-07 now "
          f"'{now}'")
    if first.status != 200 or stale.status != 412 or now != "B's plan":
        problems.append("the stale write was not refused with 412")


def editor(cluster, number, rounds, results, lock):
    reader = Client(cluster.ports[number % 2], cluster.token)
    writer = Client(cluster.ports[(number + 1) % 2], cluster.token)
    for _ in range(rounds):
        etag, title = read(reader)
        body = {"title": f"Counted edit {counter(title) + 1}"}
        status = writer.call("PATCH", f"{RISK}/R-07", body, {"If-Match": etag}).status
        with lock:
            results[status] = results.get(status, 0) + 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--editors", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=25)
    args = parser.parse_args()
    problems = []
    with Cluster(args.binary) as cluster:
        print(f"backend {cluster.backend}: two servers, one program")
        plain_case(cluster, problems)
        # The race starts from a known counter.
        etag, _ = read(Client(cluster.ports[0], cluster.token))
        start = Client(cluster.ports[0], cluster.token).call(
            "PATCH", f"{RISK}/R-07", {"title": "Counted edit 0"}, {"If-Match": etag})
        assert start.status == 200, (start.status, start.body)
        results, lock = {}, threading.Lock()
        threads = [threading.Thread(target=editor, args=(cluster, e, args.rounds, results, lock))
                   for e in range(args.editors)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        _, final = read(Client(cluster.ports[1], cluster.token))
        verify = cluster.cli("audit", "verify", check=False)
    accepted = results.get(200, 0)
    print(f"  race: {args.editors} editors x {args.rounds} rounds: answers {results}; "
          f"counter {counter(final)}, accepted {accepted}")
    if counter(final) != accepted:
        problems.append(f"lost update: {accepted} edits accepted, counter {counter(final)}")
    if set(results) - {200, 412}:
        problems.append(f"answers other than 200 and 412: {results}")
    if results.get(412, 0) == 0 or accepted == 0:
        problems.append(f"no conflict happened, the race proves nothing: {results}")
    if verify.returncode != 0:
        problems.append(f"audit verify -> {verify.returncode}: {verify.stdout}")
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
