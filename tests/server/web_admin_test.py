"""The web app's risk, audit, access and import pages (docs/web.md) against a real server:
admin-only pages refused to an editor (403) and program pages to a user without a role
(404); CSRF required on every form, file forms included; forged role escalations refused;
upload limits; uploaded evidence hashed (SHA-256), kept under --evidence-root and recorded
in the program and the trail; a stale edit answered 412; risk edits and closes found with
`tpmkit risks` and `tpmkit log` under the user; the escalation preview and .eml; users,
roles, sessions and tokens; imports with errors at their line and column.

Run: python3 tests/server/web_admin_test.py build/tpmkit
"""
import hashlib
import html
import json
import re
import socket
import sys
import unittest
import urllib.parse

import harness
from harness import Browser, text

BINARY = harness.binary_from_argv(sys.argv)
FORM = harness.FORM


def hidden(page, name, nth=0):
    found = re.findall(r'<input type="hidden" name="%s" value="([^"]*)"' % re.escape(name), page)
    return html.unescape(found[nth]) if len(found) > nth else None


class WebAdminTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixture = harness.ServerFixture(BINARY)
        cls.s = cls.fixture.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.fixture.__exit__(None, None, None)

    def browser(self, user):
        b = Browser(self.s)
        self.assertEqual(b.login(user).status, 303)
        return b

    def risks(self):
        out = self.s.cli("--json", "risks", "-p", "phoenix").stdout
        return {r["id"]: r for r in json.loads(out)["risks"]}

    def log(self):
        return json.loads(self.s.cli("--json", "log", "-p", "phoenix").stdout)["entries"]

    def form_of(self, b, path):
        r = b.get(path)
        self.assertEqual(r.status, 200, r)
        page = text(r)
        return hidden(page, "csrf_token"), hidden(page, "version"), page

    # -- who may see and do what ------------------------------------------------------
    def test_admin_pages_are_refused_to_others_and_programs_hidden_without_a_role(self):
        ed = self.browser("ed")
        token, _, _ = self.form_of(ed, "/me/sessions")
        for path in ("/users", "/import"):
            r = ed.get(path)
            self.assertEqual(r.status, 403, (path, r))
            self.assertIn("Only an administrator", text(r))
        for path, fields in (("/users", {"name": "mallory"}),
                             ("/users/vi/disable", {}),
                             ("/users/roles", {"user": "ed", "program": "phoenix",
                                               "role": "owner"})):
            r = ed.post(path, {"csrf_token": token, **fields})
            self.assertEqual(r.status, 403, (path, r))
        # The editor's navigation has no Users link; the admin's has.
        self.assertNotIn('href="/users"', text(ed.get("/me/sessions")))
        self.assertIn('href="/users"', text(self.browser("ana").get("/users")))
        nora = self.browser("nora")
        for path in ("/programs/phoenix/risks/R-01", "/programs/phoenix/risks/R-01/escalate",
                     "/programs/phoenix/audit", "/programs/phoenix/audit/pack",
                     "/programs/phoenix/import"):
            r = nora.get(path)
            self.assertEqual(r.status, 404, (path, r))
            self.assertIn("no program &#39;phoenix&#39;", text(r).replace("&apos;", "&#39;"))

    def test_forms_need_the_csrf_token_file_forms_too(self):
        ed = self.browser("ed")
        token, version, _ = self.form_of(ed, "/programs/phoenix/risks/R-02")
        before = self.risks()["R-02"]["status"]
        self.assertNotEqual(before, "closed")
        r = ed.post("/programs/phoenix/risks/R-02/close", {"version": version})
        self.assertEqual(r.status, 403, r)
        r = ed.post("/programs/phoenix/risks/R-02/close", {"csrf_token": "forged",
                                                           "version": version})
        self.assertEqual(r.status, 403, r)
        r = ed.upload("/programs/phoenix/audit/evidence", {"item": "training"},
                      {"file": ("report.txt", b"no token")})
        self.assertEqual(r.status, 403, r)
        r = ed.upload("/programs/phoenix/audit/evidence",
                      {"csrf_token": "forged", "item": "training"},
                      {"file": ("report.txt", b"wrong token")})
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.risks()["R-02"]["status"], before)
        # A cross-site post is refused even with the token.
        r = self.s.call("POST", "/programs/phoenix/risks/R-02/close",
                        body=urllib.parse.urlencode({"csrf_token": token, "version": version}),
                        headers=ed.headers({"Origin": "https://evil.example",
                                            "Sec-Fetch-Site": "cross-site"}),
                        content_type=FORM)
        self.assertEqual(r.status, 403, r)
        self.assertEqual(self.risks()["R-02"]["status"], before)
        self.assertFalse((self.s.dir / "evidence" / "phoenix" / "training" / "report.txt").exists())

    def test_forged_role_escalations_are_refused(self):
        vi = self.browser("vi")
        token, version, page = self.form_of(vi, "/programs/phoenix/risks/R-03")
        self.assertNotIn('class="edit"', page)  # a viewer sees no form
        r = vi.post("/programs/phoenix/risks/R-03", {"csrf_token": token, "version": version,
                                                      "title": "forged", "status": "open",
                                                      "probability": "0.1", "severity": "1"})
        self.assertEqual(r.status, 403, r)
        r = vi.post("/programs/phoenix/risks/R-03/close", {"csrf_token": token})
        self.assertEqual(r.status, 403, r)
        ed = self.browser("ed")
        token, version, page = self.form_of(ed, "/programs/phoenix/audit")
        self.assertIn('action="/programs/phoenix/audit/evidence', page)
        self.assertNotIn('action="/programs/phoenix/audit/signoff', page)  # owners only
        r = ed.post("/programs/phoenix/audit/signoff", {"csrf_token": token,
                                                       "version": version,
                                                       "item": "training"})
        self.assertEqual(r.status, 403, r)
        # A token never does more than its user may: no owner tokens.
        token, _, _ = self.form_of(ed, "/me/sessions")
        r = ed.post("/me/tokens", {"csrf_token": token, "role": "owner"})
        self.assertEqual(r.status, 422, r)
        self.assertNotIn("tpm_", text(r))
        users = json.loads(self.s.cli("--json", "user", "list").stdout)["users"]
        ed_row = next(u for u in users if u["name"] == "ed")
        self.assertFalse(ed_row["admin"])
        self.assertEqual(ed_row["roles"], {"phoenix": "editor"})

    # -- risks ----------------------------------------------------------------------
    def test_edit_and_close_a_risk_recorded_under_the_user(self):
        ed = self.browser("ed")
        token, version, page = self.form_of(ed, "/programs/phoenix/risks/R-04")
        self.assertIn('name="title"', page)
        self.assertIn('name="status" type="text" value="', page)  # the stored values
        fields = {"csrf_token": token, "version": version, "title": "Edited from the web",
                  "status": "mitigating", "owner": "Ed Web", "probability": "0.35",
                  "severity": "4", "impact.cost": "", "impact.schedule": "",
                  "response_due": "", "category": "", "mitigation": "Weekly check-ins"}
        r = ed.post("/programs/phoenix/risks/R-04", fields)
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.headers["location"], "/programs/phoenix/risks/R-04?done=saved")
        risk = self.risks()["R-04"]
        self.assertEqual((risk["title"], risk["status"], risk["owner"], risk["probability"]),
                         ("Edited from the web", "mitigating", "Ed Web", 0.35))
        self.assertTrue(any(e["entity_id"] == "R-04" and e["actor"] == "ed"
                            and e["action"] == "update" for e in self.log()))
        # Errors come back beside their fields, with what was typed.
        token, version, _ = self.form_of(ed, "/programs/phoenix/risks/R-04")
        r = ed.post("/programs/phoenix/risks/R-04", {**fields, "csrf_token": token,
                                                      "version": version,
                                                      "status": "finished", "severity": "9"})
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-status-error"', page)
        self.assertIn('name="status" type="text" value="finished"', page)
        # Close it.
        token, version, page = self.form_of(ed, "/programs/phoenix/risks/R-04")
        self.assertIn('action="/programs/phoenix/risks/R-04/close"', page)
        r = ed.post("/programs/phoenix/risks/R-04/close", {"csrf_token": token,
                                                            "version": version})
        self.assertEqual(r.status, 303, r)
        self.assertEqual(self.risks()["R-04"]["status"], "closed")
        entries = [e for e in self.log() if e["entity_id"] == "R-04"]
        self.assertEqual(entries[0]["actor"], "ed")
        self.assertIn("closed", json.dumps(entries[0]))
        page = text(ed.get("/programs/phoenix/risks/R-04?done=closed"))
        self.assertIn("Closed.", page)
        self.assertNotIn("/close", page)  # a closed risk has no close form
        self.assertEqual(ed.get("/programs/phoenix/risks/R-404").status, 404)

    def test_a_stale_edit_gets_412_and_keeps_what_was_typed(self):
        ed = self.browser("ed")
        token, version, _ = self.form_of(ed, "/programs/phoenix/risks/R-05")
        olga = self.browser("olga")
        o_token, o_version, _ = self.form_of(olga, "/programs/phoenix/risks/R-06")
        r = olga.post("/programs/phoenix/risks/R-06", {
            "csrf_token": o_token, "version": o_version, "title": "Olga was first",
            "status": "open", "probability": "0.2", "severity": "2"})
        self.assertEqual(r.status, 303, r)
        typed = {"csrf_token": token, "version": version, "title": "Typed while stale",
                 "status": "open", "probability": "0.5", "severity": "3"}
        r = ed.post("/programs/phoenix/risks/R-05", typed)
        self.assertEqual(r.status, 412, r)
        page = text(r)
        self.assertIn("changed by olga", page)
        self.assertIn('value="Typed while stale"', page)
        self.assertNotEqual(self.risks()["R-05"]["title"], "Typed while stale")
        r = ed.post("/programs/phoenix/risks/R-05/close", {"csrf_token": token,
                                                            "version": version})
        self.assertEqual(r.status, 412, r)
        r = ed.post("/programs/phoenix/risks/R-05", {**typed, "version": hidden(page, "version")})
        self.assertEqual(r.status, 303, r)
        self.assertEqual(self.risks()["R-05"]["title"], "Typed while stale")

    def test_escalation_preview_and_eml(self):
        vi = self.browser("vi")  # reading: a viewer may draft it
        r = vi.get("/programs/phoenix/risks/R-01/escalate")
        self.assertEqual(r.status, 200, r)
        self.assertIn('name="to"', text(r))
        self.assertNotIn("Subject:", text(r))
        r = vi.get("/programs/phoenix/risks/R-01/escalate?to=Dana+Lee&from=&decision=")
        self.assertEqual(r.status, 200, r)
        page = text(r)
        cli = self.s.cli("escalate", "-p", "phoenix", "--risk", "R-01", "--to", "Dana Lee").stdout
        shown = re.search(r'<pre class="message">(.*?)</pre>', page, re.S).group(1)
        self.assertEqual(html.unescape(shown).strip(), cli.strip())  # the CLI's, word for word
        self.assertIn("Subject:", page)
        self.assertNotIn("escalate.eml", page)  # no addresses, no .eml
        q = urllib.parse.urlencode({"to": "Dana Lee <dana@example.com>",
                                    "from": "Ed <ed@example.com>"})
        page = text(vi.get("/programs/phoenix/risks/R-01/escalate?" + q))
        self.assertIn("escalate.eml?", page)
        r = vi.get("/programs/phoenix/risks/R-01/escalate.eml?" + q)
        self.assertEqual(r.status, 200, r)
        self.assertTrue(r.headers["content-type"].startswith("message/rfc822"))
        self.assertEqual(r.headers["content-disposition"],
                         'attachment; filename="escalation-R-01.eml"')
        self.assertIn(b"To: Dana Lee <dana@example.com>", r.body)
        r = vi.get("/programs/phoenix/risks/R-01/escalate?to=Nobody+Known")
        self.assertEqual(r.status, 422, r)
        self.assertIn('class="problem"', text(r))
        r = vi.get("/programs/phoenix/risks/R-01/escalate.eml?to=Dana+Lee")
        self.assertEqual(r.status, 422, r)
        r = vi.get("/programs/phoenix/risks/R-01/escalate?to=" + urllib.parse.quote("a\r\nBcc: x"))
        self.assertEqual(r.status, 422, r)

    # -- audit ----------------------------------------------------------------------
    def test_evidence_upload_is_hashed_kept_and_recorded(self):
        ed = self.browser("ed")
        token, version, page = self.form_of(ed, "/programs/phoenix/audit")
        self.assertIn("Readiness", page)
        self.assertIn("The trail", page)
        data = b"Test report, signed.\n" * 10
        digest = hashlib.sha256(data).hexdigest()
        r = ed.upload("/programs/phoenix/audit/evidence",
                      {"csrf_token": token, "version": version, "item": "training"},
                      {"file": ("Test report 2026.txt", data)})
        self.assertEqual(r.status, 303, r)
        self.assertIn(digest, r.headers["location"])
        stored = self.s.dir / "evidence" / "phoenix" / "training" / "Test-report-2026.txt"
        self.assertEqual(stored.read_bytes(), data)
        page = text(ed.get(r.headers["location"]))
        self.assertIn(digest, page)
        self.assertIn("phoenix/training/Test-report-2026.txt: verified", page)
        exported = self.s.cli("export", "-p", "phoenix").stdout
        self.assertIn(digest, exported)
        self.assertTrue(any(e["actor"] == "ed" and digest in json.dumps(e) for e in self.log()))
        # The page's verification is `tpmkit audit verify`'s.
        self.assertIn("verif", page.lower())
        # An empty file, a missing file and a stale form are refused, nothing kept.
        token, version, _ = self.form_of(ed, "/programs/phoenix/audit")
        r = ed.upload("/programs/phoenix/audit/evidence",
                      {"csrf_token": token, "version": version, "item": "training"},
                      {"file": ("empty.txt", b"")})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-evidence-file-error"', text(r))
        r = ed.upload("/programs/phoenix/audit/evidence",
                      {"csrf_token": token, "version": "stale", "item": "training"},
                      {"file": ("late.txt", b"late")})
        self.assertEqual(r.status, 412, r)
        self.assertFalse((stored.parent / "late.txt").exists())

    def raw_status(self, path, b, content_type, length):
        """The status of a post announcing `length` bytes, of which it sends a few."""
        head = (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.s.port}\r\n"
                f"Cookie: __Host-tpmkit={b.cookie}\r\nContent-Type: {content_type}\r\n"
                f"Content-Length: {length}\r\nConnection: close\r\n\r\n").encode()
        with socket.create_connection(("127.0.0.1", self.s.port), timeout=30) as sock:
            try:
                sock.sendall(head + b"--b\r\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            answer = b""
            while b"\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
        return int(answer.split(b" ", 2)[1])

    def test_upload_limits(self):
        ed = self.browser("ed")
        token, version, _ = self.form_of(ed, "/programs/phoenix/audit")
        # Announced over the limits (32 MiB for a file form, 1 MiB for an url-encoded one):
        # answered from the headers, before the body is read.
        for content_type, size in (("multipart/form-data; boundary=b", 32 * 1024 * 1024 + 1),
                                   (FORM, 1024 * 1024 + 1)):
            self.assertEqual(self.raw_status("/programs/phoenix/audit/evidence", ed,
                                             content_type, size), 413)
        self.assertTrue(self.s.call("GET", "/healthz").status == 200)  # the server goes on
        # A file form that is not well formed is refused as one.
        r = self.s.call("POST", "/programs/phoenix/audit/evidence", body=b"--b\r\nbroken",
                        headers={**ed.same_origin(), "X-CSRF-Token": token},
                        content_type="multipart/form-data; boundary=b")
        self.assertEqual(r.status, 400, r)

    def test_sign_off_by_an_owner_and_the_pack(self):
        olga = self.browser("olga")
        token, version, page = self.form_of(olga, "/programs/phoenix/audit")
        self.assertIn('action="/programs/phoenix/audit/signoff', page)
        r = olga.post("/programs/phoenix/audit/signoff", {
            "csrf_token": token, "version": version, "item": "risk_assessments",
            "by": "Olga Owner", "on": "not a date"})
        self.assertEqual(r.status, 422, r)
        self.assertIn('value="Olga Owner"', text(r))
        self.assertIn('id="f-signoff-on-error"', text(r))
        r = olga.post("/programs/phoenix/audit/signoff", {
            "csrf_token": token, "version": version, "item": "risk_assessments",
            "by": "Olga Owner", "on": "2026-06-10"})
        self.assertEqual(r.status, 303, r)
        self.assertIn("Olga Owner on 2026-06-10", text(olga.get(r.headers["location"])))
        r = olga.get("/programs/phoenix/audit/pack")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "application/zip")
        self.assertIn("attachment", r.headers["content-disposition"])
        self.assertTrue(r.body.startswith(b"PK"))

    # -- users and access ---------------------------------------------------------------
    def test_admin_adds_grants_and_disables_a_user(self):
        ana = self.browser("ana")
        token, _, page = self.form_of(ana, "/users")
        for name in ("ed", "olga", "phoenix: editor"):
            self.assertIn(name, page)
        r = ana.post("/users", {"csrf_token": token, "name": "wendy"})
        self.assertEqual(r.status, 200, r)
        page = text(r)
        self.assertIn("Added user wendy", page)
        secret = re.search(r"shown this once: <code>([^<]+)</code>", page).group(1)
        w = Browser(self.s)
        self.assertEqual(w.login("wendy").status, 401)
        r = w.post("/login", {"user": "wendy", "password": html.unescape(secret)})
        self.assertEqual(r.status, 303, r)
        self.assertNotIn(secret, text(ana.get("/users")))  # shown once
        r = ana.post("/users", {"csrf_token": token, "name": "wendy"})
        self.assertEqual(r.status, 409, r)
        self.assertIn('id="f-name-error"', text(r))
        self.assertIn('value="wendy"', text(r))
        r = ana.post("/users/roles", {"csrf_token": token, "user": "wendy",
                                      "program": "phoenix", "role": "editor"})
        self.assertEqual(r.status, 200, r)
        self.assertIn("wendy is now an editor on phoenix", text(r))
        r = ana.post("/users/roles", {"csrf_token": token, "user": "wendy",
                                      "program": "nowhere", "role": "editor"})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-program-error"', text(r))
        r = ana.post("/users/wendy/disable", {"csrf_token": token})
        self.assertEqual(r.status, 200, r)
        self.assertIn("Disabled wendy", text(r))
        self.assertEqual(w.get("/programs/phoenix").status, 303)  # back to the login
        trail = json.loads(self.s.cli("--json", "log", "--entity", "user").stdout)["entries"]
        self.assertTrue(any(e["entity_id"] == "wendy" and e["actor"] == "ana" for e in trail))

    def test_my_sessions_and_tokens(self):
        first = self.browser("olga")
        second = self.browser("olga")
        token, _, page = self.form_of(first, "/me/sessions")
        self.assertIn("(this one)", page)
        ids = re.findall(r'action="/me/sessions/([0-9a-f]{12})/revoke"', page)
        self.assertGreaterEqual(len(ids), 2)
        mine = re.search(r'<th scope="row">([0-9a-f]{12}) \(this one\)', page).group(1)
        other = next(i for i in ids if i != mine)
        r = first.post(f"/me/sessions/{other}/revoke", {"csrf_token": token})
        self.assertEqual(r.status, 200, r)
        self.assertIn(f"Ended session {other}", text(r))
        # Someone else's session is not theirs to end: not found.
        ed = self.browser("ed")
        ed_token, _, _ = self.form_of(ed, "/me/sessions")
        r = ed.post(f"/me/sessions/{mine}/revoke", {"csrf_token": ed_token})
        self.assertEqual(r.status, 404, r)
        self.assertEqual(first.get("/me/sessions").status, 200)
        # A token: its secret once, then listed, then revoked.
        r = first.post("/me/tokens", {"csrf_token": token, "program": "phoenix",
                                      "role": "editor", "expires_days": "30"})
        self.assertEqual(r.status, 200, r)
        secret = re.search(r"<code>(tpm_[^<]+)</code>", text(r)).group(1)
        api = self.s.call("GET", "/api/v1/programs/phoenix/risks", token=secret)
        self.assertEqual(api.status, 200, api)
        page = text(first.get("/me/sessions"))
        self.assertNotIn(secret, page)
        tid = re.search(r'action="/me/tokens/([^/"]+)/revoke"', page).group(1)
        r = first.post("/me/tokens", {"csrf_token": token, "expires_days": "999"})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-expires_days-error"', text(r))
        r = first.post(f"/me/tokens/{tid}/revoke", {"csrf_token": token})
        self.assertEqual(r.status, 200, r)
        self.assertEqual(self.s.call("GET", "/api/v1/programs/phoenix/risks",
                                     token=secret).status, 401)
        # Sign out everywhere ends this session too.
        r = first.post("/me/logout-everywhere", {"csrf_token": token})
        self.assertEqual((r.status, r.headers["location"]), (303, "/login"))
        self.assertEqual(first.get("/me/sessions").status, 303)

    # -- imports ------------------------------------------------------------------------
    def test_import_errors_at_line_and_column_and_nothing_lost(self):
        ana = self.browser("ana")
        token, version, page = self.form_of(ana, "/import")
        self.assertIn('enctype="multipart/form-data"', page)
        broken = "program:\n  id: webimp\n  name: [unclosed\n"
        r = ana.upload("/import", {"csrf_token": token, "version": version, "format": "yaml",
                                   "text": ""}, {"file": ("webimp.yaml", broken.encode())})
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertRegex(page, r"line \d+, column \d+: ")
        self.assertIn(html.escape(broken, quote=False).strip(), page)  # the upload is kept
        good = harness.PHOENIX.read_text(encoding="utf-8").replace(
            "id: phoenix", "id: webimp", 1)
        r = ana.upload("/import", {"csrf_token": token, "version": "", "format": "yaml",
                                   "text": good}, {})
        self.assertEqual(r.status, 201, r)
        self.assertIn("webimp", text(r))
        self.assertIn("webimp", self.s.cli("--json", "programs").stdout)
        # A program that exists is imported from its own page, with its version.
        r = ana.upload("/import", {"csrf_token": token, "format": "yaml", "text": good}, {})
        self.assertEqual(r.status, 409, r)
        ed = self.browser("ed")
        token, version, page = self.form_of(ed, "/programs/phoenix/import")
        phoenix = harness.PHOENIX.read_text(encoding="utf-8")
        r = ed.upload("/programs/phoenix/import", {"csrf_token": token, "version": "stale",
                                                   "format": "yaml", "text": phoenix}, {})
        self.assertEqual(r.status, 412, r)
        self.assertIn("Nothing was saved", text(r))
        r = ed.upload("/programs/phoenix/import", {"csrf_token": token, "version": version,
                                                   "format": "yaml", "text": good}, {})
        self.assertEqual(r.status, 422, r)  # another program's document
        self.assertIn("not &#39;phoenix&#39;", text(r).replace("&apos;", "&#39;"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
