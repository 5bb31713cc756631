"""The web app's Plan and Forecast pages (docs/web.md) against a real server: each renders
for a viewer with its charts (Gantt, roadmap; histogram, S-curve, tornado) and tables, with
no script but htmx and nothing inline; the numbers are those of `tpmkit schedule --json` and
`tpmkit forecast --json` (the same use cases, seed and iterations); an unknown program and
a user without a role get 404; without a session the pages send to the login. Also the
dashboard's heat-map cells link to the register filtered to that cell, and the register
honours the filter.

Run: python3 tests/server/web_plan_test.py build/tpmkit
"""
import json
import re
import sys
import unittest
import urllib.parse

import harness
from harness import Browser, text

BINARY = harness.binary_from_argv(sys.argv)
PLAN = "/programs/phoenix/plan"
FORECAST = "/programs/phoenix/forecast"


def svg_title(page, chart_id):
    """The accessible title of the chart `chart_id` on the page, or None."""
    m = re.search(r'<svg [^>]*id="%s"[^>]*>\s*<title id="%s-title">([^<]*)</title>'
                  % (re.escape(chart_id), re.escape(chart_id)), page)
    return m.group(1) if m else None


class WebPlanTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.fixture = harness.ServerFixture(BINARY)
        cls.s = cls.fixture.__enter__()
        cls.vi = Browser(cls.s, "vi")

    @classmethod
    def tearDownClass(cls):
        cls.fixture.__exit__(None, None, None)

    def assert_page(self, r, path):
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "text/html; charset=utf-8", path)
        self.assertEqual(r.headers["content-security-policy"],
                         "default-src 'self'; frame-ancestors 'none'", path)
        page = text(r)
        self.assertNotIn("<style", page, path)
        self.assertIsNone(re.search(r"\sstyle\s*=", page), path)
        self.assertIsNone(re.search(r"<[^>]*\son[a-z]+\s*=", page), path)
        for tag in re.findall(r"<script\b[^>]*>", page):
            self.assertRegex(tag, r'src="/static/htmx\.[0-9a-f]{16}\.min\.js"', path)
        self.assertNotIn("<form class=\"edit\"", page)  # nothing to edit here, for anyone
        return page

    def test_plan_page_shows_the_schedule_of_the_cli(self):
        page = self.assert_page(self.vi.get(PLAN), PLAN)
        self.assertEqual(svg_title(page, "gantt-chart"), "Schedule")
        self.assertEqual(svg_title(page, "roadmap"), "Milestones")
        self.assertIn('aria-current="page">Plan</a>', page)
        schedule = json.loads(self.s.cli("--json", "schedule", "-p", "phoenix").stdout)
        self.assertIn(f"finish {schedule['finish']}", page)
        critical = [t for t in schedule["tasks"] if t["critical"]]
        self.assertTrue(critical)
        # One row per task in file order: its id, start, finish and float as the CLI's.
        table = page[page.index('id="tasks"'):]
        table = table[table.index("<tbody>"):table.index("</tbody>")]
        rows = re.findall(r"<tr>(.*?)</tr>", table)
        self.assertEqual(len(rows), len(schedule["tasks"]))
        for row, t in zip(rows, schedule["tasks"]):
            self.assertIn(f'<th scope="row">{t["id"]}</th>', row)
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row)
            flt = "done" if t["total_float"] is None else f"{t['total_float']} d"
            self.assertEqual(cells[2:5], [t["start"], t["finish"], flt], t["id"])
            self.assertEqual("<strong>critical</strong>" in row, t["critical"], t["id"])
        # The Gantt chart marks the critical path in its description and its labels.
        desc = re.search(r'<desc id="gantt-chart-desc">([^<]*)</desc>', page).group(1)
        self.assertIn(f"Critical path ({len(critical)} task", desc)
        self.assertIn(">Target 2026-09-30<", page)

    def test_forecast_page_shows_the_forecast_of_the_cli(self):
        page = self.assert_page(self.vi.get(FORECAST), FORECAST)
        self.assertEqual(svg_title(page, "finish-histogram"), "Spread of the finish")
        self.assertEqual(svg_title(page, "finish-chart"), "Chance of finishing by each date")
        self.assertEqual(svg_title(page, "tornado"), "Sensitivity of the finish")
        forecast = json.loads(self.s.cli("--json", "forecast", "-p", "phoenix").stdout)
        for key in ("p50", "p80", "p90"):
            self.assertIn(f">{forecast['finish'][key]}<", page, key)
        self.assertIn("Finish dates of 10,000 simulated runs (seed 1)", page)
        # As the CLI and the program bar write it: one decimal, no trailing zero.
        chance = f"{100 * forecast['p_on_time']:.1f}".removesuffix(".0") + "%"
        self.assertIn(f"a {chance} chance of finishing by the target", page)
        # The most critical task of the CLI heads the table.
        top = max(forecast["tasks"], key=lambda t: t["criticality"])
        first = re.search(r'<tbody>\s*<tr><th scope="row">([^<]*)</th>',
                          page[page.index('id="critical"'):])
        self.assertEqual(first.group(1), top["id"])
        # ?seed and ?iterations as the API takes them.
        small = text(self.vi.get(FORECAST + "?iterations=200&seed=7"))
        self.assertIn("Finish dates of 200 simulated runs (seed 7)", small)
        self.assertEqual(self.vi.get(FORECAST + "?iterations=0").status, 400)
        self.assertEqual(self.vi.get(PLAN + "?as_of=yesterday").status, 400)

    def test_unknown_program_and_no_role_get_404(self):
        for path in ("/programs/nowhere/plan", "/programs/nowhere/forecast"):
            self.assertEqual(self.vi.get(path).status, 404, path)
        nora = Browser(self.s, "nora")  # no role on phoenix
        for path in (PLAN, FORECAST):
            self.assertEqual(nora.get(path).status, 404, path)

    def test_without_a_session_the_pages_send_to_the_login(self):
        for path in (PLAN, FORECAST):
            r = self.s.call("GET", path)
            self.assertEqual(r.status, 303, r)
            self.assertEqual(r.headers["location"],
                             "/login?next=" + urllib.parse.quote(path, safe=""))

    def test_heat_map_cells_link_to_the_filtered_register(self):
        dashboard = text(self.vi.get("/programs/phoenix"))
        self.assertEqual(svg_title(dashboard, "trend-chart"), "Scorecard trend")
        self.assertEqual(svg_title(dashboard, "stakeholder-matrix"), "Stakeholders")
        links = re.findall(r'<a href="/programs/phoenix/risks\?cell=([1-5]),([1-5])"', dashboard)
        self.assertTrue(links)
        register = json.loads(self.s.cli("--json", "risks", "-p", "phoenix").stdout)["risks"]
        self.assertTrue(register)
        for likelihood, severity in links:
            page = text(self.vi.get(f"/programs/phoenix/risks?cell={likelihood},{severity}"))
            self.assertIn(f"likelihood {likelihood}, severity {severity}.", page)
            table = page[page.index("<tbody>"):page.index("</tbody>")]
            shown = set(re.findall(r'<th scope="row"><a href="[^"]*">([^<]*)</a>', table))
            expected = {r["id"] for r in register
                        if (str(r["likelihood"]), str(r["severity"])) == (likelihood, severity)
                        and r["status"] in ("open", "mitigating")}
            self.assertTrue(expected)
            self.assertEqual(shown, expected)
        # The status report keeps a heat map without links.
        status = text(self.vi.get("/programs/phoenix/status"))
        self.assertNotIn("risks?cell=", status)
        # A cell that is not one shows the whole register.
        page = text(self.vi.get("/programs/phoenix/risks?cell=9,9"))
        self.assertNotIn("Show every risk", page)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1], verbosity=2)
