#!/usr/bin/python3
"""End to end: the weekly status report as the people who receive it open it. Runs the
built binary on examples/phoenix.yaml in a fresh workspace and checks the HTML page
(self-contained: no script, nothing loaded from elsewhere, the charts inline), the email
(multipart text + HTML, parsed by Python's email package without defects), the PDF and a
screenshot (headless Chromium; skipped when it is not installed), and snapshots (the
second report compares with the first).

Usage: status_test.py TPMKIT_BINARY"""
import email
import email.policy
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/tpmkit"
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHOENIX = os.path.join(SOURCE, "examples", "phoenix.yaml")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Page(html.parser.HTMLParser):
    """Collects what a self-contained page must not have, and what it must."""

    def __init__(self):
        super().__init__()
        self.tags = []
        self.external = []
        self.svgs = 0
        self.open = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "svg":
            self.svgs += 1
        for name, value in attrs:
            if name in ("src", "href") or (name == "xlink:href"):
                self.external.append((tag, name, value))
            if name.startswith("on"):
                self.external.append((tag, name, value))


class StatusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="tpmkit-status-")
        # TPMKIT_TEST_DB: an empty workspace elsewhere, e.g. PostgreSQL (e2e.status_postgres).
        workspace = os.environ.get("TPMKIT_TEST_DB") or os.path.join(cls.tmp, "w.db")
        cls.env = dict(os.environ, TPMKIT_DB=workspace,
                       TPMKIT_ACTOR="e2e", NO_COLOR="1")
        cls.run_ok("apply", PHOENIX)
        cls.run_ok("status", "--as-of", "2026-06-08", "--snapshot", "--iterations", "500")
        cls.run_ok("risk", "update", "R-07", "--probability", "0.9")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    @classmethod
    def run_ok(cls, *args):
        r = subprocess.run([BINARY, *args], env=cls.env, cwd=SOURCE, capture_output=True)
        if r.returncode != 0:
            raise AssertionError(f"{args}: exit {r.returncode}: {r.stderr.decode()}")
        return r.stdout

    def test_html_page_is_self_contained_with_its_charts(self):
        out = os.path.join(self.tmp, "status.html")
        self.run_ok("status", "--format", "html", "-o", out, "--iterations", "500")
        text = open(out, encoding="utf-8").read()
        page = Page()
        page.feed(text)
        self.assertNotIn("script", page.tags)
        self.assertEqual(page.external, [], "nothing loads from elsewhere")
        self.assertGreaterEqual(page.svgs, 6, "finish, roadmap, EVM, heat map, trend, matrix")
        self.assertIn("Changed since the snapshot of 2026-06-08", text)
        self.assertNotRegex(text, r"NaN|inf\b")

    def test_email_is_multipart_text_and_html(self):
        raw = self.run_ok("status", "--format", "eml", "--to", "Dana Lee <dana@example.com>",
                          "--from", "Ana Ruiz <ana@example.com>", "--iterations", "500")
        self.assertIn(b"\r\n\r\n", raw)
        self.assertNotRegex(raw, rb"[^\r]\n", "every line ends with CRLF")
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        self.assertEqual(msg.defects, [])
        self.assertEqual(msg.get_content_type(), "multipart/alternative")
        self.assertIn("Weekly status of Project Phoenix", str(msg["Subject"]))
        self.assertEqual(msg["To"].addresses[0].addr_spec, "dana@example.com")
        parts = list(msg.iter_parts())
        self.assertEqual([p.get_content_type() for p in parts], ["text/plain", "text/html"])
        self.assertIn("Project Phoenix", parts[0].get_content())
        self.assertIn("<svg", parts[1].get_content())
        for part in parts:
            self.assertEqual(part.defects, [])

    def test_eml_without_addresses_is_a_usage_error(self):
        r = subprocess.run([BINARY, "status", "--format", "eml"], env=self.env, cwd=SOURCE,
                           capture_output=True)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--to and --from", r.stderr)

    def test_snapshots_make_the_second_report_compare_with_the_first(self):
        doc = json.loads(self.run_ok("status", "--json", "--iterations", "500"))
        self.assertEqual(doc["previous"], "2026-06-08")
        r07 = [r for r in doc["top_risks"] if r["id"] == "R-07"][0]
        self.assertEqual((r07["previous_score"], r07["score"]), (16, 20))
        self.assertTrue(any(k["trend"] for k in doc["kpis"]))
        log = json.loads(self.run_ok("log", "--json"))
        self.assertIn("snapshot", [e["entity"] for e in log["entries"]])
        self.run_ok("audit", "verify")

    @unittest.skipUnless(CHROMIUM, "chromium is not installed")
    def test_pdf_has_pages(self):
        out = os.path.join(self.tmp, "status.pdf")
        self.run_ok("status", "--format", "pdf", "-o", out, "--iterations", "500")
        data = open(out, "rb").read()
        self.assertTrue(data.startswith(b"%PDF-"))
        pages = len(re.findall(rb"/Type\s*/Page\b", data))
        self.assertGreaterEqual(pages, 2, "the report spans pages")
        self.assertLessEqual(pages, 8)

    @unittest.skipUnless(CHROMIUM, "chromium is not installed")
    def test_page_renders_in_chromium(self):
        page = os.path.join(self.tmp, "shot.html")
        self.run_ok("status", "--format", "html", "-o", page, "--iterations", "500")
        shot = os.path.join(self.tmp, "shot.png")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                        "--hide-scrollbars", "--window-size=1000,1400",
                        f"--user-data-dir={self.tmp}/profile", f"--screenshot={shot}",
                        "file://" + page], capture_output=True, timeout=120)
        with open(shot, "rb") as f:
            png = f.read()
        self.assertTrue(png.startswith(b"\x89PNG"))
        width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
        self.assertEqual((width, height), (1000, 1400))
        self.assertGreater(len(png), 50_000, "a page with tables and charts, not a blank one")


if __name__ == "__main__":
    unittest.main()
