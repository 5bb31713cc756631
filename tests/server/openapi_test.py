"""The OpenAPI document (schema/openapi.json) against the real server.

1. The document is well formed: component schemas are valid JSON Schema 2020-12, every
   $ref resolves, operation ids are unique, path parameters are declared.
2. The server serves exactly the repository's document at /api/v1/openapi.json.
3. Its operations are the routes of src/tpmkit/server/api_routes.cc, with the same access.
4. Every route is walked with a request that succeeds and with one that fails; each answer's
   status must be documented for the operation and its body must match the documented
   schema (problem details for the failures).

Usage: openapi_test.py [path/to/tpmkit] [unittest options]
"""
import http.client
import json
import pathlib
import re
import shutil
import sys
import unittest

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import harness  # noqa: E402

import jsonschema  # noqa: E402  Debian's python3-jsonschema (4.10 and later)

BINARY = harness.binary_from_argv(sys.argv)
DOC_PATH = harness.SOURCE / "schema" / "openapi.json"
ROUTES_CC = harness.SOURCE / "src" / "tpmkit" / "server" / "api_routes.cc"
P = "/api/v1/programs"

# Routes that do not do their job yet: the answer to the request that should succeed.
NOT_IMPLEMENTED = {}


def table_routes():
    """(method, path) -> access, from the route table (lines like {"GET", "/x", kViewer, ...})."""
    text = ROUTES_CC.read_text(encoding="utf-8")
    routes = {}
    for m in re.finditer(r'\{\s*"([A-Z]+)",\s*"([^"]+)",\s*k([A-Za-z]+)\s*,', text):
        key = (m.group(1), m.group(2))
        if key in routes:
            raise AssertionError(f"route {key} is twice in {ROUTES_CC}")
        routes[key] = m.group(3).lower()
    return routes


def pointer(doc, ref):
    """The value a local "$ref" ("#/a/b") points at in `doc`."""
    if not ref.startswith("#/"):
        raise KeyError(f"not a local reference: {ref}")
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        node = node[part]
    return node


def all_refs(node, found=None):
    found = [] if found is None else found
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                found.append(v)
            else:
                all_refs(v, found)
    elif isinstance(node, list):
        for v in node:
            all_refs(v, found)
    return found


class OpenApiTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.doc_bytes = DOC_PATH.read_bytes()
        cls.doc = json.loads(cls.doc_bytes)
        cls.server = harness.ServerFixture(BINARY)
        try:
            cls.server.__enter__()
        except BaseException:
            cls.server.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        s = cls.server
        try:
            # Keep one idle keep-alive connection open while the server stops: closing it
            # ends the shutdown grace period at once. Without any connection the server
            # waits the whole grace period (30 s) before it exits (see the report).
            conn = http.client.HTTPConnection(s.host, s.port, timeout=30)
            conn.request("GET", "/healthz")
            conn.getresponse().read()
            try:
                s.stop()
            finally:
                conn.close()
            errors = getattr(s, "errors", "")
            if "internal error" in errors:
                raise AssertionError(f"the server logged internal errors:\n{errors}")
        finally:
            s.__exit__(None, None, None)

    # -- helpers ------------------------------------------------------------------------
    def resolve(self, node):
        while isinstance(node, dict) and "$ref" in node:
            node = pointer(self.doc, node["$ref"])
        return node

    def schema_errors(self, schema, instance):
        """The messages of `instance` against `schema` (refs into the whole document)."""
        root = dict(schema)
        root["components"] = self.doc["components"]
        validator = jsonschema.Draft202012Validator(root)
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path))
        return [f"at /{'/'.join(str(p) for p in e.absolute_path)}: {e.message[:300]}"
                for e in errors[:10]]

    def operation(self, method, template):
        paths = self.doc["paths"]
        self.assertIn(template, paths, f"{template} is not in the document")
        self.assertIn(method.lower(), paths[template],
                      f"{method} {template} is not in the document")
        return paths[template][method.lower()]

    def request_schema(self, op, media="application/json"):
        body = op.get("requestBody")
        if not body:
            return None
        content = self.resolve(body).get("content", {})
        return content.get(media, {}).get("schema")

    def check(self, method, template, response, expect):
        """`response` has status `expect`, documented for the operation, and a body that
        matches the documented schema. Returns the JSON body, if any."""
        what = f"{method} {template}"
        op = self.operation(method, template)
        self.assertEqual(response.status, expect, f"{what}: {response!r}")
        code = str(response.status)
        self.assertTrue(code in op["responses"],
                        f"{what} answered {code}, which the document does not list: "
                        f"{response!r}")
        documented = self.resolve(op["responses"][code])
        content = documented.get("content")
        if not content:
            self.assertEqual(response.body, b"", f"{what} {code}: a body where none is documented")
            return None
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        self.assertTrue(media in content,
                        f"{what} {code}: Content-Type {media!r}, documented: {sorted(content)}")
        if 200 <= response.status < 300:
            for name, header in documented.get("headers", {}).items():
                header = self.resolve(header)
                value = response.headers.get(name.lower())
                if header.get("required"):
                    self.assertIsNotNone(value, f"{what} {code}: no {name} header")
                if value is not None and header.get("schema", {}).get("type") == "string":
                    problems = self.schema_errors(header["schema"], value)
                    self.assertEqual(problems, [], f"{what} {code}: header {name}={value!r}")
        body = None
        if media.endswith("json"):
            try:
                body = response.json()
            except ValueError:
                self.fail(f"{what} {code}: the body is not JSON: {response.body[:200]!r}")
            schema = content[media].get("schema", {})
            problems = self.schema_errors(schema, body)
            self.assertEqual(problems, [], f"{what} {code}: the body does not match "
                                           f"{json.dumps(schema)}:\n" + "\n".join(problems))
        return body

    # -- 1. the document itself ---------------------------------------------------------
    def test_document_is_well_formed(self):
        doc = self.doc
        self.assertEqual(doc["openapi"], "3.1.0")
        for name, schema in doc["components"]["schemas"].items():
            with self.subTest(schema=name):
                jsonschema.Draft202012Validator.check_schema(schema)
        for ref in all_refs(doc):
            with self.subTest(ref=ref):
                pointer(doc, ref)
        schemes = doc["components"]["securitySchemes"]
        self.assertEqual(schemes["bearer"], dict(schemes["bearer"], type="http", scheme="bearer"))
        self.assertEqual(schemes["cookie"],
                         dict(schemes["cookie"], type="apiKey", name="__Host-tpmkit"))
        self.assertEqual(schemes["cookie"]["in"], "cookie")
        ids = []
        for path, methods in doc["paths"].items():
            for method, op in methods.items():
                with self.subTest(operation=f"{method.upper()} {path}"):
                    ids.append(op["operationId"])
                    self.assertTrue(op.get("summary"))
                    declared = {p["name"] for p in map(self.resolve, op.get("parameters", []))
                                if p["in"] == "path"}
                    self.assertEqual(declared, set(re.findall(r"\{(\w+)\}", path)))
                    codes = [c for c in op["responses"] if c != "default"]
                    self.assertTrue(any(c.startswith("2") for c in codes), codes)
                    for code in codes:
                        if not code.startswith("2"):
                            content = self.resolve(op["responses"][code])["content"]
                            self.assertEqual(
                                content["application/problem+json"]["schema"],
                                {"$ref": "#/components/schemas/Problem"}, code)
                    if op["x-access"] == "public":
                        self.assertEqual(op.get("security"), [])
                    else:
                        self.assertNotEqual(op.get("security", doc["security"]), [])
        self.assertEqual(len(ids), len(set(ids)), "operationIds are not unique")

    # -- 2. the document served ---------------------------------------------------------
    def test_served_document_is_the_repository_one(self):
        r = self.server.call("GET", "/api/v1/openapi.json")
        self.check("GET", "/api/v1/openapi.json", r, 200)
        self.assertTrue(r.body == self.doc_bytes,
                        "the served document differs from schema/openapi.json: rebuild tpmkit")

    # -- 3. the routes ------------------------------------------------------------------
    def test_operations_are_the_route_table(self):
        routes = table_routes()
        self.assertGreater(len(routes), 40, "the route table did not parse")
        documented = {(m.upper(), p): op.get("x-access")
                      for p, methods in self.doc["paths"].items() for m, op in methods.items()}
        self.assertEqual(sorted(set(routes) - set(documented)), [], "routes not documented")
        self.assertEqual(sorted(set(documented) - set(routes)), [], "documented, no such route")
        for key, access in routes.items():
            self.assertEqual(documented[key], access, f"x-access of {key}")

    # -- 4. every route, once right and once wrong --------------------------------------
    def test_every_route_succeeds_and_fails_as_documented(self):
        s = self.server
        walked = {"ok": set(), "fail": set()}

        def call(kind, method, template, params=None, query="", expect=None, body=None,
                 **kw):
            path = template
            for k, v in (params or {}).items():
                path = path.replace("{" + k + "}", v)
            r = s.call(method, path + query, body, **kw)
            with self.subTest(kind=kind, route=f"{method} {template}", path=path + query):
                walked[kind].add((method, template))
                if kind == "ok" and isinstance(body, dict):
                    schema = self.request_schema(self.operation(method, template))
                    self.assertIsNotNone(schema, f"{method} {template}: no JSON request body")
                    self.assertEqual(self.schema_errors(schema, body), [],
                                     f"the request body does not match the document: {body}")
                if expect is None:
                    expect = NOT_IMPLEMENTED.get((method, template), 200)
                self.check(method, template, r, expect)
            return r

        def ok(*args, **kw):
            return call("ok", *args, **kw)

        def fail(*args, **kw):
            return call("fail", *args, **kw)

        def schema_rejects(method, template, body):
            schema = self.request_schema(self.operation(method, template))
            with self.subTest(rejects=f"{method} {template}", body=body):
                self.assertNotEqual(self.schema_errors(schema, body), [],
                                    "the documented request schema accepts a body the server "
                                    "rejects")

        password = harness.PASSWORD
        phoenix = {"id": "phoenix"}

        # -- service -----------------------------------------------------------------
        for template in ("/healthz", "/readyz", "/api/v1/openapi.json"):
            ok("GET", template)
            # No request to these can fail but with a method they do not answer (global).
            r = s.call("POST", template, {})
            with self.subTest(kind="fail", route=f"GET {template}"):
                walked["fail"].add(("GET", template))
                self.assertEqual(r.status, 405, repr(r))
                self.assertEqual(r.headers.get("allow"), "GET")
                problem = self.doc["components"]["responses"]["MethodNotAllowed"]
                schema = problem["content"]["application/problem+json"]["schema"]
                self.assertEqual(self.schema_errors(schema, r.json()), [])

        # -- the session ---------------------------------------------------------------
        r = ok("POST", "/api/v1/session", body={"user": "ana", "password": password})
        ana = harness.Session(
            re.match(r"__Host-tpmkit=([^;]*)", r.headers["set-cookie"]).group(1),
            r.json()["csrf_token"])
        fail("POST", "/api/v1/session", body={"user": "nora", "password": "not-her-password"},
             expect=401)
        ana_token = s.token("ana", None, "editor")
        ed_token = s.token("ed", "phoenix", "editor")

        me = ok("GET", "/api/v1/me", session=ana).json()
        self.assertEqual((me["user"], me["admin"]), ("ana", True))
        ok("GET", "/api/v1/me", token=ed_token)
        fail("GET", "/api/v1/me", expect=401)
        ok("GET", "/api/v1/me/sessions", session=ana)
        fail("GET", "/api/v1/me/sessions", token="tpm_not-a-token", expect=401)

        created = ok("POST", "/api/v1/me/tokens", body={"program": "phoenix", "role": "viewer",
                                                        "expires_days": 7},
                     session=ana, expect=201).json()
        fail("POST", "/api/v1/me/tokens", body={"role": "owner"}, session=ana, expect=400)
        schema_rejects("POST", "/api/v1/me/tokens", {"role": "owner"})
        ok("GET", "/api/v1/me/tokens", session=ana)
        fail("GET", "/api/v1/me/tokens", token="tpm_not-a-token", expect=401)
        ok("DELETE", "/api/v1/me/tokens/{tid}", {"tid": created["token"]["id"]}, session=ana,
           expect=204)
        fail("DELETE", "/api/v1/me/tokens/{tid}", {"tid": "tok_000000000000"}, session=ana,
             expect=404)

        # -- users (admin) -------------------------------------------------------------
        ok("GET", "/api/v1/users", session=ana)
        fail("GET", "/api/v1/users", session=s.login("ed"), expect=403)
        ok("POST", "/api/v1/users", body={"name": "zed", "password": "zebra-crossing-1977"},
           session=ana, expect=201)
        added = ok("POST", "/api/v1/users", body={"name": "yan", "admin": False}, session=ana,
                   expect=201).json()
        self.assertIn("password", added)
        fail("POST", "/api/v1/users", body={"name": "ed"}, session=ana, expect=409)
        ok("POST", "/api/v1/users/{name}/tokens", {"name": "yan"},
           body={"program": "phoenix", "role": "editor"}, session=ana, expect=201)
        fail("POST", "/api/v1/users/{name}/tokens", {"name": "nobody"}, body={}, session=ana,
             expect=404)
        s.login("olga")
        sessions = ok("GET", "/api/v1/users/{name}/sessions", {"name": "olga"}, session=ana)
        self.assertEqual(len(sessions.json()["sessions"]), 1)
        fail("GET", "/api/v1/users/{name}/sessions", {"name": "nobody"}, session=ana,
             expect=404)
        revoked = ok("DELETE", "/api/v1/users/{name}/sessions", {"name": "olga"}, session=ana)
        self.assertEqual(revoked.json()["revoked"], 1)
        fail("DELETE", "/api/v1/users/{name}/sessions", {"name": "nobody"}, session=ana,
             expect=404)
        ok("POST", "/api/v1/users/{name}/disable", {"name": "yan"}, session=ana)
        fail("POST", "/api/v1/users/{name}/disable", {"name": "nobody"}, session=ana,
             expect=404)
        ok("GET", "/api/v1/audit/verify", session=ana)
        fail("GET", "/api/v1/audit/verify", token=ana_token, expect=403)

        # -- programs ------------------------------------------------------------------
        listed = ok("GET", P, session=ana).json()
        self.assertEqual(sorted(p["id"] for p in listed["programs"]), ["atlas", "phoenix"])
        fail("GET", P, expect=401)
        text = harness.PHOENIX.read_text(encoding="utf-8")
        gamma = re.sub(r"(?m)^(\s*)id: phoenix$", r"\1id: gamma", text, count=1)
        ok("POST", P, body=gamma, content_type="application/yaml", session=ana, expect=201)
        bad = fail("POST", P, body="tpmkit: 1\nprogram: {id: broken}\n",
                   content_type="application/yaml", session=ana, expect=422).json()
        self.assertTrue(bad.get("errors"), "a file with errors lists them")

        show = ok("GET", P + "/{id}", phoenix, session=ana)
        self.assertEqual(show.json()["program"]["id"], "phoenix")
        ok("GET", P + "/{id}", phoenix, query="?format=yaml", session=ana)
        ok("GET", P + "/{id}", phoenix, query="?format=mspdi&as_of=2026-06-15", session=ana)
        ok("GET", P + "/{id}", phoenix, query="?format=xlsx", session=ana)
        ok("GET", P + "/{id}", phoenix, query="?format=ics&as_of=2026-06-15", session=ana)
        ok("GET", P + "/{id}", phoenix, query="?format=csv&register=risks", session=ana)
        fail("GET", P + "/{id}", phoenix, query="?format=csv", session=ana, expect=400)
        fail("GET", P + "/{id}", {"id": "nope"}, session=ana, expect=404)

        etag = s.call("GET", P + "/gamma", session=ana).headers["etag"]
        renamed = gamma.replace("name: Project Phoenix", "name: Project Gamma", 1)
        ok("PUT", P + "/{id}", {"id": "gamma"}, body=renamed, content_type="application/yaml",
           headers={"If-Match": etag}, session=ana)
        fail("PUT", P + "/{id}", {"id": "gamma"}, body=renamed, content_type="application/yaml",
             headers={"If-Match": etag}, session=ana, expect=412)
        fail("PUT", P + "/{id}", {"id": "gamma"}, body=renamed, content_type="application/yaml",
             session=ana, expect=428)
        delta = re.sub(r"(?m)^(\s*)id: phoenix$", r"\1id: delta", text, count=1)
        ok("PUT", P + "/{id}", {"id": "delta"}, body=delta, content_type="application/yaml",
           headers={"If-Match": '"none"'}, session=ana, expect=201)
        jira = (harness.SOURCE / "tests/data/jira/phoenix_en.csv").read_text(encoding="utf-8")
        ok("PUT", P + "/{id}", {"id": "jira"}, body=jira, content_type="text/csv",
           headers={"If-Match": '"none"'}, session=ana, expect=201)
        fail("PUT", P + "/{id}", {"id": "jira"}, body="Name,Owner\nx,y\n",
             content_type="text/csv", headers={"If-Match": '"none"'}, session=ana, expect=422)

        ok("PUT", P + "/{id}/roles/{name}", {"id": "gamma", "name": "nora"},
           body={"role": "viewer"}, session=ana)
        fail("PUT", P + "/{id}/roles/{name}", {"id": "phoenix", "name": "vi"},
             body={"role": "editor"}, session=s.login("ed"), expect=403)

        # -- plan ----------------------------------------------------------------------
        ok("GET", P + "/{id}/schedule", phoenix, session=ana)
        fail("GET", P + "/{id}/schedule", phoenix, session=s.login("nora"), expect=404)
        forecast = ok("GET", P + "/{id}/forecast", phoenix, query="?iterations=500&seed=7",
                      session=ana).json()
        self.assertEqual((forecast["iterations"], forecast["seed"]), (500, 7))
        fail("GET", P + "/{id}/forecast", phoenix, query="?iterations=0", session=ana,
             expect=400)
        ok("GET", P + "/{id}/evm", phoenix, query="?as_of=2026-06-15", session=ana)
        fail("GET", P + "/{id}/evm", phoenix, query="?as_of=June", session=ana, expect=400)
        ok("GET", P + "/{id}/review", phoenix, session=ana)
        fail("GET", P + "/{id}/review", {"id": "nope"}, session=ana, expect=404)
        ok("GET", P + "/{id}/status", phoenix, query="?format=md&iterations=300", session=ana)
        status = ok("GET", P + "/{id}/status", phoenix, query="?iterations=300",
                    session=ana).json()
        self.assertIn(status["health"], ("green", "amber", "red"))
        page = ok("GET", P + "/{id}/status", phoenix, query="?format=html&iterations=300",
                  session=ana)
        self.assertIn(b"<svg", page.body)
        self.assertIn("style-src 'sha256-", page.headers["content-security-policy"])
        fail("GET", P + "/{id}/status", phoenix, query="?format=xml", session=ana, expect=400)
        pdf = s.call("GET", P + "/phoenix/status?format=pdf&iterations=300", session=ana)
        self.check("GET", P + "/{id}/status", pdf, 200 if shutil.which("chromium") else 501)
        if pdf.status == 200:
            self.assertTrue(pdf.body.startswith(b"%PDF-"))
        taken = ok("POST", P + "/{id}/snapshots", phoenix, query="?iterations=300",
                   session=ana, expect=201).json()
        self.assertTrue(taken["snapshot_taken"])
        fail("POST", P + "/{id}/snapshots", phoenix, token=s.token("vi", "phoenix", "viewer"),
             expect=403)
        folio = ok("GET", "/api/v1/portfolio", query="?iterations=300", session=ana).json()
        self.assertIn("phoenix", [p["id"] for p in folio["programs"]])
        ok("GET", "/api/v1/portfolio", query="?format=html&iterations=300", session=ana)
        fail("GET", "/api/v1/portfolio", query="?format=xml", session=ana, expect=400)
        fail("GET", "/api/v1/portfolio", expect=401)
        fail("GET", P + "/{id}/status", phoenix, token=s.token("vi", "atlas", "viewer"),
             expect=404)
        ok("GET", P + "/{id}/log", phoenix, query="?since=2026-01-01&entity=risk&limit=3",
           session=ana)
        fail("GET", P + "/{id}/log", phoenix, query="?since=yesterday", session=ana,
             expect=400)
        ok("GET", P + "/{id}/impact", phoenix, query="?as_of=2026-06-15", session=ana)
        fail("GET", P + "/{id}/impact", phoenix, query="?as_of=June", session=ana, expect=400)

        # -- scorecard, risks, stakeholders --------------------------------------------
        card = ok("GET", P + "/{id}/scorecard", phoenix, query="?suggest=true",
                  session=ana).json()
        self.assertIsNotNone(card["suggested"])
        fail("GET", P + "/{id}/scorecard", {"id": "nope"}, session=ana, expect=404)
        ok("POST", P + "/{id}/scorecard/assessments", phoenix,
           body={"ratings": {"schedule": 4, "vendor": 3}, "notes": "walked by the API test"},
           session=ana, expect=201)
        errors = fail("POST", P + "/{id}/scorecard/assessments", phoenix,
                      body={"ratings": {"schedule": 9}}, session=ana, expect=422).json()
        self.assertTrue(errors.get("errors"))
        schema_rejects("POST", P + "/{id}/scorecard/assessments", {"ratings": {"schedule": 9}})

        ok("GET", P + "/{id}/risks", phoenix, session=ana)
        fail("GET", P + "/{id}/risks", {"id": "nope"}, session=ana, expect=404)
        new_risk = {"id": "R-90", "title": "The API test finds a gap", "category": "vendor",
                    "owner": "Ana Ruiz", "status": "open", "raised": "2026-06-01",
                    "probability": 0.3, "severity": 3,
                    "impact": {"schedule": "4d", "cost": 10000, "tasks": ["sit"]},
                    "mitigation": "Read the document", "trigger": "A test fails",
                    "response_due": "2026-07-01",
                    "residual": {"probability": 0.1, "severity": 2}}
        ok("POST", P + "/{id}/risks", phoenix, body=new_risk, session=ana, expect=201)
        fail("POST", P + "/{id}/risks", phoenix, body={"id": "R-01", "title": "again"},
             session=ana, expect=409)
        ok("PATCH", P + "/{id}/risks/{rid}", {"id": "phoenix", "rid": "R-90"},
           body={"probability": 0.2, "impact": {"schedule": 2}}, session=ana)
        ok("PATCH", P + "/{id}/risks/{rid}", {"id": "phoenix", "rid": "R-90"},
           body={"status": "closed"}, session=ana)
        fail("PATCH", P + "/{id}/risks/{rid}", {"id": "phoenix", "rid": "R-01"},
             body={"colour": "red"}, session=ana, expect=400)
        schema_rejects("PATCH", P + "/{id}/risks/{rid}", {"colour": "red"})
        draft = ok("POST", P + "/{id}/risks/{rid}/escalation", {"id": "phoenix", "rid": "R-01"},
                   body={"to": "Dana Lee", "iterations": 500, "seed": 3}, session=ana).json()
        self.assertEqual(draft["to"], "Dana Lee")
        eml = ok("POST", P + "/{id}/risks/{rid}/escalation", {"id": "phoenix", "rid": "R-01"},
                 body={"to": "Dana Lee <dana@example.com>", "from": "Ana <ana@example.com>",
                       "iterations": 500},
                 headers={"Accept": "message/rfc822"}, session=ana)
        self.assertIn(b"To: Dana Lee <dana@example.com>", eml.body)
        fail("POST", P + "/{id}/risks/{rid}/escalation", {"id": "phoenix", "rid": "R-01"},
             body={"iterations": 500}, session=ana, expect=400)
        schema_rejects("POST", P + "/{id}/risks/{rid}/escalation", {"iterations": 500})

        plan = ok("GET", P + "/{id}/stakeholders", phoenix, query="?plan=true", session=ana)
        self.assertIsNotNone(plan.json()["communication_plan"])
        ok("GET", P + "/{id}/stakeholders", phoenix, query="?overdue=true", session=ana)
        fail("GET", P + "/{id}/stakeholders", {"id": "nope"}, session=ana, expect=404)
        ok("POST", P + "/{id}/stakeholders/{sid}/contacts", {"id": "phoenix", "sid": "cfo"},
           body={"on": "2026-06-15", "note": "Budget review before the steering committee"},
           session=ana, expect=201)
        fail("POST", P + "/{id}/stakeholders/{sid}/contacts", {"id": "phoenix", "sid": "nobody"},
             body={"note": "Nobody answered"}, session=ana, expect=404)

        # -- decisions and changes -----------------------------------------------------
        decision = ok("GET", P + "/{id}/decisions/{did}", {"id": "phoenix", "did": "D-01"},
                      query="?iterations=500&memo=true", session=ana).json()
        self.assertIsNotNone(decision["memo"])
        fail("GET", P + "/{id}/decisions/{did}", {"id": "phoenix", "did": "D-404"},
             query="?iterations=500", session=ana, expect=404)
        ok("POST", P + "/{id}/decisions/{did}/choice", {"id": "phoenix", "did": "D-01"},
           body={"option": "cut-scope", "rationale": "Keeps the date", "on": "2026-06-15"},
           session=ana)
        fail("POST", P + "/{id}/decisions/{did}/choice", {"id": "phoenix", "did": "D-01"},
             body={"option": "cut-scope", "rationale": "Keeps the date"},
             session=s.login("ed"), expect=403)

        ok("GET", P + "/{id}/changes", phoenix, session=ana)
        fail("GET", P + "/{id}/changes", {"id": "nope"}, session=ana, expect=404)
        ok("GET", P + "/{id}/changes/{cid}/assessment", {"id": "phoenix", "cid": "CR-03"},
           query="?iterations=500", session=ana)
        fail("GET", P + "/{id}/changes/{cid}/assessment", {"id": "phoenix", "cid": "CR-404"},
             query="?iterations=500", session=ana, expect=404)
        ok("POST", P + "/{id}/changes/{cid}/approval", {"id": "phoenix", "cid": "CR-03"},
           body={"note": "Funded from contingency"}, session=ana)
        fail("POST", P + "/{id}/changes/{cid}/approval", {"id": "phoenix", "cid": "CR-01"},
             body={}, session=ana, expect=409)
        ok("POST", P + "/{id}/changes/{cid}/implementation", {"id": "phoenix", "cid": "CR-03"},
           token=ed_token)
        fail("POST", P + "/{id}/changes/{cid}/implementation", {"id": "phoenix", "cid": "CR-404"},
             token=ed_token, expect=404)
        ok("POST", P + "/{id}/changes/{cid}/rejection", {"id": "gamma", "cid": "CR-03"},
           body={"by": "Dana Lee", "note": "Not this year"}, session=ana)
        fail("POST", P + "/{id}/changes/{cid}/rejection", {"id": "phoenix", "cid": "CR-01"},
             body={"note": "Too late"}, session=ana, expect=409)

        # -- audit ---------------------------------------------------------------------
        ok("GET", P + "/{id}/audit", phoenix, session=ana)
        fail("GET", P + "/{id}/audit", {"id": "nope"}, session=ana, expect=404)
        evidence = ok("POST", P + "/{id}/audit/{item}/evidence",
                      {"id": "phoenix", "item": "security_controls"},
                      query="?name=controls-matrix.md", body=b"# Controls\n", session=ana,
                      expect=201).json()
        self.assertEqual(evidence["path"], "phoenix/security_controls/controls-matrix.md")
        fail("POST", P + "/{id}/audit/{item}/evidence", {"id": "phoenix", "item": "privacy"},
             query="?name=.hidden", body=b"x", session=ana, expect=400)
        ok("POST", P + "/{id}/audit/{item}/signoff", {"id": "phoenix", "item": "risk_assessments"},
           body={}, session=ana)
        fail("POST", P + "/{id}/audit/{item}/signoff", {"id": "phoenix", "item": "nope"},
             body={}, session=ana, expect=404)
        pack = ok("GET", P + "/{id}/audit/pack", phoenix, session=ana)
        self.assertTrue(pack.body.startswith(b"PK"), "a zip file")
        fail("GET", P + "/{id}/audit/pack", {"id": "nope"}, session=ana, expect=404)

        # -- the session, last: a user of its own, so the others keep theirs -------------
        zed = s.login("zed", "zebra-crossing-1977")
        s.login("zed", "zebra-crossing-1977")
        ended = ok("DELETE", "/api/v1/me/sessions", session=zed).json()
        self.assertEqual(ended["ended"], 1)
        fail("DELETE", "/api/v1/me/sessions", token=ed_token, expect=400)
        ok("PUT", "/api/v1/me/password",
           body={"current": "zebra-crossing-1977", "password": "zebra-crossing-2026"},
           session=zed, expect=204)
        fail("PUT", "/api/v1/me/password", body={"current": "zebra-crossing-2026", "new": "x"},
             session=zed, expect=400)
        schema_rejects("PUT", "/api/v1/me/password", {"current": "zebra-crossing-2026",
                                                      "new": "x"})
        ok("DELETE", "/api/v1/session", session=zed)
        fail("DELETE", "/api/v1/session", token=ed_token, expect=400)

        routes = set(table_routes())
        self.assertEqual(sorted(routes - walked["ok"]), [], "routes not walked successfully")
        self.assertEqual(sorted(routes - walked["fail"]), [], "routes not walked failing")


if __name__ == "__main__":
    unittest.main(argv=sys.argv)
