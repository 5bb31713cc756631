"""The web app's scorecard, stakeholders, decisions and change requests pages (spec
server.md "The web app", pages 6-9; docs/web.md) against a real server: each page for a
viewer without forms, forged posts refused by role, each form's write recorded in the audit
trail under the user who sent it, errors beside their fields with what was typed kept, and
a stale form answered 412.

Run: python3 tests/server/web_decide_test.py build/tpmkit
"""
import html
import json
import re
import sys
import unittest
import urllib.parse

import harness
from harness import Browser, text

BINARY = harness.binary_from_argv(sys.argv)
PAGES = ("/programs/phoenix/scorecard", "/programs/phoenix/stakeholders",
         "/programs/phoenix/decisions", "/programs/phoenix/decisions/D-01",
         "/programs/phoenix/changes", "/programs/phoenix/changes/CR-03",
         # A decided decision and an implemented change have their pages too.
         "/programs/phoenix/decisions/D-02", "/programs/phoenix/changes/CR-01")


def hidden(page, name):
    m = re.search(r'<input type="hidden" name="%s" value="([^"]*)"' % re.escape(name), page)
    return html.unescape(m.group(1)) if m else None


class WebDecideTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixture = harness.ServerFixture(BINARY)
        cls.s = cls.fixture.__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.fixture.__exit__(None, None, None)

    def browser(self, user):
        return Browser(self.s, user)

    def log(self):
        return json.loads(self.s.cli("--json", "log", "-p", "phoenix").stdout)["entries"]

    def logged(self, entity, entity_id, actor):
        return (entity, entity_id, actor) in {(e["entity"], e["entity_id"], e["actor"])
                                              for e in self.log()}

    def form_of(self, b, path):
        page = text(b.get(path))
        return page, hidden(page, "csrf_token"), hidden(page, "version")

    def assert_page_rules(self, r, path):
        """Security headers, HTML, and nothing inline that CSP default-src 'self' forbids."""
        self.assertEqual(r.headers["content-type"], "text/html; charset=utf-8", path)
        self.assertEqual(r.headers["content-security-policy"],
                         "default-src 'self'; frame-ancestors 'none'", path)
        page = text(r)
        self.assertTrue(page.startswith("<!DOCTYPE html>"), path)
        self.assertNotIn("<style", page, path)
        self.assertIsNone(re.search(r"\sstyle\s*=", page), path)
        self.assertIsNone(re.search(r"<[^>]*\son[a-z]+\s*=", page), path)
        for tag in re.findall(r"<script\b[^>]*>", page):
            self.assertRegex(tag, r'src="/static/htmx\.[0-9a-f]{16}\.min\.js"', path)
        # No trace of the server's insides ("exception" alone is a word of the example: the
        # move-date option asks for a change-freeze exception).
        for word in ("std::", "what()", "/work/", "terminate called"):
            self.assertNotIn(word, page, path)

    # -- reading ------------------------------------------------------------------
    def test_every_page_for_a_viewer_without_forms(self):
        vi = self.browser("vi")
        pages = {}
        for path in PAGES:
            with self.subTest(path=path):
                r = vi.get(path)
                self.assertEqual(r.status, 200, r)
                self.assert_page_rules(r, path)
                pages[path] = text(r)
                self.assertNotIn('<form class="edit"', pages[path])
                self.assertNotIn('name="version"', pages[path])
                self.assertRegex(pages[path], r'<span class="rag (green|amber|red|none)"')
        # The program navigation links every page, the current one marked.
        for section in ("scorecard", "stakeholders", "decisions", "changes"):
            self.assertIn(f'href="/programs/phoenix/{section}" aria-current="page"',
                          pages[f"/programs/phoenix/{section}"])
        card = pages["/programs/phoenix/scorecard"]
        self.assertIn('id="trend-chart"', card)
        for criterion in ("stakeholder_alignment", "technical_feasibility", "budget", "schedule",
                          "regulatory", "vendor"):
            self.assertIn(f"({criterion})</span></th>", card)
        self.assertRegex(card, r"Assessed on \d{4}-\d\d-\d\d by .*: <strong>[\d.]+ of 100 \(")
        people = pages["/programs/phoenix/stakeholders"]
        self.assertIn('id="stakeholder-matrix"', people)
        self.assertIn("Communication plan as of", people)
        self.assertIn("2026-06-08 (overdue)", people)  # the CFO, as the example says
        self.assertNotIn("Log a contact", people)
        decisions = pages["/programs/phoenix/decisions"]
        self.assertIn('href="/programs/phoenix/decisions/D-01"', decisions)
        self.assertIn('href="/programs/phoenix/decisions/D-02"', decisions)
        decision = pages["/programs/phoenix/decisions/D-01"]
        for option in ("add-people", "cut-scope", "move-date"):
            self.assertIn(option, decision)
        self.assertIn("p80 (30)", decision)
        self.assertIn("Recommended by the decision rule:", decision)
        self.assertRegex(decision, r"on_time: weight 25 now;")
        self.assertIn("Robert Okafor (cfo) would rank", decision)
        self.assertIn('<div class="memo">', decision)
        self.assertIn("<h3>Decision memo D-01: Project Phoenix</h3>", decision)  # Markdown as HTML
        self.assertIn("<h4>Recommendation</h4>", decision)
        changes = pages["/programs/phoenix/changes"]
        for cid in ("CR-01", "CR-02", "CR-03", "CR-04"):
            self.assertIn(f'href="/programs/phoenix/changes/{cid}"', changes)
        self.assertIn("Forecast final cost", changes)
        change = pages["/programs/phoenix/changes/CR-03"]
        self.assertRegex(change, r"Advice: <strong>(Approve|Say no)</strong>\.")
        self.assertIn("Reply to the requester", change)
        for label in ("Planned finish", "P80 finish", "Chance on time", "Forecast final cost"):
            self.assertIn(f"<th scope=\"row\">{label}</th>", change)
        # The advice is the CLI's: the same reason and reply.
        cli = json.loads(self.s.cli("--json", "changes", "assess", "CR-03", "-p",
                                    "phoenix").stdout)
        self.assertIn(html.escape(cli["reason"], quote=True), change)
        self.assertIn(html.escape(cli["reply"], quote=True), change)

    def test_unknown_decision_and_change_are_404(self):
        ed = self.browser("ed")
        for path in ("/programs/phoenix/decisions/D-99", "/programs/phoenix/changes/CR-99"):
            with self.subTest(path=path):
                r = ed.get(path)
                self.assertEqual(r.status, 404, r)
                self.assert_page_rules(r, path)

    # -- roles --------------------------------------------------------------------
    def test_forged_posts_by_role_are_refused(self):
        before = len(self.log())
        vi = self.browser("vi")
        token = hidden(text(vi.get("/")), "csrf_token")
        posts = {
            "/programs/phoenix/scorecard": {"ratings.schedule": "2"},
            "/programs/phoenix/stakeholders/cfo/contacts": {"on": "2026-06-16",
                                                            "note": "forged"},
            "/programs/phoenix/decisions/D-01/choose": {"chosen": "cut-scope",
                                                        "rationale": "forged"},
            "/programs/phoenix/changes/CR-03/approve": {"note": "forged"},
            "/programs/phoenix/changes/CR-03/reject": {"note": "forged"},
        }
        for path, fields in posts.items():
            with self.subTest(path=path):
                r = vi.post(path, {"csrf_token": token, "version": "", **fields})
                self.assertEqual(r.status, 403, r)
                self.assert_page_rules(r, path)
        # Choosing and deciding a change are an owner's: an editor sees no form either.
        ed = self.browser("ed")
        token = hidden(text(ed.get("/")), "csrf_token")
        for path in ("/programs/phoenix/decisions/D-01", "/programs/phoenix/changes/CR-03"):
            self.assertNotIn('<form class="edit"', text(ed.get(path)))
        for path in list(posts)[2:]:
            with self.subTest(path=path, user="ed"):
                r = ed.post(path, {"csrf_token": token, **posts[path]})
                self.assertEqual(r.status, 403, r)
        self.assertEqual(len(self.log()), before)

    # -- forms --------------------------------------------------------------------
    def test_assess_the_scorecard(self):
        ed = self.browser("ed")
        page, token, version = self.form_of(ed, "/programs/phoenix/scorecard")
        self.assertIn('<form class="edit"', page)
        # Each criterion's suggestion and its reason, beside the field.
        self.assertRegex(page, r'id="f-ratings\.schedule-hint">Suggested: [1-5]\. ')
        self.assertIn('name="ratings.vendor"', page)
        self.assertIn('<label for="f-ratings.schedule">', page)
        # Bad input: the error beside the field, everything typed kept.
        typed = {"csrf_token": token, "version": version, "ratings.schedule": "lots",
                 "ratings.budget": "3", "notes": "Keep <this> & \"that\""}
        r = ed.post("/programs/phoenix/scorecard", typed)
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-ratings.schedule-error"', page)
        self.assertNotIn('id="f-ratings.budget-error"', page)
        self.assertIn('name="ratings.schedule" type="number" value="lots"', page)
        self.assertIn(">Keep &lt;this&gt; &amp; &quot;that&quot;</textarea>", page)
        # A rating out of range: the program validator's error, beside the field.
        r = ed.post("/programs/phoenix/scorecard", {**typed, "ratings.schedule": "9"})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-ratings.schedule-error"', text(r))
        self.assertIn('value="9"', text(r))
        # Recorded under ed, and shown.
        r = ed.post("/programs/phoenix/scorecard", {**typed, "ratings.schedule": "2"})
        self.assertEqual(r.status, 303, r)
        self.assertRegex(r.headers["location"],
                         r"^/programs/phoenix/scorecard\?assessed=\d{4}-\d\d-\d\d$")
        page = text(ed.get(r.headers["location"]))
        self.assertIn("Recorded the assessment of", page)
        self.assertIn("by ed:", page)
        card = json.loads(self.s.cli("--json", "scorecard", "-p", "phoenix").stdout)
        self.assertEqual((card["by"], card["ratings"]), ("ed", {"schedule": 2, "budget": 3}))
        # The trail keys an assessment by its date and author.
        self.assertTrue(any(e["actor"] == "ed" and e["entity"] == "assessment" and
                            e["entity_id"].endswith("/ed") for e in self.log()), self.log()[:3])

    def test_log_a_contact(self):
        ed = self.browser("ed")
        page, token, version = self.form_of(ed, "/programs/phoenix/stakeholders?contact=cfo")
        self.assertIn("Log a contact with Robert Okafor", page)
        self.assertIn('action="/programs/phoenix/stakeholders/cfo/contacts#log-contact"', page)
        typed = {"csrf_token": token, "version": version, "on": "16 June",
                 "note": "Steering committee: <budget> & \"risk\""}
        r = ed.post("/programs/phoenix/stakeholders/cfo/contacts", typed)
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-on-error"', page)
        self.assertIn('name="on" type="date" value="16 June"', page)
        self.assertIn(">Steering committee: &lt;budget&gt; &amp; &quot;risk&quot;</textarea>",
                      page)
        self.assertIn("Log a contact with Robert Okafor", page)  # still the same stakeholder
        r = ed.post("/programs/phoenix/stakeholders/cfo/contacts", {**typed, "note": ""})
        self.assertIn('id="f-note-error"', text(r))
        r = ed.post("/programs/phoenix/stakeholders/cfo/contacts", {**typed, "on": "2026-06-16"})
        self.assertEqual(r.status, 303, r)
        page = text(ed.get(r.headers["location"]))
        self.assertIn("Logged a contact with Robert Okafor (cfo) on 2026-06-16.", page)
        self.assertTrue(self.logged("stakeholder", "cfo", "ed"))
        people = json.loads(self.s.cli("--json", "stakeholders", "-p", "phoenix").stdout)
        cfo = [s for s in people["stakeholders"] if s["id"] == "cfo"][0]
        self.assertEqual(cfo["last_contact"], "2026-06-16")
        # An unknown stakeholder is not found, and nothing is written.
        before = len(self.log())
        _, token, version = self.form_of(ed, "/programs/phoenix/stakeholders")
        r = ed.post("/programs/phoenix/stakeholders/nobody/contacts",
                    {**typed, "on": "2026-06-16", "csrf_token": token, "version": version})
        self.assertEqual(r.status, 404, r)
        self.assertIn("no stakeholder", text(r))
        self.assertEqual(len(self.log()), before)

    def test_a_stale_contact_form_gets_412_with_what_was_typed(self):
        ed = self.browser("ed")
        _, token, version = self.form_of(ed, "/programs/phoenix/stakeholders?contact=sponsor")
        olga = self.s.login("olga")
        r = self.s.call("POST", "/api/v1/programs/phoenix/stakeholders/sponsor/contacts",
                        {"on": "2026-06-15", "note": "Meanwhile"}, session=olga)
        self.assertEqual(r.status, 201, r)
        typed = {"csrf_token": token, "version": version, "on": "2026-06-17",
                 "note": "Typed before the change"}
        r = ed.post("/programs/phoenix/stakeholders/sponsor/contacts", typed)
        self.assertEqual(r.status, 412, r)
        page = text(r)
        self.assertRegex(page, r"changed by olga at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")
        self.assertIn(">Typed before the change</textarea>", page)
        self.assertIn("Log a contact with Dana Lee", page)
        self.assertFalse(self.logged("stakeholder", "sponsor", "ed"))
        r = ed.post("/programs/phoenix/stakeholders/sponsor/contacts",
                    {**typed, "version": hidden(page, "version")})
        self.assertEqual(r.status, 303, r)
        self.assertTrue(self.logged("stakeholder", "sponsor", "ed"))

    def test_a_stale_assessment_gets_412_with_what_was_typed(self):
        ed = self.browser("ed")
        _, token, version = self.form_of(ed, "/programs/phoenix/scorecard")
        olga = self.s.login("olga")
        r = self.s.call("POST", "/api/v1/programs/phoenix/stakeholders/support/contacts",
                        {"on": "2026-06-14", "note": "Meanwhile"}, session=olga)
        self.assertEqual(r.status, 201, r)
        r = ed.post("/programs/phoenix/scorecard", {"csrf_token": token, "version": version,
                                                    "ratings.vendor": "5", "notes": "Late"})
        self.assertEqual(r.status, 412, r)
        page = text(r)
        self.assertRegex(page, r"changed by olga at \d{4}-\d\d-\d\dT")
        self.assertIn('name="ratings.vendor" type="number" value="5"', page)
        self.assertIn(">Late</textarea>", page)
        self.assertNotEqual(hidden(page, "version"), version)

    def test_choose_an_option(self):
        olga = self.browser("olga")
        page, token, version = self.form_of(olga, "/programs/phoenix/decisions/D-01")
        self.assertIn('<form class="edit"', page)
        for option in ("add-people", "cut-scope", "move-date"):
            self.assertIn(f'name="chosen" value="{option}"', page)
        typed = {"csrf_token": token, "version": version, "rationale": "Keeps the <date>"}
        r = olga.post("/programs/phoenix/decisions/D-01/choose", typed)
        self.assertEqual(r.status, 422, r)
        page = text(r)
        self.assertIn('id="f-chosen-error"', page)
        self.assertIn(">Keeps the &lt;date&gt;</textarea>", page)
        r = olga.post("/programs/phoenix/decisions/D-01/choose", {**typed, "chosen": "nope"})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-chosen-error"', text(r))
        self.assertIn("cut-scope", re.search(r'id="f-chosen-error">([^<]*)<', text(r)).group(1))
        r = olga.post("/programs/phoenix/decisions/D-01/choose",
                      {**typed, "chosen": "cut-scope", "rationale": ""})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-rationale-error"', text(r))
        self.assertIn('value="cut-scope" checked', text(r))
        r = olga.post("/programs/phoenix/decisions/D-01/choose", {**typed, "chosen": "cut-scope"})
        self.assertEqual(r.status, 303, r)
        page = text(olga.get(r.headers["location"]))
        self.assertIn("Recorded decision D-01: cut-scope, decided by olga.", page)
        self.assertNotIn('<form class="edit"', page)  # decided: no form
        self.assertTrue(self.logged("decision", "D-01", "olga"))

    def test_approve_or_reject_a_change(self):
        olga = self.browser("olga")
        page, token, version = self.form_of(olga, "/programs/phoenix/changes/CR-03")
        self.assertIn('formaction="/programs/phoenix/changes/CR-03/reject#decide"', page)
        r = olga.post("/programs/phoenix/changes/CR-03/reject",
                      {"csrf_token": token, "version": version, "note": ""})
        self.assertEqual(r.status, 422, r)
        self.assertIn('id="f-note-error"', text(r))
        r = olga.post("/programs/phoenix/changes/CR-03/reject",
                      {"csrf_token": token, "version": version, "note": "Not before go-live"})
        self.assertEqual(r.status, 303, r)
        page = text(olga.get(r.headers["location"]))
        self.assertIn("Change CR-03 is rejected by olga.", page)
        self.assertIn("rejected by olga on", page)
        self.assertIn("Not before go-live", page)
        self.assertNotIn('<form class="edit"', page)  # rejected: nothing more to decide
        self.assertTrue(self.logged("change", "CR-03", "olga"))
        changes = json.loads(self.s.cli("--json", "changes", "-p", "phoenix").stdout)["changes"]
        cr3 = [c for c in changes if c["id"] == "CR-03"][0]
        self.assertEqual((cr3["status"], cr3["approvals"][-1]["by"]), ("rejected", "olga"))


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
