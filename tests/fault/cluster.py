"""The team arrangement for the fault tests: two `tpmkit serve` processes on one
workspace behind nginx, all on loopback, in a temporary folder.

The database is PostgreSQL when TPMKIT_TEST_POSTGRES names one (the ctest entries run
under scripts/with-postgres.sh), else a SQLite file that both servers open. nginx's
configuration comes from the deployment template (scripts/nginx-conf.sh), so the tests
exercise what deploy/nginx/tpmkit.conf ships. Servers are started on fixed ports so a
killed one comes back where nginx expects it.
"""
import http.client
import json
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

SOURCE = pathlib.Path(__file__).resolve().parents[2]
PHOENIX = SOURCE / "examples" / "phoenix.yaml"
SKIPPED = 77


def skip(why):
    print(f"skipped: {why}", file=sys.stderr)
    sys.exit(SKIPPED)


def find_nginx():
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.body = body

    def json(self):
        return json.loads(self.body)


class Client:
    """One keep-alive connection to HOST:PORT; reconnects after a failure."""

    def __init__(self, port, token=None, timeout=30):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.conn = None

    def call(self, method, path, body=None, headers=None):
        """An Answer, or raises OSError/http.client.HTTPException when the connection
        failed (the request may or may not have been applied)."""
        h = dict(headers or {})
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
            answer = Answer(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        if answer.headers.get("connection", "").lower() == "close":
            self.close()
        return answer

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


class Cluster:
    def __init__(self, binary, servers=2, fail_timeout=None):
        self.binary = str(pathlib.Path(binary).resolve())
        self.nginx = find_nginx()
        if not self.nginx:
            skip("nginx not found (apt-get install nginx-light)")
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-fault-"))
        os.chmod(self.dir, 0o755)  # nginx's worker may run as another user
        self.db = os.environ.get("TPMKIT_TEST_POSTGRES") or str(self.dir / "team.db")
        self.backend = "postgresql" if self.db.startswith("postgres") else "sqlite"
        self.ports = [free_port() for _ in range(servers)]
        self.procs = [None] * servers
        self.nginx_proc = None
        self.port = free_port()
        self.token = None
        self.fail_timeout = fail_timeout  # nginx's, in seconds; None: the template's

    # -- the workspace, through the command line -------------------------------------
    def cli(self, *args, check=True, input=None):
        r = subprocess.run([self.binary, "--db", self.db, *args], capture_output=True,
                           text=True, input=input, timeout=300)
        if check and r.returncode != 0:
            raise AssertionError(f"tpmkit {' '.join(args)} -> {r.returncode}: {r.stderr}")
        return r

    def cli_json(self, *args):
        return json.loads(self.cli("--json", *args).stdout)

    def setup(self):
        r = self.cli("apply", str(PHOENIX), check=False)
        if r.returncode != 0 and "not supported" in r.stderr:
            skip(f"this build has no {self.backend} backend: {r.stderr.strip()}")
        if r.returncode != 0:
            raise AssertionError(f"tpmkit apply -> {r.returncode}: {r.stderr}")
        self.cli("user", "add", "writer", "--password-stdin", input="fault-test-writer-7\n")
        self.cli("user", "grant", "writer", "phoenix", "editor")
        created = self.cli_json("token", "create", "writer", "--role", "editor",
                                "--program", "phoenix")
        self.token = created["secret"]

    # -- processes -------------------------------------------------------------------
    def start_server(self, i):
        log = open(self.dir / f"serve{i}.log", "ab")
        err = open(self.dir / f"serve{i}.err", "ab")
        self.procs[i] = subprocess.Popen(
            [self.binary, "--db", self.db, "serve", "--listen", f"127.0.0.1:{self.ports[i]}",
             "--threads", "2", "--trusted-proxy", "127.0.0.1",
             "--evidence-root", str(self.dir / "evidence")],
            stdout=log, stderr=err)
        log.close()
        err.close()
        self.wait_healthy(self.ports[i], self.procs[i])

    def wait_healthy(self, port, proc, seconds=20):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if proc is not None and proc.poll() is not None:
                raise AssertionError(f"process on port {port} exited {proc.returncode}:\n"
                                     + self.tail_logs())
            try:
                if Client(port, timeout=2).call("GET", "/healthz").status == 200:
                    return
            except (OSError, http.client.HTTPException):
                pass
            time.sleep(0.05)
        raise AssertionError(f"nothing healthy on port {port} after {seconds} s\n"
                             + self.tail_logs())

    def served(self, i):
        """Requests the server `i` has answered, by its access log (one line each)."""
        with open(self.dir / f"serve{i}.log", "rb") as log:
            return sum(1 for _ in log)

    def kill_server(self, i):
        """SIGKILL: no chance to finish anything, as when the machine loses power."""
        self.procs[i].send_signal(signal.SIGKILL)
        self.procs[i].wait()

    def start(self):
        self.setup()
        for i in range(len(self.ports)):
            self.start_server(i)
        shorter = ["--fail-timeout", str(self.fail_timeout)] if self.fail_timeout else []
        conf = subprocess.run([str(SOURCE / "scripts" / "nginx-conf.sh"), *shorter,
                               str(self.dir), str(self.port), *map(str, self.ports)],
                              capture_output=True, text=True, check=True).stdout
        (self.dir / "nginx.conf").write_text(conf)
        self.nginx_proc = subprocess.Popen(
            [self.nginx, "-c", str(self.dir / "nginx.conf"), "-p", str(self.dir),
             "-e", str(self.dir / "nginx-error.log")],
            stdout=subprocess.DEVNULL, stderr=open(self.dir / "nginx.out", "ab"))
        self.wait_healthy(self.port, self.nginx_proc)
        return self

    def stop(self):
        """SIGTERM to everything; every server must exit 0 (its graceful shutdown)."""
        procs = [p for p in [self.nginx_proc, *self.procs] if p is not None]
        for p in procs:
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        codes = {}
        for p in procs:
            try:
                codes[p] = p.wait(timeout=40)
            except subprocess.TimeoutExpired:
                p.kill()
                codes[p] = "hung"
        return [codes[p] for p in self.procs if p is not None]

    def tail_logs(self):
        out = []
        for name in sorted(os.listdir(self.dir)):
            if name.endswith((".err", "error.log", ".out")):
                text = (self.dir / name).read_text(errors="replace")[-2000:]
                out.append(f"--- {name}\n{text}")
        return "\n".join(out)

    def __enter__(self):
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, kind, value, tb):
        codes = self.stop()
        if kind is None and any(c != 0 for c in codes):
            raise AssertionError(f"servers' exit codes after SIGTERM: {codes}\n"
                                 + self.tail_logs())
        if kind is not None:
            print(self.tail_logs(), file=sys.stderr)
        shutil.rmtree(self.dir, ignore_errors=True)
        return False


def check_writes(cluster, writes):
    """Every acknowledged write (2xx) is in the register and in the trail, every other
    one fully there or absent, and the trail's chain verifies. `writes` maps a risk id
    to the status it got (None: the connection failed). Returns the figures."""
    risks = {r["id"]: r for r in cluster.cli_json("risks", "-p", "phoenix")["risks"]}
    created = {}
    for e in cluster.cli_json("log", "-p", "phoenix", "--entity", "risk")["entries"]:
        if e["action"] == "create":
            created[e["entity_id"]] = created.get(e["entity_id"], 0) + 1
    acked = [i for i, s in writes.items() if s is not None and 200 <= s < 300]
    other = [i for i, s in writes.items() if not (s is not None and 200 <= s < 300)]
    lost = [i for i in acked if i not in risks or created.get(i) != 1]
    half = [i for i in other if (i in risks) != (i in created)]
    twice = [i for i, n in created.items() if n > 1 and i in writes]
    strangers = [i for i in risks if i.startswith("FT-") and i not in writes]
    verify = cluster.cli("audit", "verify", check=False)
    figures = {
        "writes": len(writes), "acknowledged": len(acked), "lost": len(lost),
        "unacknowledged": len(other),
        "unacknowledged_present": sum(1 for i in other if i in risks),
        "half_written": len(half), "logged_twice": len(twice),
        "audit_verify_exit": verify.returncode,
    }
    problems = []
    if lost:
        problems.append(f"acknowledged but lost: {lost[:10]}")
    if half:
        problems.append(f"in the register xor the trail: {half[:10]}")
    if twice:
        problems.append(f"created twice in the trail: {twice[:10]}")
    if strangers:
        problems.append(f"risks nobody wrote: {strangers[:10]}")
    if verify.returncode != 0:
        problems.append(f"audit verify -> {verify.returncode}: {verify.stdout}{verify.stderr}")
    return figures, problems
