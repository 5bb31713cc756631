"""A real `tpmkit serve` for the server tests: a temporary workspace with two programs
(phoenix and atlas, a copy of it), users for every role, and an HTTP client.

Usage in a test: `with ServerFixture(binary) as s: s.call("GET", "/healthz")`. The server
listens on a free loopback port; stop() sends SIGTERM and checks the exit status is 0.
"""
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.parse
import uuid

SOURCE = pathlib.Path(__file__).resolve().parents[2]
PHOENIX = SOURCE / "examples" / "phoenix.yaml"
PASSWORD = "tangerine-harbour-42"
FORM = "application/x-www-form-urlencoded"

# name -> (admin, {program: role})
USERS = {
    "ana": (True, {}),
    "olga": (False, {"phoenix": "owner"}),
    "ed": (False, {"phoenix": "editor"}),
    "vi": (False, {"phoenix": "viewer"}),
    "nora": (False, {}),
}


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # lower-case name -> value
        self.body = body

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return f"<{self.status} {self.body[:300]!r}>"


class ServerFixture:
    def __init__(self, binary, extra_args=(), env=None, users=USERS):
        self.binary = str(binary)
        self.extra_args = list(extra_args)
        self.env = dict(os.environ, **(env or {}))
        self.users = users
        self.dir = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-server-"))
        self.db = str(self.dir / "team.db")
        self.tokens = {}
        self.proc = None
        self.host = "127.0.0.1"
        self.port = None

    # -- the workspace, through the command line --------------------------------------
    def cli(self, *args, input=None, check=True):
        r = subprocess.run([self.binary, "--db", self.db, *args], input=input,
                           capture_output=True, text=True, env=self.env, timeout=120)
        if check and r.returncode != 0:
            raise AssertionError(f"tpmkit {' '.join(args)} -> {r.returncode}: {r.stderr}")
        return r

    def setup_workspace(self):
        self.cli("apply", str(PHOENIX))
        atlas = self.dir / "atlas.yaml"
        text = PHOENIX.read_text(encoding="utf-8")
        # The program's id is indented under `program:`; the first "id: phoenix" is it.
        atlas_text = re.sub(r"(?m)^(\s*)id: phoenix$", r"\1id: atlas", text, count=1)
        if atlas_text == text:
            raise AssertionError("harness: no 'id: phoenix' in the example to copy as atlas")
        atlas.write_text(atlas_text, encoding="utf-8")
        self.cli("apply", str(atlas))
        for name, (admin, roles) in self.users.items():
            args = ["user", "add", name, "--password-stdin"] + (["--admin"] if admin else [])
            self.cli(*args, input=PASSWORD + "\n")
            for program, role in roles.items():
                self.cli("user", "grant", name, program, role)

    def token(self, user, program=None, role="viewer"):
        key = (user, program, role)
        if key not in self.tokens:
            args = ["--json", "token", "create", user, "--role", role]
            if program:
                args += ["--program", program]
            self.tokens[key] = json.loads(self.cli(*args).stdout)["secret"]
        return self.tokens[key]

    # -- the server -----------------------------------------------------------------
    def start(self):
        # The logs go to files: a pipe nobody reads would fill and stall the server.
        self.log_path = self.dir / f"access-{time.time_ns()}.log"
        self.err_path = self.dir / f"serve-{time.time_ns()}.err"
        with open(self.log_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen(
                [self.binary, "--db", self.db, "serve", "--listen", "127.0.0.1:0",
                 "--evidence-root", str(self.dir / "evidence"), *self.extra_args],
                stdout=out, stderr=err, env=self.env)
        deadline = time.time() + 60
        while time.time() < deadline:
            m = re.search(r"on http://127\.0\.0\.1:(\d+)",
                          self.err_path.read_text(encoding="utf-8", errors="replace"))
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError("tpmkit serve did not start: " +
                             self.err_path.read_text(encoding="utf-8", errors="replace"))

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                code = self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("tpmkit serve did not stop on SIGTERM")
            self.access_log = self.log_path.read_text(encoding="utf-8", errors="replace")
            self.errors = self.err_path.read_text(encoding="utf-8", errors="replace")
            if code != 0:
                raise AssertionError(f"tpmkit serve exited {code}: {self.errors}")

    def __enter__(self):
        self.setup_workspace()
        self.start()
        return self

    def __exit__(self, *exc):
        try:
            self.stop()
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- HTTP -----------------------------------------------------------------------
    def call(self, method, path, body=None, headers=None, token=None, session=None,
             content_type=None):
        """One request on a new connection. `body`: dict/list (JSON), str or bytes.
        `session`: a Session (cookie and CSRF token)."""
        h = dict(headers or {})
        if token:
            h["Authorization"] = "Bearer " + token
        if session:
            h["Cookie"] = f"__Host-tpmkit={session.cookie}"
            if session.csrf and method not in ("GET", "HEAD"):
                h.setdefault("X-CSRF-Token", session.csrf)
        data = None
        if body is not None:
            if isinstance(body, (dict, list)):
                data = json.dumps(body).encode()
                h.setdefault("Content-Type", content_type or "application/json")
            else:
                data = body.encode() if isinstance(body, str) else body
                h.setdefault("Content-Type", content_type or "application/octet-stream")
        conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
        try:
            conn.request(method, path, body=data, headers=h)
            r = conn.getresponse()
            return Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
        finally:
            conn.close()

    def login(self, user, password=PASSWORD):
        r = self.call("POST", "/api/v1/session", {"user": user, "password": password})
        if r.status != 200:
            raise AssertionError(f"login {user}: {r}")
        cookie = re.match(r"__Host-tpmkit=([^;]*)", r.headers["set-cookie"]).group(1)
        return Session(cookie, r.json()["csrf_token"])


class Session:
    def __init__(self, cookie, csrf):
        self.cookie = cookie
        self.csrf = csrf


class Browser:
    """One user's cookie jar over a ServerFixture, posting forms (url-encoded or multipart)
    as a browser does. With `user`, logs in at once and fails the test if that is refused."""

    def __init__(self, s, user=None):
        self.s = s
        self.cookie = None
        if user is not None:
            r = self.login(user)
            if r.status != 303 or not self.cookie:
                raise AssertionError(f"login of {user} failed: {r}")

    def headers(self, extra=None):
        h = dict(extra or {})
        if self.cookie:
            h["Cookie"] = f"__Host-tpmkit={self.cookie}"
        return h

    def same_origin(self, extra=None):
        return self.headers({"Origin": f"http://127.0.0.1:{self.s.port}",
                             "Sec-Fetch-Site": "same-origin", **(extra or {})})

    def get(self, path, headers=None):
        return self.s.call("GET", path, headers=self.headers(headers))

    def post(self, path, fields, headers=None):
        return self.s.call("POST", path, body=urllib.parse.urlencode(fields),
                           headers=self.same_origin(headers), content_type=FORM)

    def upload(self, path, fields, files):
        """A multipart/form-data post: `files` maps a field to (filename, bytes)."""
        boundary = "----tpmkit" + uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"'
                         f"\r\n\r\n{value}\r\n".encode())
        for name, (filename, data) in files.items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                         f'filename="{filename}"\r\nContent-Type: application/octet-stream'
                         "\r\n\r\n".encode() + data + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.s.call("POST", path, body=body, headers=self.same_origin(),
                           content_type=f"multipart/form-data; boundary={boundary}")

    def login(self, user, password=PASSWORD, next_path=None):
        fields = {"user": user, "password": password}
        if next_path is not None:
            fields["next"] = next_path
        r = self.post("/login", fields)
        m = re.match(r"__Host-tpmkit=([^;]*)", r.headers.get("set-cookie", ""))
        if m:
            self.cookie = m.group(1)
        return r


def text(r):
    """A response's body as text."""
    return r.body.decode("utf-8")


def binary_from_argv(argv):
    """The tpmkit binary: argv[1] (ctest passes it), else build/tpmkit."""
    if len(argv) > 1:
        return argv.pop(1)
    return str(SOURCE / "build" / "tpmkit")
