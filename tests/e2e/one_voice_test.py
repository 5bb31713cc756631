#!/usr/bin/python3
"""End to end: one voice for Project Phoenix (issue 9). The commands an executive hears
from (show, status, forecast, evm, changes, changes assess, decide and escalate) quote the
same numbers: the same P80 finish and chance of making the target, the same money model
(budget, BAC, contingency, EAC, forecast final cost, headroom), decide's option costs as
forecast final costs that escalate's option costs add up to, and escalate --decision
recommending what decide recommends. Runs the built binary on examples/phoenix.yaml in a
fresh workspace, every command with the same iterations and seed.

Usage: one_voice_test.py TPMKIT_BINARY"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

BINARY = os.path.abspath(sys.argv.pop(1)) if len(sys.argv) > 1 else "build/tpmkit"
SOURCE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PHOENIX = os.path.join(SOURCE, "examples", "phoenix.yaml")
RUNS = ["--iterations", "10000", "--seed", "1"]  # the defaults, spelled out
MONEY_KEYS = ["budget", "bac", "contingency", "approved_changes", "contingency_left", "eac",
              "forecast_final_cost", "headroom"]


class OneVoiceTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="tpmkit-one-voice-")
        # TPMKIT_TEST_DB: an empty workspace elsewhere, e.g. PostgreSQL (e2e.one_voice_postgres).
        workspace = os.environ.get("TPMKIT_TEST_DB") or os.path.join(cls.tmp.name, "w.db")
        cls.env = dict(os.environ, TPMKIT_DB=workspace,
                       TPMKIT_ACTOR="e2e", NO_COLOR="1", TPMKIT_NOW="2026-06-15T09:30:00Z")
        cls.run_json("apply", PHOENIX)
        cls.show = cls.run_json("show")
        cls.status = cls.run_json("status", *RUNS)
        cls.forecast = cls.run_json("forecast", *RUNS)
        cls.evm = cls.run_json("evm")
        cls.changes = cls.run_json("changes")
        cls.assess = cls.run_json("changes", "assess", "CR-03", *RUNS)
        cls.decide = cls.run_json("decide", "D-01", *RUNS)
        cls.escalate = cls.run_json("escalate", "--risk", "R-07", "--decision", "D-01", "--to",
                                    "cfo", *RUNS)
        cls.escalate_generic = cls.run_json("escalate", "--risk", "R-07", "--to", "cfo", *RUNS)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def run_json(cls, *args):
        p = subprocess.run([BINARY, *args, "--json"], env=cls.env, capture_output=True,
                           text=True, cwd=SOURCE)
        if p.returncode != 0:
            raise AssertionError(f"tpmkit {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
        return json.loads(p.stdout)

    def test_the_finish_is_the_same_everywhere(self):
        p80 = self.forecast["finish"]["p80"]
        chance = self.forecast["p_on_time"]
        self.assertEqual(self.show["forecast"]["p80"], p80)
        self.assertEqual(self.show["forecast"]["p_on_time"], chance)
        self.assertEqual(self.status["finish"]["p80"], p80)
        self.assertEqual(self.status["finish"]["p_on_time"], chance)
        self.assertEqual(self.assess["p80_before"], p80)
        self.assertEqual(self.assess["p_on_time_before"], chance)
        self.assertEqual(self.escalate["impact"]["p80_before"], p80)
        # The critical-path finish is the schedule's, named as such.
        self.assertEqual(self.show["finish"], self.status["finish"]["schedule"])
        self.assertEqual(self.assess["finish_before"], self.show["finish"])

    def test_the_money_is_one_model(self):
        money = self.evm["money"]
        for name, other in [("show", self.show["money"]), ("changes", self.changes["money"]),
                            ("changes assess", self.assess["money"]),
                            ("escalate", self.escalate["money"])]:
            for key in MONEY_KEYS:
                self.assertAlmostEqual(other[key], money[key], places=6, msg=f"{name}: {key}")
        status = self.status["money"]
        for key in ["budget", "bac", "eac", "forecast_final_cost", "headroom", "contingency",
                    "approved_changes", "contingency_left"]:
            self.assertAlmostEqual(status[key], money[key], places=6, msg=f"status: {key}")
        # Phoenix: 2,400,000 approved, 2,210,000 planned, 190,000 contingency, 45,000 of
        # CR-02 approved and not yet in the plan; EAC = BAC / CPI.
        self.assertEqual(money["budget"], 2400000)
        self.assertEqual(money["bac"], self.evm["bac"])
        self.assertEqual(money["contingency"], 190000)
        self.assertEqual(money["contingency_left"], 145000)
        self.assertEqual(money["eac"], self.evm["eac"])
        self.assertAlmostEqual(money["forecast_final_cost"], self.evm["eac"] + 45000, places=6)
        self.assertAlmostEqual(money["headroom"], 2400000 - money["forecast_final_cost"], places=6)
        self.assertEqual(round(money["headroom"]), 11638)
        # changes assess prices the change against the forecast final cost.
        self.assertAlmostEqual(self.assess["cost_before"], money["forecast_final_cost"], delta=0.01)
        self.assertAlmostEqual(self.assess["cost_after"] - self.assess["cost_before"],
                               self.assess["cost_delta"], places=2)

    def test_decide_and_escalate_agree_on_the_options(self):
        final = self.evm["money"]["forecast_final_cost"]
        ranking = {r["option"]: r for r in self.decide["ranking"]}
        options = self.escalate["options"]
        # Escalate presents the decision's options in decide's order and recommends its pick.
        self.assertEqual([o["id"] for o in options],
                         [r["option"] for r in self.decide["ranking"]])
        self.assertEqual(self.escalate["recommendation"]["option"], self.decide["recommendation"])
        for o in options:
            decided = ranking[o["id"]]["metrics"]["cost"]
            added = o["cost"] or 0
            # decide's cost is the forecast final cost with the option; escalate's is what
            # the option adds to it.
            self.assertAlmostEqual(decided, final + added, delta=0.01, msg=o["id"])
            self.assertAlmostEqual(o["final_cost"], final + self.escalate["impact"]["cost"] + added,
                                   delta=0.01, msg=o["id"])
        move = next(o for o in options if o["id"] == "move-date")
        self.assertEqual(move["cost"], 95000)
        self.assertEqual(move["freeze_start"], "2026-10-01")

    def test_the_generic_escalation_prices_moving_the_date(self):
        options = {o["id"]: o for o in self.escalate_generic["options"]}
        extend = options["extend-deadline"]
        # Moving the target costs what decision D-01 says, and lands in the change freeze.
        self.assertEqual(extend["cost"], 95000)
        self.assertEqual(extend["target"], "2026-10-30")
        self.assertEqual(extend["freeze_start"], "2026-10-01")
        self.assertNotEqual(self.escalate_generic["recommendation"]["option"], "extend-deadline")
        self.assertNotIn("no added cost", self.escalate_generic["body"])

    def test_the_escalation_reads_as_a_message(self):
        for e in (self.escalate, self.escalate_generic):
            self.assertLessEqual(len(e["subject"]), 80)
            self.assertTrue(e["subject"][0].isdigit(), e["subject"])  # the headline number
            body = e["body"].split("\n\n", 1)[1]  # without the Subject line
            # About 250 words of content, plus greeting, headings and sign-off.
            self.assertLessEqual(len(body.split()), 280, body)
            self.assertNotIn("APPENDIX", body)
            self.assertEqual(e["from"], "Dana Lee")  # the sponsor, not the OS user or actor
            self.assertTrue(e["appendix"])


if __name__ == "__main__":
    unittest.main()
