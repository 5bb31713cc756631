"""The exports over HTTP: GET /api/v1/programs/{id}?format=xlsx|ics|csv as downloads a
viewer may take, each the same document as `tpmkit export` writes, and the errors."""
import io
import sys
import unittest

import harness
import openpyxl  # Debian's python3-openpyxl

BINARY = harness.binary_from_argv(sys.argv)
URL = "/api/v1/programs/phoenix"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = harness.ServerFixture(BINARY, env={"TPMKIT_NOW": "2026-06-15T09:30:00Z"})
        cls.server.__enter__()
        cls.viewer = cls.server.login("vi")

    @classmethod
    def tearDownClass(cls):
        cls.server.__exit__(None, None, None)

    def get(self, query, session=None):
        return self.server.call("GET", URL + query, session=session or self.viewer)

    def test_xlsx_is_a_workbook_download(self):
        r = self.get("?format=xlsx")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], XLSX)
        self.assertEqual(r.headers["content-disposition"], 'attachment; filename="phoenix.xlsx"')
        wb = openpyxl.load_workbook(io.BytesIO(r.body))
        self.assertEqual(wb.sheetnames[:2], ["Tasks", "Risks"])
        self.server.cli("export", "-p", "phoenix", "--format", "xlsx", "-o",
                        str(self.server.dir / "cli.xlsx"))
        self.assertEqual((self.server.dir / "cli.xlsx").read_bytes(), r.body,
                         "the API and the command line give the same workbook")

    def test_ics_and_csv(self):
        r = self.get("?format=ics&as_of=2026-06-15")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "text/calendar; charset=utf-8")
        self.assertEqual(r.headers["content-disposition"], 'attachment; filename="phoenix.ics"')
        self.assertTrue(r.body.startswith(b"BEGIN:VCALENDAR\r\n"))
        self.assertIn(b"UID:target@phoenix.tpmkit\r\n", r.body)

        r = self.get("?format=csv&register=risks")
        self.assertEqual(r.status, 200, r)
        self.assertEqual(r.headers["content-type"], "text/csv; charset=utf-8")
        self.assertEqual(r.headers["content-disposition"],
                         'attachment; filename="phoenix-risks.csv"')
        self.assertTrue(r.body.startswith(b"ID,Title,"))
        out = self.server.dir / "cli-risks.csv"
        self.server.cli("export", "-p", "phoenix", "--format", "csv", "--register", "risks", "-o",
                        str(out))
        self.assertEqual(out.read_bytes(), r.body)

    def test_bad_requests(self):
        for query, words in (("?format=csv", "register=NAME"),
                             ("?format=csv&register=issues", "unknown register 'issues'"),
                             ("?format=ics&register=risks", "csv only"),
                             ("?format=pdf", "expected json, yaml, mspdi, xlsx, ics or csv")):
            with self.subTest(query=query):
                r = self.get(query)
                self.assertEqual(r.status, 400, r)
                self.assertEqual(r.headers["content-type"].split(";")[0],
                                 "application/problem+json")
                self.assertIn(words, r.json()["detail"])
        r = self.server.call("GET", URL + "?format=xlsx")
        self.assertEqual(r.status, 401, "exports need a login")
        r = self.get("?format=xlsx", session=self.server.login("nora"))
        self.assertIn(r.status, (403, 404), "a user without a role gets no export")


if __name__ == "__main__":
    unittest.main(argv=sys.argv[:1])
