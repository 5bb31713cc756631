"""The web app's pages (spec server.md "The web app"; docs/web.md) against a real server:
the login form, sessions and the no-open-redirect rule, CSRF on form posts, roles on every
page (viewer: no form, forged posts refused; no role: the 404 a missing program gets),
escaping of user text, forms that keep what was typed with each error beside its field, a
stale form answered 412 with who changed the program, and the security headers with no
inline script or style on every page.

Run: python3 tests/server/web_test.py build/tpmkit
"""
import html
import json
import re
import shutil
import sys
import unittest
import urllib.parse

import harness
from harness import Browser, text

BINARY = harness.binary_from_argv(sys.argv)
PAGES = ("/", "/programs/phoenix", "/programs/phoenix/risks", "/programs/phoenix/status")
XSS = "<script>alert(1)</script>"


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else None


def risk_ids(s):
    return [r["id"] for r in json.loads(s.cli("--json", "risks", "-p", "phoenix").stdout)["risks"]]


class WebTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixture = harness.ServerFixture(BINARY)
        cls.s = cls.fixture.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.fixture.__exit__(None, None, None)

    def browser(self, user):
        b = Browser(self.s)
        r = b.login(user)
        self.assertEqual(r.status, 303, r)
        return b

    def assert_page_rules(self, r, path):
        """Security headers, HTML, and nothing inline that CSP default-src 'self' forbids."""
        self.assertEqual(r.headers["content-type"], "text/html; charset=utf-8", path)
        self.assertEqual(r.headers["content-security-policy"],
                         "default-src 'self'; frame-ancestors 'none'", path)
        self.assertEqual(r.headers["x-content-type-options"], "nosniff", path)
        self.assertEqual(r.headers["referrer-policy"], "same-origin", path)
        page = text(r)
        self.assertTrue(page.startswith("<!DOCTYPE html>"), path)
        self.assertNotIn("<style", page, path)
        self.assertIsNone(re.search(r"\sstyle\s*=", page), path)
        self.assertIsNone(re.search(r"<[^>]*\son[a-z]+\s*=", page), path)
        self.assertNotIn("javascript:", page, path)
        for tag in re.findall(r"<script\b[^>]*>", page):
            self.assertRegex(tag, r'src="/static/htmx\.[0-9a-f]{16}\.min\.js"', path)
        self.assertEqual(page.count("<script"), page.count("</script>"), path)
        for word in ("std::", "exception", "what()", "/work/"):
            self.assertNotIn(word, page, path)

    # -- logging in ----------------------------------------------------------------
    def test_login_form_and_errors_beside_fields(self):
        b = Browser(self.s)
        r = b.get("/login")
        self.assertEqual(r.status, 200, r)
        self.assert_page_rules(r, "/login")
        page = text(r)
        for name in ("user", "password", "totp"):
            self.assertIn(f'name="{name}"', page)
            self.assertIn(f'<label for="f-{name}">', page)
        r = b.login("ed", password="wrong-password-123")
        self.assertEqual(r.status, 401, r)
        self.assertNotIn("set-cookie", r.headers)
        page = text(r)
        self.assertIn('id="f-password-error"', page)
        self.assertIn('aria-invalid="true"', page)
        self.assertIn('name="user" type="text" value="ed"', page)  # kept
        self.assertNotIn("wrong-password-123", page)  # never echoed
        r = b.post("/login", {"user": "", "password": ""})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-user-error"', text(r))

    def test_login_sets_the_session_cookie_and_goes_to_next(self):
        b = Browser(self.s)
        r = b.login("ed", next_path="/programs/phoenix/risks")
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.headers["location"], "/programs/phoenix/risks")
        cookie = r.headers["set-cookie"]
        for attribute in ("Path=/", "Secure", "HttpOnly", "SameSite=Lax"):
            self.assertIn(attribute, cookie)
        self.assertEqual(b.get("/programs/phoenix/risks").status, 200)
        # Logged in, the login page goes to next at once.
        r = b.get("/login?next=/programs/phoenix")
        self.assertEqual((r.status, r.headers["location"]), (303, "/programs/phoenix"))

    def test_no_open_redirect(self):
        for target in ("//evil.example/", "https://evil.example/", "/\\evil.example",
                       "javascript:alert(1)", "evil.example", "/ /x", "/\t/evil.example"):
            with self.subTest(next=target):
                b = Browser(self.s)
                r = b.login("vi", next_path=target)
                self.assertEqual((r.status, r.headers["location"]), (303, "/"), r)
                r = b.get("/login?next=" + urllib.parse.quote(target, safe=""))
                self.assertEqual((r.status, r.headers["location"]), (303, "/"), r)
                page = text(Browser(self.s).get("/login?next=" + urllib.parse.quote(target)))
                self.assertEqual(hidden(page, "next"), "/")

    def test_anonymous_pages_go_to_the_login(self):
        b = Browser(self.s)
        for path in PAGES:
            with self.subTest(path=path):
                r = b.get(path)
                self.assertEqual(r.status, 303, r)
                self.assertEqual(r.headers["location"],
                                 "/login?next=" + urllib.parse.quote(path, safe=""))
        r = b.post("/programs/phoenix/risks", {"id": "R-ANON", "title": "x"})
        self.assertEqual((r.status, r.headers["location"]), (303, "/login"))
        b.cookie = "not-a-session"
        self.assertEqual(b.get("/").status, 303)
        self.assertNotIn("R-ANON", risk_ids(self.s))

    def test_logout(self):
        b = self.browser("vi")
        token = hidden(text(b.get("/")), "csrf_token")
        old = b.cookie
        r = b.post("/logout", {"csrf_token": token})
        self.assertEqual((r.status, r.headers["location"]), (303, "/login"), r)
        self.assertIn("Max-Age=0", r.headers["set-cookie"])
        b.cookie = old
        self.assertEqual(b.get("/").status, 303)

    # -- every page ---------------------------------------------------------------
    def test_every_page_renders_with_the_security_headers(self):
        b = self.browser("ed")
        for path in PAGES:
            with self.subTest(path=path):
                r = b.get(path)
                self.assertEqual(r.status, 200, r)
                self.assert_page_rules(r, path)
                page = text(r)
                self.assertIn("Logged in as <strong>ed</strong>", page)
                if path != "/":
                    # The program header: overall RAG and P80 vs target.
                    self.assertRegex(page, r'<span class="rag (green|amber|red|none)"')
                    self.assertRegex(page, r"P80 <strong>\d{4}-\d\d-\d\d</strong> vs target")
        page = text(b.get("/"))
        self.assertIn('href="/programs/phoenix"', page)
        self.assertNotIn("/programs/atlas", page)  # ed has no role on atlas
        page = text(self.browser("ana").get("/"))  # an admin sees every program
        self.assertIn('href="/programs/atlas"', page)
        dashboard = text(b.get("/programs/phoenix"))
        for chart in ('id="finish-chart"', 'id="heat-map"', 'id="evm-chart"'):
            self.assertIn(chart, dashboard)
        status = text(b.get("/programs/phoenix/status"))
        self.assertIn("/api/v1/programs/phoenix/status?format=md", status)
        self.assertIn("Weekly status of", status)

    def test_the_status_page_offers_the_report_as_pdf(self):
        vi = Browser(self.s, "vi")
        page = text(vi.get("/programs/phoenix/status"))
        m = re.search(r'href="([^"]*format=pdf)"', page)
        self.assertIsNotNone(m, "no PDF link on the status page")
        r = vi.get(html.unescape(m.group(1)) + "&iterations=300")
        if shutil.which("chromium"):
            self.assertEqual(r.status, 200, r)
            self.assertTrue(r.body.startswith(b"%PDF-"))
            self.assertEqual(r.headers["content-type"], "application/pdf")
        else:
            self.assertEqual(r.status, 501, r)

    def test_static_files(self):
        b = Browser(self.s)
        page = text(b.get("/login"))
        css = re.search(r'href="(/static/app\.[0-9a-f]{16}\.css)"', page).group(1)
        js = re.search(r'src="(/static/htmx\.[0-9a-f]{16}\.min\.js)"', page).group(1)
        r = b.get(css)
        self.assertEqual(r.status, 200)
        self.assertEqual(r.headers["content-type"], "text/css; charset=utf-8")
        self.assertIn("immutable", r.headers["cache-control"])
        r = b.get(js)
        self.assertEqual(r.headers["content-type"], "text/javascript; charset=utf-8")
        self.assertIn(b"htmx", r.body)
        self.assertIn(b'version:"2.0.11"', r.body.replace(b" ", b""))
        r = b.get("/static/app.css")
        self.assertEqual((r.status, r.headers["cache-control"]), (200, "no-cache"))
        self.assertEqual(b.get("/static/app.0000000000000000.css").status, 404)
        self.assertEqual(b.get("/static/secret.txt").status, 404)

    def test_unknown_paths(self):
        b = self.browser("ed")
        r = b.get("/no/such/page")
        self.assertEqual(r.status, 404)
        self.assert_page_rules(r, "/no/such/page")
        r = b.get("/api/v1/nosuch")  # the API keeps its own answers
        self.assertEqual((r.status, r.headers["content-type"]), (404, "application/problem+json"))
        r = self.s.call("DELETE", "/programs/phoenix/risks", headers=b.headers())
        self.assertEqual(r.status, 405)
        self.assertEqual(r.headers["allow"], "GET, POST")

    # -- roles --------------------------------------------------------------------
    def test_viewer_sees_no_form_and_forged_posts_are_refused(self):
        vi = self.browser("vi")
        page = text(vi.get("/programs/phoenix/risks"))
        self.assertNotIn('<form class="edit"', page)
        self.assertNotIn("Add a risk", page)
        token = hidden(text(vi.get("/")), "csrf_token")
        r = vi.post("/programs/phoenix/risks", {"csrf_token": token, "version": "",
                                                "id": "R-VIEW", "title": "forged",
                                                "probability": "0.5", "severity": "3"})
        self.assertEqual(r.status, 403, r)
        self.assert_page_rules(r, "forged post")
        ed_page = text(self.browser("ed").get("/programs/phoenix/risks"))
        self.assertIn('<form class="edit"', ed_page)
        # No role: the program does not exist for nora, exactly as one that does not exist.
        nora = self.browser("nora")
        token = hidden(text(nora.get("/")), "csrf_token")
        self.assertNotIn("/programs/phoenix", text(nora.get("/")))
        for path in PAGES[1:]:
            with self.subTest(path=path):
                hidden_page = nora.get(path)
                missing = nora.get(path.replace("phoenix", "nosuch"))
                self.assertEqual((hidden_page.status, missing.status), (404, 404))
                self.assertEqual(text(hidden_page).replace("phoenix", "X"),
                                 text(missing).replace("nosuch", "X"))
        r = nora.post("/programs/phoenix/risks", {"csrf_token": token, "id": "R-NORA",
                                                  "title": "forged", "probability": "0.5",
                                                  "severity": "3"})
        self.assertEqual(r.status, 404, r)
        ids = risk_ids(self.s)
        self.assertNotIn("R-VIEW", ids)
        self.assertNotIn("R-NORA", ids)

    # -- forms --------------------------------------------------------------------
    def risk_form(self, b):
        page = text(b.get("/programs/phoenix/risks"))
        return hidden(page, "csrf_token"), hidden(page, "version")

    def test_csrf_is_required_on_form_posts(self):
        ed = self.browser("ed")
        token, version = self.risk_form(ed)
        fields = {"version": version, "id": "R-CSRF", "title": "no token", "probability": "0.2",
                  "severity": "2"}
        self.assertEqual(ed.post("/programs/phoenix/risks", fields).status, 403)
        self.assertEqual(
            ed.post("/programs/phoenix/risks", {**fields, "csrf_token": "x" + token}).status, 403)
        r = ed.post("/programs/phoenix/risks", {**fields, "csrf_token": token},
                    headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"})
        self.assertEqual(r.status, 403)
        self.assertIn("Cross-site", text(r))
        # Another user's token does not do either.
        other = hidden(text(self.browser("olga").get("/")), "csrf_token")
        self.assertEqual(
            ed.post("/programs/phoenix/risks", {**fields, "csrf_token": other}).status, 403)
        self.assertNotIn("R-CSRF", risk_ids(self.s))

    def test_add_a_risk_through_the_form(self):
        ed = self.browser("ed")
        token, version = self.risk_form(ed)
        r = ed.post("/programs/phoenix/risks", {
            "csrf_token": token, "version": version, "id": "R-WEB1",
            "title": "Supplier misses the pilot window", "category": "schedule",
            "owner": "ed", "probability": "0.4", "severity": "4", "impact.schedule": "10",
            "impact.cost": "25000", "response_due": "2026-07-01", "mitigation": "Second source"})
        self.assertEqual(r.status, 303, r)
        self.assertEqual(r.headers["location"], "/programs/phoenix/risks?added=R-WEB1")
        page = text(ed.get(r.headers["location"]))
        self.assertIn("Added risk R-WEB1.", page)
        self.assertIn("Supplier misses the pilot window", page)
        risks = json.loads(self.s.cli("--json", "risks", "-p", "phoenix").stdout)["risks"]
        added = [x for x in risks if x["id"] == "R-WEB1"][0]
        self.assertEqual((added["probability"], added["severity"], added["owner"]),
                         (0.4, 4, "ed"))
        log = json.loads(self.s.cli("--json", "log", "-p", "phoenix").stdout)["entries"]
        self.assertIn(("risk", "R-WEB1", "ed"),
                      {(e["entity"], e["entity_id"], e["actor"]) for e in log})

    def test_errors_beside_fields_and_nothing_typed_is_lost(self):
        ed = self.browser("ed")
        token, version = self.risk_form(ed)
        typed = {"csrf_token": token, "version": version, "id": "R-BAD",
                 "title": "Keep \"this\" & <that>", "owner": "ed", "probability": "lots",
                 "severity": "3", "mitigation": "line one\nline two"}
        r = ed.post("/programs/phoenix/risks", typed)
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-probability-error"', page)
        self.assertNotIn('id="f-severity-error"', page)
        self.assertIn('value="Keep &quot;this&quot; &amp; &lt;that&gt;"', page)
        self.assertIn('value="lots"', page)
        self.assertIn(">line one\nline two</textarea>", page)
        # The program validator's errors land beside their fields too.
        r = ed.post("/programs/phoenix/risks", {**typed, "probability": "0.5", "severity": "9",
                                                "category": "weather"})
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-severity-error"', page)
        self.assertIn('id="f-category-error"', page)
        # An id that exists is refused beside the id.
        r = ed.post("/programs/phoenix/risks", {**typed, "probability": "0.5", "id": "R-07"})
        self.assertEqual(r.status, 409, r)
        self.assertIn('id="f-id-error"', text(r))
        self.assertNotIn("R-BAD", risk_ids(self.s))

    def test_user_text_is_escaped(self):
        ed_session = self.s.login("ed")
        r = self.s.call("POST", "/api/v1/programs/phoenix/risks",
                        {"id": "R-XSS", "title": XSS, "owner": "<b>o</b>", "probability": 0.95,
                         "severity": 5}, session=ed_session)
        self.assertEqual(r.status, 201, r)
        ed = self.browser("ed")
        for path in ("/programs/phoenix/risks", "/programs/phoenix",
                     "/programs/phoenix/status"):
            with self.subTest(path=path):
                page = text(ed.get(path))
                self.assertNotIn(XSS, page)
                self.assertNotIn("<b>o</b>", page)
                self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", page)
                self.assert_page_rules(ed.get(path), path)

    def test_a_stale_form_gets_the_conflict_page(self):
        ed = self.browser("ed")
        token, version = self.risk_form(ed)
        # Someone else changes the program after ed loaded the form.
        olga = self.s.login("olga")
        r = self.s.call("POST", "/api/v1/programs/phoenix/risks",
                        {"id": "R-OLGA", "title": "Meanwhile", "probability": 0.1, "severity": 1},
                        session=olga)
        self.assertEqual(r.status, 201, r)
        typed = {"csrf_token": token, "version": version, "id": "R-LATE",
                 "title": "Typed before the change", "probability": "0.3", "severity": "2"}
        r = ed.post("/programs/phoenix/risks", typed)
        self.assertEqual(r.status, 412, r)
        page = text(r)
        self.assertRegex(page, r"changed by olga at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
        self.assertIn("R-OLGA", page)
        self.assertIn("review the program as it is now, then submit again", page)
        self.assertIn('value="Typed before the change"', page)
        self.assertNotIn("R-LATE", risk_ids(self.s))
        # The page carries the new version: submitting again works.
        fresh = hidden(page, "version")
        self.assertNotEqual(fresh, version)
        r = ed.post("/programs/phoenix/risks", {**typed, "version": fresh})
        self.assertEqual(r.status, 303, r)
        self.assertIn("R-LATE", risk_ids(self.s))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
