"""`tpmkit export --format xlsx|ics|csv` read back by the readers people's tools use.

The built binary exports a copy of examples/phoenix.yaml edited to be hostile: a risk
title that is a formula, a program name long enough to fold, with characters of two,
three and four octets. Then:

- xlsx: openpyxl (Debian python3-openpyxl) opens the workbook: the seven sheets, a
  frozen header row, an autofilter over the data, dates as datetime cells, money as
  numbers, the formula-looking title a string, the heat-map fills, the title property,
  the same bytes on every run (and on standard output when it is not a terminal, refused
  when it is);
- ics: every physical line ends with CRLF and holds at most 75 octets of valid UTF-8;
  python3-icalendar (or, where it is missing, a strict parser of RFC 5545's content
  lines) reads the events: one per dated thing of the program, all-day, with UIDs that
  are the same on two runs at different times;
- csv: Python's csv module reads every register; the formula-looking title is defused.

Usage: exports_test.py path/to/tpmkit [unittest options]
"""
import csv
import datetime
import io
import os
import pathlib
import pty
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

import openpyxl  # Debian's python3-openpyxl
import yaml  # Debian's python3-yaml

try:
    import icalendar  # Debian's python3-icalendar
except ImportError:  # pragma: no cover - the strict parser below stands in
    icalendar = None

sys.dont_write_bytecode = True
SOURCE = pathlib.Path(__file__).resolve().parents[2]
PHOENIX = SOURCE / "examples" / "phoenix.yaml"
BINARY = sys.argv.pop(1) if len(sys.argv) > 1 else str(SOURCE / "build" / "tpmkit")

NOW = "2026-06-15T09:30:00Z"
FORMULA = '=HYPERLINK("http://example.com/x","click")'
LONG_NAME = ("Projekt Phönix — émigré naïve café; 日本語のテキスト, 🚀🚀 "
             "the name that folds, more than once, in every calendar line")
SHEETS = ["Tasks", "Risks", "Stakeholders", "Decisions", "Changes", "Audit", "KPIs"]
REGISTERS = ["tasks", "risks", "stakeholders", "decisions", "changes", "audit", "kpis"]


def fixture_text():
    text = PHOENIX.read_text(encoding="utf-8")
    text, n = re.subn(r"(?m)^(  - id: R-01\n    title: ).*$", r"\g<1>'" + FORMULA.replace("'", "''") + "'",
                      text, count=1)
    assert n == 1, "no R-01 title in the example"
    text, n = re.subn(r"(?m)^  name: Project Phoenix$", "  name: " + LONG_NAME, text, count=1)
    assert n == 1, "no program name in the example"
    return text


def column_letter(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("A") + r) + s
    return s


def unfold(data):
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")


def strict_events(data):
    """RFC 5545 content lines, parsed strictly: name, parameters, value; BEGIN/END nesting.
    Returns the VEVENTs as dicts of name -> (params, value)."""
    text = unfold(data).decode("utf-8")
    assert text.endswith("\r\n"), "the calendar does not end with CRLF"
    stack, events, current = [], [], None
    for line in text[:-2].split("\r\n"):
        m = re.fullmatch(r"([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^:;]*)*):(.*)", line)
        assert m, f"not a content line: {line!r}"
        name, params, value = m.group(1).upper(), m.group(2), m.group(3)
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = {}
        elif name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not close {stack}"
            if value == "VEVENT":
                events.append(current)
                current = None
        elif current is not None:
            assert name not in current, f"{name} twice in an event"
            current[name] = (params, value)
    assert not stack, f"unclosed {stack}"
    return events


class ExportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = pathlib.Path(tempfile.mkdtemp(prefix="tpmkit-exports-"))
        cls.program = cls.dir / "phoenix.yaml"
        cls.program.write_text(fixture_text(), encoding="utf-8")
        cls.data = yaml.safe_load(cls.program.read_text(encoding="utf-8"))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def run_tpmkit(self, *args, now=NOW, check=True, stdout=subprocess.PIPE):
        env = dict(os.environ, TPMKIT_DB=str(self.dir / "none.db"), TPMKIT_NOW=now,
                   NO_COLOR="1")
        r = subprocess.run([BINARY, *args], env=env, stdout=stdout, stderr=subprocess.PIPE,
                           timeout=300)
        if check:
            self.assertEqual(r.returncode, 0, f"tpmkit {' '.join(args)}: {r.stderr.decode()}")
        return r

    def export(self, fmt, *extra, now=NOW):
        return self.run_tpmkit("export", "-f", str(self.program), "--format", fmt, *extra,
                               now=now).stdout

    # -- xlsx -------------------------------------------------------------------------
    def test_xlsx_opens_as_a_spreadsheet_with_typed_cells(self):
        out = self.dir / "phoenix.xlsx"
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "xlsx", "-o", str(out))
        self.assertIn(b"Wrote", r.stderr)
        wb = openpyxl.load_workbook(out)
        self.assertEqual(wb.sheetnames, SHEETS)
        self.assertEqual(wb.properties.title, LONG_NAME)
        self.assertFalse(wb.properties.creator, "no author taken from the system")
        for ws in wb.worksheets:
            with self.subTest(sheet=ws.title):
                self.assertEqual(ws.freeze_panes, "A2")
                last = f"{column_letter(ws.max_column)}{ws.max_row}"
                self.assertEqual(ws.auto_filter.ref, f"A1:{last}")
                self.assertTrue(all(c.font.b for c in ws[1]), "the header is bold")

        def header(ws):
            return {c.value: c.column for c in ws[1]}

        tasks = wb["Tasks"]
        h = header(tasks)
        n_tasks = sum(len(p["tasks"]) for p in self.data["projects"])
        self.assertEqual(tasks.max_row, 1 + n_tasks)
        for row in range(2, tasks.max_row + 1):
            start = tasks.cell(row, h["Start"])
            self.assertIsInstance(start.value, datetime.datetime)
            self.assertEqual(start.number_format, "yyyy-mm-dd")
        first = tasks.cell(2, h["Start"]).value
        self.assertEqual(first.date(), datetime.date(2026, 1, 5))
        costs = [tasks.cell(r, h["Cost (USD)"]) for r in range(2, tasks.max_row + 1)]
        costed = [c for c in costs if c.value is not None]
        self.assertTrue(costed)
        for c in costed:
            self.assertIsInstance(c.value, (int, float))
            self.assertEqual(c.data_type, "n")
            self.assertEqual(c.number_format, "#,##0")
        total = sum(c.value for c in costed)
        self.assertEqual(total, sum(t.get("cost", 0) for p in self.data["projects"]
                                    for t in p["tasks"]))

        risks = wb["Risks"]
        h = header(risks)
        self.assertEqual(risks.max_row, 1 + len(self.data["risks"]))
        titles = {risks.cell(r, h["ID"]).value: risks.cell(r, h["Title"])
                  for r in range(2, risks.max_row + 1)}
        cell = titles["R-01"]
        self.assertEqual(cell.value, FORMULA)
        self.assertEqual(cell.data_type, "s", "a title that looks like a formula stays text")
        self.assertEqual(risks.cell(2, h["Probability"]).number_format, "0.0%")
        fills = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
        seen = set()
        for r in range(2, risks.max_row + 1):
            score = risks.cell(r, h["Score (1-25)"])
            self.assertEqual(score.data_type, "n")
            want = "green" if score.value <= 4 else "amber" if score.value < 12 else "red"
            self.assertEqual(score.fill.fill_type, "solid")
            self.assertTrue(score.fill.fgColor.rgb.upper().endswith(fills[want]),
                            f"score {score.value}: fill {score.fill.fgColor.rgb}")
            seen.add(want)
        self.assertGreaterEqual(len(seen), 2, "the example has risks of several colours")

        kpis = wb["KPIs"]
        self.assertEqual([kpis.cell(r, 1).value for r in range(2, kpis.max_row + 1)],
                         ["spi", "cpi", "p_on_time", "readiness", "satisfaction", "risk_score"])
        ratings = [kpis.cell(r, header(kpis)["Rating"]) for r in range(2, kpis.max_row + 1)]
        self.assertTrue(any(c.value in ("green", "amber", "red") for c in ratings))

    def test_xlsx_is_reproducible_and_goes_to_a_pipe(self):
        first = self.export("xlsx")
        time.sleep(1.1)  # a time-stamped zip entry would differ now
        second = self.export("xlsx")
        self.assertEqual(first[:4], b"PK\x03\x04")
        self.assertEqual(first, second)
        later = self.export("xlsx", now="2026-06-16T09:30:00Z")
        self.assertNotEqual(first, later, "the creation time comes from the clock")
        openpyxl.load_workbook(io.BytesIO(first))

    def test_xlsx_refuses_a_terminal(self):
        leader, follower = pty.openpty()
        try:
            r = self.run_tpmkit("export", "-f", str(self.program), "--format", "xlsx",
                                check=False, stdout=follower)
        finally:
            os.close(follower)
            os.close(leader)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"standard output is a terminal", r.stderr)

    # -- ics --------------------------------------------------------------------------
    def expected_events(self):
        tasks = [t for p in self.data["projects"] for t in p["tasks"]]
        audit = self.data.get("audit", {}).get("items", [])
        return (1 + sum(1 for t in tasks if t.get("milestone")) +
                sum(1 for t in tasks if t.get("deadline")) + len(self.data["stakeholders"]) +
                sum(1 for i in audit if i.get("due")))

    def test_ics_lines_are_crlf_folded_utf8(self):
        data = self.export("ics")
        self.assertTrue(data.endswith(b"\r\n"))
        lines = data[:-2].split(b"\r\n")
        for line in lines:
            self.assertNotIn(b"\n", line)
            self.assertNotIn(b"\r", line)
            self.assertLessEqual(len(line), 75, line)
            line.decode("utf-8")  # no fold inside a character
        self.assertTrue(any(line.startswith(b" ") for line in lines), "something was folded")
        text = unfold(data).decode("utf-8")
        self.assertIn("X-WR-CALNAME:" + LONG_NAME.replace(",", "\\,").replace(";", "\\;"), text)

    def test_ics_parses_into_all_day_events_with_stable_uids(self):
        first = self.export("ics")
        second = self.export("ics", now="2026-07-01T12:00:00Z")
        if icalendar is not None:
            def events(data):
                cal = icalendar.Calendar.from_ical(data)
                self.assertEqual(str(cal["VERSION"]), "2.0")
                return [{"UID": str(e["UID"]), "DTSTART": e.decoded("DTSTART"),
                         "DTEND": e.decoded("DTEND"), "DTSTAMP": e.decoded("DTSTAMP"),
                         "SUMMARY": str(e["SUMMARY"])} for e in cal.walk("VEVENT")]
        else:
            def events(data):
                out = []
                for e in strict_events(data):
                    out.append({
                        "UID": e["UID"][1],
                        "DTSTART": datetime.datetime.strptime(e["DTSTART"][1], "%Y%m%d").date(),
                        "DTEND": datetime.datetime.strptime(e["DTEND"][1], "%Y%m%d").date(),
                        "DTSTAMP": datetime.datetime.strptime(
                            e["DTSTAMP"][1], "%Y%m%dT%H%M%SZ").replace(
                                tzinfo=datetime.timezone.utc),
                        "SUMMARY": e["SUMMARY"][1]})
                    self.assertEqual(e["DTSTART"][0], ";VALUE=DATE")
                return out
        a, b = events(first), events(second)
        self.assertEqual(len(strict_events(first)), len(a), "both parsers see every event")
        self.assertEqual(len(a), self.expected_events())
        uids = [e["UID"] for e in a]
        self.assertEqual(len(set(uids)), len(uids), "UIDs are unique")
        self.assertEqual(uids, [e["UID"] for e in b], "UIDs are stable across runs")
        self.assertIn("target@phoenix.tpmkit", uids)
        for e in a:
            self.assertIs(type(e["DTSTART"]), datetime.date, "an all-day event")
            self.assertEqual(e["DTEND"] - e["DTSTART"], datetime.timedelta(days=1))
            self.assertEqual(e["DTSTAMP"], datetime.datetime(2026, 6, 15, 9, 30,
                                                             tzinfo=datetime.timezone.utc))
        self.assertNotEqual(a[0]["DTSTAMP"], b[0]["DTSTAMP"])
        target = next(e for e in a if e["UID"] == "target@phoenix.tpmkit")
        self.assertEqual(target["DTSTART"], datetime.date(2026, 9, 30))
        self.assertEqual(target["SUMMARY"], "Target: " + LONG_NAME)

    # -- csv --------------------------------------------------------------------------
    def test_csv_registers_read_back(self):
        folder = self.dir / "registers"
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "csv", "-o",
                            str(folder))
        self.assertEqual(r.stderr.decode().count("Wrote "), len(REGISTERS))
        self.assertEqual(sorted(p.name for p in folder.iterdir()),
                         sorted(f"{n}.csv" for n in REGISTERS))
        wb_rows = {}
        for name in REGISTERS:
            raw = (folder / f"{name}.csv").read_bytes()
            self.assertTrue(raw.endswith(b"\r\n"))
            self.assertFalse(raw.startswith(b"\xef\xbb\xbf"), "no byte order mark")
            rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
            self.assertTrue(all(len(row) == len(rows[0]) for row in rows), name)
            wb_rows[name] = rows
        self.assertEqual(len(wb_rows["risks"]) - 1, len(self.data["risks"]))
        self.assertEqual(len(wb_rows["stakeholders"]) - 1, len(self.data["stakeholders"]))
        risks = {row[0]: row for row in wb_rows["risks"][1:]}
        self.assertEqual(risks["R-01"][1], "'" + FORMULA, "a formula-looking text is defused")
        header = wb_rows["risks"][0]
        self.assertEqual(header[:3], ["ID", "Title", "Category"])
        self.assertEqual(float(risks["R-01"][header.index("Probability")]), 0.4)
        # One register on standard output: the same bytes as its file.
        one = self.export("csv", "--register", "risks")
        self.assertEqual(one, (folder / "risks.csv").read_bytes())

    def test_csv_usage_errors_change_nothing(self):
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "csv", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"--register", r.stderr)
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "csv", "--register",
                            "issues", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"unknown register 'issues'", r.stderr)
        target = self.dir / "a-file.txt"
        target.write_text("keep me", encoding="utf-8")
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "csv", "-o",
                            str(target), check=False)
        self.assertEqual(r.returncode, 2)
        self.assertEqual(target.read_text(encoding="utf-8"), "keep me")
        r = self.run_tpmkit("export", "-f", str(self.program), "--format", "ics", "--register",
                            "risks", check=False)
        self.assertEqual(r.returncode, 2)


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1] + sys.argv[1:])
