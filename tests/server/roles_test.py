"""The role matrix (spec server.md "Roles"): every route of src/tpmkit/server/api_routes.cc
x every kind of caller x the caller's own and another program, against a real server.

The routes are read from the source, so a route added without an entry in CASES below
fails this test. The rules checked for each cell:
- anonymous: 401 (with WWW-Authenticate) on every route that is not public;
- no role on the program: 404, with the very answer (status, headers, body) a program
  that does not exist gets: nobody learns that a program exists;
- a role too small: 403; admin routes: 403 for everyone but an administrator's session
  (an API token never acts as an admin, even an admin's);
- allowed: anything but 401, 403 and the not-visible 404; never a 5xx (a crash), and at
  least one allowed caller of each route succeeds (2xx), so the bodies below keep
  reaching the handlers.

Writes change the workspace, so they are aimed at throwaway users and fresh ids: the
matrix users (ana, olga, ed, vi, nora) keep their passwords, sessions and roles.

Run: python3 tests/server/roles_test.py build/tpmkit
"""
import itertools
import json
import re
import sys
import unittest

import harness

BINARY = harness.binary_from_argv(sys.argv)
ROUTES_SOURCE = harness.SOURCE / "src" / "tpmkit" / "server" / "api_routes.cc"

NONE, VIEWER, EDITOR, OWNER = 0, 1, 2, 3
ROLE_LEVEL = {"viewer": VIEWER, "editor": EDITOR, "owner": OWNER}
ROLE_NAME = {VIEWER: "viewer", EDITOR: "editor", OWNER: "owner"}
NEEDED = {"kViewer": VIEWER, "kEditor": EDITOR, "kOwner": OWNER}
PROGRAM_ACCESS = set(NEEDED)
PROGRAMS = ("phoenix", "atlas")
MISSING_PROGRAM = "nosuch"

# Words that would betray an exception's text, a stack trace or the implementation.
LEAKS = ("what()", "std::", "nlohmann", "boost", "/work/", ".cc")
LEAKS_ANY_CASE = ("exception", "sqlite")

# Throwaway users: the targets of user administration and grants, never callers.
DISABLE_TARGET = "dora"
USER_TARGET = "tess"


def parse_routes():
    """[(method, pattern, access)] in table order, from api_routes.cc."""
    text = ROUTES_SOURCE.read_text(encoding="utf-8")
    routes = re.findall(
        r'\{\s*"(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)"\s*,\s*"([^"]+)"\s*,\s*(k[A-Za-z]+)\s*,'
        r"\s*h::\w+", text)
    handlers = re.findall(r"\bh::[A-Z]\w*", text)
    return routes, len(handlers)


class Caller:
    """Who makes a request: nobody, a user's browser session, or an API token."""

    def __init__(self, name, kind, user=None, token_program=None, token_role=None):
        self.name = name
        self.kind = kind  # "anonymous", "session" or "token"
        self.user = user
        self.token_program = token_program
        self.token_role = token_role
        self.session = None
        self.secret = None

    @property
    def admin_session(self):
        return self.kind == "session" and harness.USERS[self.user][0]

    def role_on(self, program):
        if self.kind == "anonymous":
            return NONE
        admin, roles = harness.USERS[self.user]
        role = OWNER if admin else ROLE_LEVEL.get(roles.get(program), NONE)
        if self.kind == "token":
            if self.token_program and self.token_program != program:
                return NONE
            role = min(role, ROLE_LEVEL[self.token_role])
        return role

    def __repr__(self):
        return self.name


CALLERS = [
    Caller("anonymous", "anonymous"),
    Caller("vi (viewer of phoenix)", "session", "vi"),
    Caller("ed (editor of phoenix)", "session", "ed"),
    Caller("olga (owner of phoenix)", "session", "olga"),
    Caller("ana (admin)", "session", "ana"),
    Caller("nora (no role)", "session", "nora"),
    # olga is an owner: the token caps her at viewer, on phoenix only.
    Caller("olga's viewer token for phoenix", "token", "olga", "phoenix", "viewer"),
    # ana is an admin: the token caps her at editor, on atlas only, and is never an admin.
    Caller("ana's editor token for atlas", "token", "ana", "atlas", "editor"),
    Caller("ana's editor token for every program", "token", "ana", None, "editor"),
]


class Case:
    """How to call one route so that an allowed caller succeeds.

    params: path parameters other than {id}; query: '?...' suffix; body: a value or a
    function (test, caller, program) -> value; content_type: for str/bytes bodies;
    prepare: (test, caller, program) -> dict that may override params/body/headers;
    fresh_session: the call ends the session it is made with, so session callers make it
    with a new login; session_only: tokens get 403 (a token cannot mint credentials);
    no_success: no caller can get a 2xx (not implemented yet); allowed_5xx: statuses
    >= 500 that an allowed caller may get."""

    def __init__(self, params=None, query="", body=None, content_type=None, prepare=None,
                 fresh_session=False, session_only=False, no_success=False, allowed_5xx=()):
        self.params = params or {}
        self.query = query
        self.body = body
        self.content_type = content_type
        self.prepare = prepare
        self.fresh_session = fresh_session
        self.session_only = session_only
        self.no_success = no_success
        self.allowed_5xx = set(allowed_5xx)


def unique(prefix):
    return lambda t, caller, program: f"{prefix}{next(t.counter)}"


def new_program_document(t, caller, program):
    text = harness.PHOENIX.read_text(encoding="utf-8")
    return re.sub(r"(?m)^(\s*)id: phoenix$", rf"\1id: matrix-{next(t.counter)}", text, count=1)


def replace_program(t, caller, program):
    """PUT the program's own file back, with the ETag of its current version."""
    r = t.s.call("GET", f"/api/v1/programs/{program}", session=t.admin.session)
    etag = r.headers.get("etag", '"none"')
    source = harness.PHOENIX if program != "atlas" else t.s.dir / "atlas.yaml"
    return {"body": source.read_text(encoding="utf-8"), "headers": {"If-Match": etag}}


def own_token_to_revoke(t, caller, program):
    """A token of the caller's own user, made for this call, to revoke."""
    if caller.kind == "anonymous":
        return {"params": {"tid": "tok_000000000000"}}
    out = t.s.cli("--json", "token", "create", caller.user, "--role", "viewer").stdout
    return {"params": {"tid": json.loads(out)["token"]["id"]}}


CASES = {
    ("GET", "/healthz"): Case(),
    ("GET", "/readyz"): Case(),
    ("GET", "/api/v1/openapi.json"): Case(),
    ("POST", "/api/v1/session"): Case(body={"user": USER_TARGET, "password": harness.PASSWORD}),
    ("DELETE", "/api/v1/session"): Case(fresh_session=True),
    ("GET", "/api/v1/me"): Case(),
    ("GET", "/api/v1/me/sessions"): Case(),
    ("DELETE", "/api/v1/me/sessions"): Case(),
    ("PUT", "/api/v1/me/password"): Case(
        body={"current": harness.PASSWORD, "password": harness.PASSWORD}, session_only=True),
    ("GET", "/api/v1/me/tokens"): Case(),
    ("POST", "/api/v1/me/tokens"): Case(body={"role": "viewer"}, session_only=True),
    ("DELETE", "/api/v1/me/tokens/{tid}"): Case(prepare=own_token_to_revoke),
    ("GET", "/api/v1/users"): Case(),
    ("POST", "/api/v1/users"): Case(
        body=lambda t, c, p: {"name": f"made-{next(t.counter)}", "password": "zebra-crossing-91"}),
    ("POST", "/api/v1/users/{name}/disable"): Case(params={"name": DISABLE_TARGET}),
    ("GET", "/api/v1/users/{name}/sessions"): Case(params={"name": USER_TARGET}),
    ("DELETE", "/api/v1/users/{name}/sessions"): Case(params={"name": USER_TARGET}),
    ("POST", "/api/v1/users/{name}/tokens"): Case(params={"name": USER_TARGET},
                                                   body={"role": "viewer"}),
    ("GET", "/api/v1/audit/verify"): Case(),
    ("GET", "/api/v1/programs"): Case(),
    ("GET", "/api/v1/portfolio"): Case(query="?iterations=200"),
    ("POST", "/api/v1/programs"): Case(body=new_program_document,
                                       content_type="application/yaml"),
    ("GET", "/api/v1/programs/{id}"): Case(),
    ("PUT", "/api/v1/programs/{id}"): Case(prepare=replace_program,
                                           content_type="application/yaml"),
    ("PUT", "/api/v1/programs/{id}/roles/{name}"): Case(params={"name": USER_TARGET},
                                                        body={"role": "viewer"}),
    ("GET", "/api/v1/programs/{id}/schedule"): Case(),
    ("GET", "/api/v1/programs/{id}/forecast"): Case(query="?iterations=200"),
    ("GET", "/api/v1/programs/{id}/evm"): Case(),
    ("GET", "/api/v1/programs/{id}/review"): Case(),
    ("GET", "/api/v1/programs/{id}/status"): Case(query="?iterations=200"),
    ("POST", "/api/v1/programs/{id}/snapshots"): Case(query="?iterations=200"),
    ("GET", "/api/v1/programs/{id}/log"): Case(),
    ("GET", "/api/v1/programs/{id}/impact"): Case(),
    ("GET", "/api/v1/programs/{id}/scorecard"): Case(),
    ("POST", "/api/v1/programs/{id}/scorecard/assessments"): Case(
        body={"ratings": {"schedule": 3}, "notes": "role matrix"}),
    ("GET", "/api/v1/programs/{id}/risks"): Case(),
    ("POST", "/api/v1/programs/{id}/risks"): Case(
        body=lambda t, c, p: {"id": f"R-M{next(t.counter)}", "title": "Role matrix risk",
                              "probability": 0.2, "severity": 2}),
    ("PATCH", "/api/v1/programs/{id}/risks/{rid}"): Case(
        params={"rid": "R-01"}, body={"mitigation": "Checked by the role matrix"}),
    ("POST", "/api/v1/programs/{id}/risks/{rid}/escalation"): Case(
        params={"rid": "R-01"}, body={"to": "Dana Lee", "iterations": 200}),
    ("GET", "/api/v1/programs/{id}/stakeholders"): Case(),
    ("POST", "/api/v1/programs/{id}/stakeholders/{sid}/contacts"): Case(
        params={"sid": "sponsor"}, body={"note": "role matrix call"}),
    ("GET", "/api/v1/programs/{id}/decisions/{did}"): Case(params={"did": "D-01"},
                                                           query="?iterations=200"),
    ("POST", "/api/v1/programs/{id}/decisions/{did}/choice"): Case(
        params={"did": "D-01"}, body={"option": "cut-scope", "rationale": "role matrix"}),
    ("GET", "/api/v1/programs/{id}/changes"): Case(),
    ("GET", "/api/v1/programs/{id}/changes/{cid}/assessment"): Case(params={"cid": "CR-03"},
                                                                    query="?iterations=200"),
    ("POST", "/api/v1/programs/{id}/changes/{cid}/approval"): Case(params={"cid": "CR-03"},
                                                                   body={"note": "matrix"}),
    ("POST", "/api/v1/programs/{id}/changes/{cid}/rejection"): Case(params={"cid": "CR-03"},
                                                                    body={"note": "matrix"}),
    ("POST", "/api/v1/programs/{id}/changes/{cid}/implementation"): Case(
        params={"cid": "CR-02"}, body={}),
    ("GET", "/api/v1/programs/{id}/audit"): Case(),
    ("POST", "/api/v1/programs/{id}/audit/{item}/evidence"): Case(
        params={"item": "training"}, query="?name=matrix-roster.txt", body=b"roster\n",
        content_type="text/plain"),
    ("POST", "/api/v1/programs/{id}/audit/{item}/signoff"): Case(params={"item": "approvals"},
                                                                 body={}),
    ("GET", "/api/v1/programs/{id}/audit/pack"): Case(),
}

ROUTES, HANDLER_COUNT = parse_routes()


def leaks(text):
    found = [w for w in LEAKS if w in text]
    found += [w for w in LEAKS_ANY_CASE if w in text.lower()]
    return found


class RoleMatrixTest(unittest.TestCase):
    s = None
    cells = 0

    @classmethod
    def setUpClass(cls):
        cls.counter = itertools.count(1)
        cls.s = harness.ServerFixture(BINARY)
        try:
            cls.s.setup_workspace()
            for name in (DISABLE_TARGET, USER_TARGET):
                cls.s.cli("user", "add", name, "--password-stdin", input=harness.PASSWORD + "\n")
            cls.s.start()
            for c in CALLERS:
                if c.kind == "session":
                    c.session = cls.s.login(c.user)
                elif c.kind == "token":
                    c.secret = cls.s.token(c.user, c.token_program, c.token_role)
            cls.admin = next(c for c in CALLERS if c.admin_session)
        except BaseException:
            cls.tearDownClass()
            raise

    @classmethod
    def tearDownClass(cls):
        print(f"\nrole matrix: {cls.cells} cells checked", file=sys.stderr)
        if cls.s:
            s, cls.s = cls.s, None
            s.__exit__(None, None, None)

    # -- requests -------------------------------------------------------------------
    def send(self, caller, method, path, body, content_type, headers, fresh_session=False):
        if caller.kind == "token":
            return self.s.call(method, path, body, headers=headers, token=caller.secret,
                               content_type=content_type)
        session = None
        if caller.kind == "session":
            session = self.s.login(caller.user) if fresh_session else caller.session
        return self.s.call(method, path, body, headers=headers, session=session,
                           content_type=content_type)

    def request(self, route, case, caller, program):
        method, pattern, _ = route
        params = dict(case.params)
        body = case.body(self, caller, program) if callable(case.body) else case.body
        headers = {}
        if case.prepare:
            extra = case.prepare(self, caller, program)
            params.update(extra.get("params", {}))
            body = extra.get("body", body)
            headers.update(extra.get("headers", {}))
        if program is not None:
            params["id"] = program
        path = re.sub(r"\{(\w+)\}", lambda m: params[m.group(1)], pattern) + case.query
        return self.send(caller, method, path, body, case.content_type, headers,
                         case.fresh_session), path

    # -- the rules ------------------------------------------------------------------
    def expected(self, route, case, caller, program):
        """'allowed', 401, 403 or 'hidden' (the 404 of a program that does not exist)."""
        access = route[2]
        if access == "kPublic":
            return "allowed"
        if caller.kind == "anonymous":
            return 401
        if access == "kUser":
            return 403 if case.session_only and caller.kind == "token" else "allowed"
        if access == "kAdmin":
            return "allowed" if caller.admin_session else 403
        role = caller.role_on(program)
        if role == NONE:
            return "hidden"
        return "allowed" if role >= NEEDED[access] else 403

    def check_cell(self, route, case, caller, program):
        want = self.expected(route, case, caller, program)
        r, path = self.request(route, case, caller, program)
        type(self).cells += 1
        where = f"{route[0]} {path} as {caller.name}: {r!r}"
        body = r.body.decode("utf-8", "replace")
        if r.status >= 400:
            self.assertEqual(leaks(body), [], where)
        if want == 401:
            self.assertEqual(r.status, 401, where)
            self.assertIn("www-authenticate", r.headers, where)
        elif want == 403:
            self.assertEqual(r.status, 403, where)
            self.assertEqual(r.headers.get("content-type"), "application/problem+json", where)
        elif want == "hidden":
            self.assertEqual(r.status, 404, where)
            missing, _ = self.request(route, case, caller, MISSING_PROGRAM)
            self.assertEqual(missing.status, 404, f"{where}; for '{MISSING_PROGRAM}': {missing!r}")
            self.assertEqual(
                r.body, missing.body.replace(MISSING_PROGRAM.encode(), program.encode()),
                f"{where}: not the answer for a program that does not exist: {missing!r}")
            strip = lambda h: {k: v for k, v in h.items() if k != "content-length"}
            self.assertEqual(strip(r.headers), strip(missing.headers), where)
        else:
            self.assertNotIn(r.status, (401, 403), where)
            if r.status >= 500:
                self.assertIn(r.status, case.allowed_5xx, where)
            if r.status == 404 and program is not None:
                detail = r.json().get("detail", "")
                self.assertNotEqual(detail, f"no program '{program}' in the workspace", where)
            return 200 <= r.status < 300
        return False

    def check_route(self, route):
        case = CASES.get(route[:2])
        if case is None:
            self.fail(f"no role-matrix entry for {route[0]} {route[1]}: add one to CASES")
        programs = PROGRAMS if route[2] in PROGRAM_ACCESS else (None,)
        successes = 0
        for program in programs:
            for caller in CALLERS:
                with self.subTest(caller=caller.name, program=program):
                    successes += bool(self.check_cell(route, case, caller, program))
        if not case.no_success:
            self.assertGreater(successes, 0,
                               f"no allowed caller of {route[0]} {route[1]} succeeded: fix CASES")

    # -- tests ----------------------------------------------------------------------
    def test_a_route_table_parsed_and_covered(self):
        self.assertGreater(len(ROUTES), 40)
        self.assertEqual(len(ROUTES), HANDLER_COUNT,
                         "a route of api_routes.cc did not parse: update parse_routes()")
        keys = [r[:2] for r in ROUTES]
        self.assertEqual(len(keys), len(set(keys)), "a route appears twice")
        self.assertEqual(sorted(set(keys) - set(CASES)), [], "routes without a matrix entry")
        self.assertEqual(sorted(set(CASES) - set(keys)), [], "matrix entries without a route")
        for method, pattern, access in ROUTES:
            on_program = pattern.startswith("/api/v1/programs/{id}")
            self.assertEqual(access in PROGRAM_ACCESS, on_program,
                             f"{method} {pattern}: {access} vs its path")
            self.assertIn(access, PROGRAM_ACCESS | {"kPublic", "kUser", "kAdmin"})

    def test_b_programs_listed_by_role(self):
        for caller in CALLERS[1:]:
            with self.subTest(caller=caller.name):
                r = self.send(caller, "GET", "/api/v1/programs", None, None, {})
                type(self).cells += 1
                self.assertEqual(r.status, 200, r)
                listed = {p["id"]: p["role"] for p in r.json()["programs"]}
                want = {p: ROLE_NAME[caller.role_on(p)] for p in PROGRAMS if caller.role_on(p)}
                self.assertEqual({p: listed[p] for p in listed if p in PROGRAMS}, want)


def add_route_tests():
    for i, route in enumerate(ROUTES):
        name = re.sub(r"\W+", "_", f"{route[0]}_{route[1]}").strip("_").lower()

        def test(self, route=route):
            self.check_route(route)

        test.__doc__ = f"{route[0]} {route[1]} ({route[2]})"
        setattr(RoleMatrixTest, f"test_c{i:02d}_{name}", test)


add_route_tests()

if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
