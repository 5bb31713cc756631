// End-to-end tests of scorecard, risks, risk add|update|close, evm, escalate and review:
// the built binary on real files and workspaces.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;

std::string Phoenix() { return Example("phoenix.yaml").string(); }

json Json(const Run& r) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

// Compares `actual` with tests/golden/NAME; TPMKIT_UPDATE_GOLDEN=1 rewrites the file.
void Golden(const std::string& name, const std::string& actual) {
  const auto path = SourceDir() / "tests" / "golden" / name;
  if (const char* u = std::getenv("TPMKIT_UPDATE_GOLDEN"); u && std::string(u) == "1") {
    WriteFile(path, actual);
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing; run with "
                                             << "TPMKIT_UPDATE_GOLDEN=1 to create it";
  EXPECT_EQ(actual, ReadFile(path)) << "golden " << name << " differs";
}

// The first open or mitigating risk of phoenix's register with schedule and cost impact.
std::string EscalatableRisk(const TempDir& dir) {
  auto rk = Json(Tpmkit({"risks", "-f", Phoenix(), "--json"}, dir.path()));
  for (const auto& r : rk["risks"]) {
    if (!r["exposure_days"].is_null() && !r["exposure_cost"].is_null() &&
        (r["status"] == "open" || r["status"] == "mitigating")) {
      return r["id"];
    }
  }
  return "";
}

TEST(Toolkit1, JsonKeysPerCliMd) {
  TempDir dir;
  auto ev = Json(Tpmkit({"evm", "-f", Phoenix(), "--json", "--as-of", "2026-06-15"}, dir.path()));
  for (const char* k :
       {"as_of", "pv", "ev", "ac", "bac", "sv", "cv", "spi", "cpi", "eac", "eac_atypical",
        "eac_cpi_spi", "etc", "vac", "tcpi", "earned_schedule", "spi_t", "ieac_t"}) {
    EXPECT_TRUE(ev.contains(k)) << k;
  }
  EXPECT_EQ(ev["as_of"], "2026-06-15");
  auto rk = Json(Tpmkit({"risks", "-f", Phoenix(), "--json"}, dir.path()));
  ASSERT_FALSE(rk["risks"].empty());
  for (const char* k : {"id", "title", "category", "owner", "status", "likelihood", "severity",
                        "score", "residual_score", "exposure_cost", "exposure_days"}) {
    EXPECT_TRUE(rk["risks"][0].contains(k)) << k;
  }
  ASSERT_EQ(rk["heatmap"].size(), 5u);
  ASSERT_EQ(rk["heatmap"][0].size(), 5u);
  auto sc = Json(Tpmkit(
      {"scorecard", "-f", Phoenix(), "--json", "--suggest", "--iterations", "500"}, dir.path()));
  for (const char* k : {"score", "band", "ratings", "trend", "suggested"}) {
    EXPECT_TRUE(sc.contains(k)) << k;
  }
  for (const char* k : {"ratings", "score", "reasons"}) EXPECT_TRUE(sc["suggested"].contains(k));
  auto rv = Json(Tpmkit({"review", "-f", Phoenix(), "--json", "--iterations", "500"}, dir.path()));
  ASSERT_TRUE(rv["findings"].is_array());
  for (const auto& f : rv["findings"]) {
    for (const char* k : {"theme", "question", "subject", "detail"}) EXPECT_TRUE(f.contains(k));
  }
}

TEST(Toolkit1, EscalateJsonAndMissingData) {
  TempDir dir;
  const std::string risk = EscalatableRisk(dir);
  ASSERT_FALSE(risk.empty());
  auto e = Json(Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Dana Lee", "--from",
                        "Sofia Marin", "--format", "json", "--iterations", "500"},
                       dir.path()));
  for (const char* k :
       {"subject", "to", "issue", "impact", "options", "recommendation", "ask", "body"}) {
    EXPECT_TRUE(e.contains(k)) << k;
  }
  for (const char* k : {"schedule_days", "cost", "p80_before", "p80_after"}) {
    EXPECT_TRUE(e["impact"].contains(k)) << k;
  }
  EXPECT_GE(e["impact"]["schedule_days"].get<int>(), 0);
  EXPECT_GE(e["impact"]["p80_after"].get<std::string>(),
            e["impact"]["p80_before"].get<std::string>());
  EXPECT_EQ(e["options"].size(), 3u);
  // Unknown addressee, unknown risk: exit 2, naming what is wrong.
  auto bad =
      Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Nobody Known"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("Nobody Known"), std::string::npos) << bad.err;
  bad = Tpmkit({"escalate", "-f", Phoenix(), "--risk", "R-404", "--to", "Dana Lee"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("R-404"), std::string::npos);
  // A risk without impact: the escalation names what is missing.
  std::string text = ReadFile(SourceDir() / "tests/data/valid/complete-review.yaml");
  text.replace(text.find("    impact: {schedule: 5d, cost: 10000, tasks: [build]}\n"),
               std::string("    impact: {schedule: 5d, cost: 10000, tasks: [build]}\n").size(), "");
  WriteFile(dir.path() / "p.yaml", text);
  bad = Tpmkit({"escalate", "-f", "p.yaml", "--risk", "R-1", "--to", "Dana Lee"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.err.find("risk R-1 states no impact to escalate"), std::string::npos) << bad.err;
}

TEST(Toolkit1, EscalateEmlParsesWithARealMimeParser) {
  TempDir dir;
  const std::string risk = EscalatableRisk(dir);
  auto run =
      Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to",
              "Dana Lee <dana.lee@example.com>", "--from", "Sofia Marin <sofia.marin@example.com>",
              "--format", "eml", "--as-of", "2026-06-15", "--iterations", "500"},
             dir.path());
  ASSERT_EQ(run.exit_code, 0) << run.err;
  WriteFile(dir.path() / "m.eml", run.out);
  const std::string cmd = "/usr/bin/python3 " + (SourceDir() / "tests/e2e/parse_eml.py").string() +
                          " " + (dir.path() / "m.eml").string() + " > " +
                          (dir.path() / "parsed.txt").string() + " 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_EQ(rc, 0) << ReadFile(dir.path() / "parsed.txt");
  EXPECT_NE(ReadFile(dir.path() / "parsed.txt").find("Mon, 15 Jun 2026 09:00:00 +0000"),
            std::string::npos);
  // Without addresses, eml names what is missing and exits 2.
  auto bad = Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Dana Lee", "--from",
                     "Sofia Marin", "--format", "eml"},
                    dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("email address"), std::string::npos) << bad.err;
}

TEST(Toolkit1, ReviewStrictExitCodes) {
  TempDir dir;
  auto complete = (SourceDir() / "tests/data/valid/complete-review.yaml").string();
  auto ok = Tpmkit({"review", "-f", complete, "--strict", "--iterations", "500"}, dir.path());
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  auto j = Json(Tpmkit({"review", "-f", complete, "--json", "--iterations", "500"}, dir.path()));
  EXPECT_TRUE(j["findings"].empty()) << j.dump(2);
  auto phoenix = Tpmkit({"review", "-f", Phoenix(), "--strict", "--iterations", "500"}, dir.path());
  auto pj = Json(Tpmkit({"review", "-f", Phoenix(), "--json", "--iterations", "500"}, dir.path()));
  EXPECT_EQ(phoenix.exit_code, pj["findings"].empty() ? 0 : 1);
  // Without --strict, findings do not fail the command.
  auto loose = Tpmkit({"review", "-f", Phoenix(), "--iterations", "500"}, dir.path());
  EXPECT_EQ(loose.exit_code, 0);
  // A bank naming an unknown theme: FILE:LINE:COLUMN and exit 2.
  WriteFile(dir.path() / "bank.yaml",
            "themes:\n  risks:\n    question: Who owns it?\n"
            "  riskz:\n    question: Typo?\n");
  auto bad = Tpmkit({"review", "-f", complete, "--bank", "bank.yaml"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bank.yaml:4:3: unknown theme 'riskz'"), std::string::npos) << bad.err;
}

TEST(Toolkit1, RiskEditsAreValidatedAndAudited) {
  TempDir dir;
  ASSERT_EQ(Tpmkit({"init"}, dir.path()).exit_code, 0);
  ASSERT_EQ(Tpmkit({"apply", (SourceDir() / "tests/data/valid/complete-review.yaml").string()},
                   dir.path())
                .exit_code,
            0);
  auto before = Tpmkit({"export"}, dir.path()).out;
  auto bad = Tpmkit({"risk", "add", "R-2", "--title", "Too likely", "--category", "vendor",
                     "--owner", "Ana Ruiz", "--probability", "1.7", "--severity", "3"},
                    dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_EQ(Tpmkit({"export"}, dir.path()).out, before);
  auto add = Tpmkit({"risk", "add", "R-2", "--title", "Staff leave in August", "--category",
                     "schedule", "--owner", "Ana Ruiz", "--probability", "0.3", "--severity", "3",
                     "--mitigation", "Plan cover early"},
                    dir.path());
  EXPECT_EQ(add.exit_code, 0) << add.err;
  auto upd = Tpmkit({"risk", "update", "R-2", "--probability", "0.6"}, dir.path());
  EXPECT_EQ(upd.exit_code, 0) << upd.err;
  auto close = Tpmkit({"risk", "close", "R-2"}, dir.path());
  EXPECT_EQ(close.exit_code, 0) << close.err;
  auto missing = Tpmkit({"risk", "update", "R-404", "--probability", "0.6"}, dir.path());
  EXPECT_EQ(missing.exit_code, 2);
  auto rk = Json(Tpmkit({"risks", "--json"}, dir.path()));
  bool found = false;
  for (const auto& r : rk["risks"]) {
    if (r["id"] == "R-2") {
      found = true;
      EXPECT_EQ(r["status"], "closed");
      EXPECT_EQ(r["likelihood"], 4);  // 0.6 -> 4
    }
  }
  EXPECT_TRUE(found);
  auto log = Json(Tpmkit({"log", "--entity", "risk", "--json"}, dir.path()));
  EXPECT_GE(log["entries"].size(), 3u);
  auto assess = Tpmkit({"scorecard", "assess", "--rating", "schedule=4", "--rating", "vendor=2",
                        "--by", "Ana Ruiz", "--as-of", "2026-02-02"},
                       dir.path());
  EXPECT_EQ(assess.exit_code, 0) << assess.err;
  auto sc = Json(Tpmkit({"scorecard", "--json"}, dir.path()));
  // (15 * 3 + 15 * 1) / (4 * 30) * 100 = 50.
  EXPECT_DOUBLE_EQ(sc["score"].get<double>(), 50.0);
  EXPECT_EQ(sc["band"], "high");
  auto bad_rating =
      Tpmkit({"scorecard", "assess", "--rating", "schedule=9", "--by", "Ana"}, dir.path());
  EXPECT_EQ(bad_rating.exit_code, 2);
}

TEST(Toolkit1, GoldenTexts) {
  TempDir dir;
  auto evm = Tpmkit({"evm", "-f", Phoenix(), "--as-of", "2026-06-15"}, dir.path());
  ASSERT_EQ(evm.exit_code, 0) << evm.err;
  Golden("evm_phoenix.txt", evm.out);
  auto review = Tpmkit(
      {"review", "-f", Phoenix(), "--as-of", "2026-06-15", "--seed", "7", "--iterations", "2000"},
      dir.path());
  ASSERT_EQ(review.exit_code, 0) << review.err;
  Golden("review_phoenix.txt", review.out);
  const std::string risk = EscalatableRisk(dir);
  auto esc = Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Dana Lee", "--from",
                     "Sofia Marin", "--as-of", "2026-06-15", "--seed", "7", "--iterations", "2000"},
                    dir.path());
  ASSERT_EQ(esc.exit_code, 0) << esc.err;
  Golden("escalate_phoenix.txt", esc.out);
}

// A one-task program with the given extra sections (risks, scorecard, ...).
std::string SmallProgram(const std::string& extra) {
  return "tpmkit: 1\n"
         "program: {id: small, name: Small, sponsor: Dana Lee, start: 2026-01-05}\n"
         "projects:\n"
         "  - id: core\n"
         "    name: Core\n"
         "    tasks:\n"
         "      - {id: build, name: Build, owner: Ana Ruiz, duration: 10d, cost: 1000}\n" +
         extra;
}

TEST(Toolkit1, RisksJsonFollowsSection4OnAHandBuiltRegister) {
  TempDir dir;
  // Probabilities on and just past the likelihood cut-offs 0.1, 0.3, 0.5, 0.7.
  WriteFile(
      dir.path() / "r.yaml",
      SmallProgram("risks:\n"
                   "  - {id: R-a, title: A, category: vendor, owner: Ana, status: open,\n"
                   "     probability: 0.1, severity: 5, impact: {schedule: 2d, cost: 1000}}\n"
                   "  - {id: R-b, title: B, category: budget, owner: Ana, status: mitigating,\n"
                   "     probability: 0.3, severity: 3, impact: {cost: 2000},\n"
                   "     residual: {probability: 0.05, severity: 2}}\n"
                   "  - {id: R-f, title: F, category: schedule, owner: Ana, status: open,\n"
                   "     probability: 0.5, severity: 2, impact: {cost: 5000}}\n"
                   "  - {id: R-c, title: C, category: schedule, owner: Ana, status: open,\n"
                   "     probability: 0.5, severity: 2, impact: {cost: 5000}}\n"
                   "  - {id: R-d, title: D, category: regulatory, owner: Ana, status: closed,\n"
                   "     probability: 0.7, severity: 4}\n"
                   "  - {id: R-e, title: E, category: vendor, owner: Ana, status: realized,\n"
                   "     probability: 0.71, severity: 1, impact: {cost: 100}}\n"
                   "  - {id: R-g, title: G, category: vendor, owner: Ana, status: open,\n"
                   "     probability: 0.31, severity: 1}\n"));
  auto j = Json(Tpmkit({"risks", "-f", "r.yaml", "--json"}, dir.path()));
  ASSERT_EQ(j["risks"].size(), 7u) << j.dump(2);
  // Hand-checked: likelihood 0.1->1, 0.3->2, 0.5->3, 0.7->4, 0.71->5, 0.31->3.
  // score = likelihood * severity: R-d 16; R-c, R-f 3*2 = 6 and R-b 2*3 = 6; R-a 1*5 = 5,
  // R-e 5*1 = 5; R-g 3*1 = 3. Ties on score go to exposure_cost descending (R-c and R-f
  // 0.5*5000 = 2500, R-b 0.3*2000 = 600; R-a 0.1*1000 = 100, R-e 0.71*100 = 71), then id.
  std::vector<std::string> order;
  for (const auto& r : j["risks"]) order.push_back(r["id"]);
  EXPECT_EQ(order, (std::vector<std::string>{"R-d", "R-c", "R-f", "R-b", "R-a", "R-e", "R-g"}));
  std::map<std::string, json> by_id;
  for (const auto& r : j["risks"]) by_id[r["id"]] = r;
  EXPECT_EQ(by_id["R-a"]["likelihood"], 1);
  EXPECT_EQ(by_id["R-b"]["likelihood"], 2);
  EXPECT_EQ(by_id["R-c"]["likelihood"], 3);
  EXPECT_EQ(by_id["R-d"]["likelihood"], 4);
  EXPECT_EQ(by_id["R-e"]["likelihood"], 5);
  EXPECT_EQ(by_id["R-g"]["likelihood"], 3);
  EXPECT_EQ(by_id["R-d"]["score"], 16);
  EXPECT_EQ(by_id["R-b"]["score"], 6);
  EXPECT_EQ(by_id["R-b"]["severity"], 3);
  // Residual 0.05 -> likelihood 1, times residual severity 2; null without a residual.
  EXPECT_EQ(by_id["R-b"]["residual_score"], 2);
  EXPECT_TRUE(by_id["R-a"]["residual_score"].is_null());
  EXPECT_DOUBLE_EQ(by_id["R-a"]["exposure_cost"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(by_id["R-a"]["exposure_days"].get<double>(), 0.2);
  EXPECT_DOUBLE_EQ(by_id["R-b"]["exposure_cost"].get<double>(), 600.0);
  EXPECT_TRUE(by_id["R-b"]["exposure_days"].is_null());
  EXPECT_DOUBLE_EQ(by_id["R-e"]["exposure_cost"].get<double>(), 71.0);
  EXPECT_TRUE(by_id["R-g"]["exposure_cost"].is_null());
  EXPECT_EQ(by_id["R-e"]["owner"], "Ana");
  EXPECT_EQ(by_id["R-e"]["category"], "vendor");
  EXPECT_EQ(by_id["R-e"]["title"], "E");
  // Heat map: open and mitigating only, [likelihood-1][severity-1]. R-d (closed) and R-e
  // (realized) are left out.
  json want = json::array();
  for (int i = 0; i < 5; ++i) want.push_back(json::array({0, 0, 0, 0, 0}));
  want[0][4] = 1;  // R-a
  want[1][2] = 1;  // R-b
  want[2][1] = 2;  // R-c, R-f
  want[2][0] = 1;  // R-g
  EXPECT_EQ(j["heatmap"], want);
  // The text view draws the same map and lists every risk.
  auto text = Tpmkit({"risks", "-f", "r.yaml"}, dir.path());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  for (const char* id : {"R-a", "R-b", "R-c", "R-d", "R-e", "R-f", "R-g"}) {
    EXPECT_NE(text.out.find(id), std::string::npos) << id;
  }
}

// Score and band of one assessment of criteria a (weight 1) and b (weight 3).
json ScorecardOf(const TempDir& dir, const std::string& ratings) {
  WriteFile(dir.path() / "s.yaml", SmallProgram("scorecard:\n"
                                                "  criteria:\n"
                                                "    - {id: a, name: A, weight: 1}\n"
                                                "    - {id: b, name: B, weight: 3}\n"
                                                "  assessments:\n"
                                                "    - {date: 2026-02-02, by: Ana, ratings: " +
                                                ratings + "}\n"));
  return Json(Tpmkit({"scorecard", "-f", "s.yaml", "--json"}, dir.path()));
}

TEST(Toolkit1, ScorecardScoreAndBandBoundaries) {
  TempDir dir;
  // score = 100 * sum(w (r - 1)) / (4 sum w) over the rated criteria.
  struct Case {
    const char* ratings;
    double score;
    const char* band;
  };
  for (const Case& c : {
           Case{"{a: 1, b: 1}", 0.0, "low"},
           Case{"{a: 4, b: 1}", 18.75, "low"},      // 1*3 / 16
           Case{"{a: 2}", 25.0, "moderate"},        // b unrated: left out
           Case{"{a: 1, b: 2}", 18.75, "low"},      // 3*1 / 16
           Case{"{a: 4, b: 2}", 37.5, "moderate"},  // (3 + 3) / 16
           Case{"{a: 3}", 50.0, "high"},
           Case{"{a: 5, b: 2}", 43.75, "moderate"},  // (4 + 3) / 16
           Case{"{a: 1, b: 4}", 56.25, "high"},      // 9 / 16
           Case{"{a: 3, b: 4}", 68.75, "high"},      // (2 + 9) / 16
           Case{"{b: 4}", 75.0, "critical"},
           Case{"{a: 4, b: 4}", 75.0, "critical"},
           Case{"{a: 1, b: 5}", 75.0, "critical"},  // 12 / 16
           Case{"{a: 5, b: 5}", 100.0, "critical"},
       }) {
    auto j = ScorecardOf(dir, c.ratings);
    EXPECT_DOUBLE_EQ(j["score"].get<double>(), c.score) << c.ratings;
    EXPECT_EQ(j["band"], c.band) << c.ratings;
  }
  // The trend: every assessment in date order with its score.
  WriteFile(dir.path() / "t.yaml",
            SmallProgram("scorecard:\n"
                         "  criteria:\n"
                         "    - {id: a, name: A, weight: 1}\n"
                         "    - {id: b, name: B, weight: 3}\n"
                         "  assessments:\n"
                         "    - {date: 2026-01-12, by: Ana, ratings: {a: 2, b: 1}}\n"
                         "    - {date: 2026-02-09, by: Ana, ratings: {a: 3, b: 3}}\n"
                         "    - {date: 2026-03-09, by: Ana, ratings: {a: 5, b: 4}}\n"));
  auto t = Json(Tpmkit({"scorecard", "-f", "t.yaml", "--json"}, dir.path()));
  ASSERT_EQ(t["trend"].size(), 3u) << t.dump(2);
  EXPECT_EQ(t["trend"][0]["date"], "2026-01-12");
  EXPECT_DOUBLE_EQ(t["trend"][0]["score"].get<double>(), 6.25);  // 1 / 16
  EXPECT_EQ(t["trend"][1]["date"], "2026-02-09");
  EXPECT_DOUBLE_EQ(t["trend"][1]["score"].get<double>(), 50.0);  // (2 + 6) / 16
  EXPECT_EQ(t["trend"][2]["date"], "2026-03-09");
  EXPECT_DOUBLE_EQ(t["trend"][2]["score"].get<double>(), 81.25);  // (4 + 9) / 16
  // The latest assessment is the headline.
  EXPECT_DOUBLE_EQ(t["score"].get<double>(), 81.25);
  EXPECT_EQ(t["band"], "critical");
  EXPECT_EQ(t["ratings"]["a"], 5);
  EXPECT_EQ(t["ratings"]["b"], 4);
}

TEST(Toolkit1, ScorecardSuggestGivesAReasonForEachCriterion) {
  TempDir dir;
  auto j = Json(Tpmkit({"scorecard", "-f", Phoenix(), "--suggest", "--json", "--as-of",
                        "2026-06-15", "--iterations", "500"},
                       dir.path()));
  for (const char* c : {"schedule", "budget", "stakeholder_alignment", "vendor", "regulatory",
                        "technical_feasibility"}) {
    ASSERT_TRUE(j["suggested"]["reasons"].contains(c)) << c << j["suggested"].dump(2);
    const std::string reason = j["suggested"]["reasons"][c];
    EXPECT_GT(reason.size(), 20u) << c << ": " << reason;
    EXPECT_EQ(reason.back(), '.') << c << ": " << reason;
    ASSERT_TRUE(j["suggested"]["ratings"].contains(c)) << c;
    const int rating = j["suggested"]["ratings"][c];
    EXPECT_GE(rating, 1);
    EXPECT_LE(rating, 5);
  }
  // The budget rating follows the CPI cut-offs: evm's CPI on the same date.
  auto ev = Json(Tpmkit({"evm", "-f", Phoenix(), "--json", "--as-of", "2026-06-15"}, dir.path()));
  const double cpi = ev["cpi"];
  const int want = cpi >= 1 ? 1 : cpi >= 0.95 ? 2 : cpi >= 0.9 ? 3 : cpi >= 0.8 ? 4 : 5;
  EXPECT_EQ(j["suggested"]["ratings"]["budget"], want) << cpi;
  // --help documents the cut-offs and has an example.
  auto help = Tpmkit({"scorecard", "--help"}, dir.path());
  for (const char* s : {"p_on_time >= 0.9", "CPI >= 1", "0.8 <= CPI < 0.9", "stakeholder_alignment",
                        "vendor", "regulatory", "technical_feasibility", "tpmkit scorecard -f"}) {
    EXPECT_NE(help.out.find(s), std::string::npos) << s << "\n" << help.out;
  }
}

TEST(Toolkit1, EveryNewCommandHelpHasAnExample) {
  TempDir dir;
  for (const std::vector<std::string>& cmd :
       std::vector<std::vector<std::string>>{{"scorecard", "--help"},
                                             {"scorecard", "assess", "--help"},
                                             {"risks", "--help"},
                                             {"risk", "add", "--help"},
                                             {"risk", "update", "--help"},
                                             {"risk", "close", "--help"},
                                             {"evm", "--help"},
                                             {"escalate", "--help"},
                                             {"review", "--help"}}) {
    auto r = Tpmkit(cmd, dir.path());
    EXPECT_EQ(r.exit_code, 0) << cmd[0];
    EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd[0] << " " << cmd[1] << r.out;
    EXPECT_NE(r.out.find("  tpmkit " + cmd[0]), std::string::npos)
        << cmd[0] << " " << cmd[1] << r.out;
  }
}

TEST(Toolkit1, RiskEditEdgeCasesChangeNothing) {
  TempDir dir;
  ASSERT_EQ(Tpmkit({"init"}, dir.path()).exit_code, 0);
  ASSERT_EQ(Tpmkit({"apply", (SourceDir() / "tests/data/valid/complete-review.yaml").string()},
                   dir.path())
                .exit_code,
            0);
  const auto before = Tpmkit({"export"}, dir.path()).out;
  const auto log_before = Json(Tpmkit({"log", "--json"}, dir.path()))["entries"].size();
  // An unknown category: exit 2, the message names it, nothing is stored.
  auto bad = Tpmkit({"risk", "add", "R-2", "--title", "Staff leave", "--category", "weather",
                     "--owner", "Ana Ruiz", "--probability", "0.3", "--severity", "3"},
                    dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.err.find("weather"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("categor"), std::string::npos) << bad.err;
  // An update to an unknown category is refused the same way.
  bad = Tpmkit({"risk", "update", "R-1", "--category", "weather"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.err.find("weather"), std::string::npos) << bad.err;
  // Closing or updating a risk that does not exist names it.
  bad = Tpmkit({"risk", "close", "R-404"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("R-404"), std::string::npos) << bad.err;
  // Adding an id that exists is refused.
  bad = Tpmkit({"risk", "add", "R-1", "--title", "Again", "--category", "vendor", "--owner",
                "Ana Ruiz", "--probability", "0.3", "--severity", "3"},
               dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.err.find("R-1"), std::string::npos) << bad.err;
  // A severity out of 1..5 is refused.
  bad = Tpmkit({"risk", "update", "R-1", "--severity", "6"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_EQ(Tpmkit({"export"}, dir.path()).out, before);
  EXPECT_EQ(Json(Tpmkit({"log", "--json"}, dir.path()))["entries"].size(), log_before);
  // A close is one audited change; closing again changes nothing and adds no entry.
  auto close = Tpmkit({"risk", "close", "R-1"}, dir.path());
  EXPECT_EQ(close.exit_code, 0) << close.err;
  const auto after_close = Json(Tpmkit({"log", "--json"}, dir.path()))["entries"].size();
  EXPECT_EQ(after_close, log_before + 1);
  auto again = Tpmkit({"risk", "close", "R-1"}, dir.path());
  EXPECT_EQ(Json(Tpmkit({"log", "--json"}, dir.path()))["entries"].size(), after_close)
      << again.out << again.err;
}

TEST(Toolkit1, EscalateMarkdownHasEverySection) {
  TempDir dir;
  auto md =
      Tpmkit({"escalate", "-f", Phoenix(), "--risk", "R-07", "--to", "Dana Lee", "--from",
              "Sofia Marin", "--format", "md", "--as-of", "2026-06-15", "--iterations", "500"},
             dir.path());
  ASSERT_EQ(md.exit_code, 0) << md.err;
  // The subject leads with the headline number: the chance of making the target.
  EXPECT_EQ(md.out.rfind("# ", 0), 0u) << md.out;
  EXPECT_NE(md.out.find("% chance of making 2026-09-30 if R-07 happens: decide by 2026-07-01\n"),
            std::string::npos)
      << md.out;
  for (const char* s :
       {"**To:** Dana Lee", "**From:** Sofia Marin", "## Issue", "## Impact", "## Options", "1. **",
        "2. **", "3. **", "## Recommendation", "## Ask", "by 2026-07-01",
        "Sofia Marin, for Project Phoenix", "## Appendix: the full analysis",
        "### Impact in detail", "### Options in detail", "### Money"}) {
    EXPECT_NE(md.out.find(s), std::string::npos) << s << "\n" << md.out;
  }
  // The same content as the JSON's body, in another dress: same subject and ask.
  auto j = Json(
      Tpmkit({"escalate", "-f", Phoenix(), "--risk", "R-07", "--to", "Dana Lee", "--from",
              "Sofia Marin", "--format", "json", "--as-of", "2026-06-15", "--iterations", "500"},
             dir.path()));
  EXPECT_NE(md.out.find(j["subject"].get<std::string>()), std::string::npos);
  EXPECT_NE(md.out.find(j["ask"].get<std::string>()), std::string::npos);
  EXPECT_EQ(j["to"], "Dana Lee");
  // No placeholder, no raw percentile jargon left unexplained.
  for (const char* s : {"TODO", "TBD", "{}", "<", "N/A", "XXX"}) {
    EXPECT_EQ(md.out.find(s), std::string::npos) << s;
  }
}

TEST(Toolkit1, EscalateWithADecisionTakesItsOptions) {
  TempDir dir;
  auto j = Json(Tpmkit(
      {"escalate", "-f", Phoenix(), "--risk", "R-07", "--decision", "D-01", "--to", "Dana Lee",
       "--from", "Sofia Marin", "--format", "json", "--as-of", "2026-06-15", "--iterations", "500"},
      dir.path()));
  std::vector<std::string> ids;
  for (const auto& o : j["options"]) {
    ids.push_back(o["id"]);
    const std::string summary = o["summary"];
    // Each option was simulated: its summary gives the 80%-likely date and its cost.
    EXPECT_NE(summary.find("80% likely to finish by is 20"), std::string::npos) << summary;
    EXPECT_TRUE(summary.find("it costs") != std::string::npos ||
                summary.find("it saves") != std::string::npos)
        << summary;
    EXPECT_NE(summary.find("the forecast final cost would be"), std::string::npos) << summary;
  }
  // In the order decide ranks them, and the recommendation is decide's.
  auto decide = Json(Tpmkit(
      {"decide", "D-01", "-f", Phoenix(), "--json", "--as-of", "2026-06-15", "--iterations", "500"},
      dir.path()));
  std::vector<std::string> ranked;
  for (const auto& r : decide["ranking"]) ranked.push_back(r["option"]);
  EXPECT_EQ(ids, ranked);
  const std::string rec = j["recommendation"]["option"];
  EXPECT_EQ(rec, decide["recommendation"].get<std::string>());
  EXPECT_FALSE(j["recommendation"]["rationale"].get<std::string>().empty());
  // The option costs come from the decision's scenarios: add-people adds 150,000 USD on top
  // of its duration change, move-date 95,000 USD.
  for (const auto& o : j["options"]) {
    if (o["id"] == "move-date") {
      EXPECT_EQ(o["cost"], 95000.0) << o;
    }
    if (o["id"] == "add-people") {
      EXPECT_EQ(o["cost"], 150000.0) << o;
    }
  }
  // Same seed, same iterations: the same document twice.
  auto again = Json(Tpmkit(
      {"escalate", "-f", Phoenix(), "--risk", "R-07", "--decision", "D-01", "--to", "Dana Lee",
       "--from", "Sofia Marin", "--format", "json", "--as-of", "2026-06-15", "--iterations", "500"},
      dir.path()));
  EXPECT_EQ(j, again);
  // An unknown decision exits 2 and names it.
  auto bad = Tpmkit(
      {"escalate", "-f", Phoenix(), "--risk", "R-07", "--decision", "D-99", "--to", "Dana Lee"},
      dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("D-99"), std::string::npos) << bad.err;
}

TEST(Toolkit1, EscalateEmlBodyDecodesToTheTextEmail) {
  TempDir dir;
  const std::vector<std::string> common = {"escalate",   "-f",           Phoenix(),
                                           "--risk",     "R-07",         "--as-of",
                                           "2026-06-15", "--iterations", "500"};
  auto args = common;
  for (const char* a : {"--to", "Dana Lee <dana.lee@example.com>", "--from",
                        "Sofia Marin <sofia.marin@example.com>", "--format", "eml"}) {
    args.push_back(a);
  }
  auto eml = Tpmkit(args, dir.path());
  ASSERT_EQ(eml.exit_code, 0) << eml.err;
  // CRLF line ends throughout (RFC 5322), headers first.
  EXPECT_EQ(eml.out.find("\n"), eml.out.find("\r\n") + 1);
  for (size_t i = eml.out.find('\n'); i != std::string::npos; i = eml.out.find('\n', i + 1)) {
    ASSERT_GT(i, 0u);
    ASSERT_EQ(eml.out[i - 1], '\r') << "bare LF at " << i;
  }
  WriteFile(dir.path() / "m.eml", eml.out);
  const std::string cmd = "/usr/bin/python3 " + (SourceDir() / "tests/e2e/parse_eml.py").string() +
                          " " + (dir.path() / "m.eml").string() + " --body " +
                          (dir.path() / "body.txt").string() + " > " +
                          (dir.path() / "parsed.txt").string() + " 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0) << ReadFile(dir.path() / "parsed.txt");
  // The decoded body is the text email without its Subject line, then the appendix.
  auto targs = common;
  for (const char* a : {"--to", "Dana Lee", "--from", "Sofia Marin"}) targs.push_back(a);
  auto text = Tpmkit(targs, dir.path());
  ASSERT_EQ(text.exit_code, 0) << text.err;
  const std::string body = text.out.substr(text.out.find("\n\n") + 2);
  const std::string decoded = ReadFile(dir.path() / "body.txt");
  EXPECT_EQ(decoded.substr(0, body.size()), body);
  EXPECT_NE(decoded.find("APPENDIX: THE FULL ANALYSIS", body.size()), std::string::npos)
      << decoded.substr(body.size());
  // The decoded Subject header is the text's subject line.
  const std::string parsed = ReadFile(dir.path() / "parsed.txt");
  EXPECT_EQ(parsed.substr(0, parsed.find('\n')), text.out.substr(9, text.out.find('\n') - 9));
}

TEST(Toolkit1, EmlCheckerRejectsBrokenMessages) {
  // The checker itself must fail on what a mail client would not accept.
  TempDir dir;
  const std::string good =
      "From: Sofia Marin <sofia@example.com>\r\nTo: Dana Lee <dana@example.com>\r\n"
      "Subject: Decision needed\r\nDate: Mon, 15 Jun 2026 09:00:00 +0000\r\n"
      "Message-ID: <a@b>\r\nMIME-Version: 1.0\r\n"
      "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
      "RECOMMENDATION\r\nASK\r\n";
  auto check = [&](const std::string& text) {
    WriteFile(dir.path() / "x.eml", text);
    const std::string cmd = "/usr/bin/python3 " +
                            (SourceDir() / "tests/e2e/parse_eml.py").string() + " " +
                            (dir.path() / "x.eml").string() + " > /dev/null 2>&1";
    return std::system(cmd.c_str());
  };
  EXPECT_EQ(check(good), 0);
  for (const char* header : {"From: ", "To: ", "Subject: ", "Date: ", "Message-ID: ",
                             "MIME-Version: ", "Content-Type: "}) {
    std::string broken = good;
    const size_t at = broken.find(header);
    broken.erase(at, broken.find("\r\n", at) + 2 - at);
    EXPECT_NE(check(broken), 0) << "accepted without " << header;
  }
  std::string latin = good;
  latin.replace(latin.find("charset=UTF-8"), 13, "charset=ISO-8859-1");
  EXPECT_NE(check(latin), 0);
  std::string bad_date = good;
  bad_date.replace(bad_date.find("Mon, 15 Jun"), 11, "someday soon");
  EXPECT_NE(check(bad_date), 0);
  std::string bad_utf8 = good;
  bad_utf8.replace(bad_utf8.find("ASK"), 3, "ASK \xff\xfe");
  EXPECT_NE(check(bad_utf8), 0);
}

TEST(Toolkit1, PhoenixEmailsReadAsAnExecutiveNeedsThem) {
  TempDir dir;
  auto esc = Tpmkit({"escalate", "-f", Phoenix(), "--risk", "R-07", "--to", "Dana Lee", "--from",
                     "Sofia Marin", "--as-of", "2026-06-15", "--iterations", "500"},
                    dir.path());
  ASSERT_EQ(esc.exit_code, 0) << esc.err;
  // Percentile jargon is explained where it appears; nothing is a placeholder.
  EXPECT_NE(esc.out.find("80% likely to finish by"), std::string::npos) << esc.out;
  for (const char* s :
       {"p80 finish is", "TODO", "TBD", "N/A", "{}", "stakeholder_alignment", "(add-resources)"}) {
    EXPECT_EQ(esc.out.find(s), std::string::npos) << s << "\n" << esc.out;
  }
  // The ask names who, what and by when.
  const auto ask = esc.out.substr(esc.out.find("ASK\n"));
  EXPECT_NE(ask.find("Dana Lee, please approve option"), std::string::npos) << ask;
  EXPECT_NE(ask.find("by 2026-07-01"), std::string::npos) << ask;
  EXPECT_NE(ask.find("Sofia Marin"), std::string::npos) << ask;
}

}  // namespace
}  // namespace tpmkit::e2e
