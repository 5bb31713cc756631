// End-to-end tests of scorecard, risks, risk add|update|close, evm, escalate and review:
// the built binary on real files and workspaces.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

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

TEST(Toolkit1, JsonKeysPerCliMd) {
  TempDir dir;
  auto ev = Json(Tpmkit({"evm", "-f", Phoenix(), "--json", "--as-of", "2026-06-15"}, dir.path()));
  for (const char* k : {"as_of", "pv", "ev", "ac", "bac", "sv", "cv", "spi", "cpi", "eac",
                        "eac_atypical", "eac_cpi_spi", "etc", "vac", "tcpi", "earned_schedule",
                        "spi_t", "ieac_t"}) {
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
  auto sc = Json(Tpmkit({"scorecard", "-f", Phoenix(), "--json", "--suggest", "--iterations",
                         "500"},
                        dir.path()));
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
  auto rk = Json(Tpmkit({"risks", "-f", Phoenix(), "--json"}, dir.path()));
  std::string risk;
  for (const auto& r : rk["risks"]) {
    if (!r["exposure_days"].is_null() && !r["exposure_cost"].is_null() &&
        (r["status"] == "open" || r["status"] == "mitigating")) {
      risk = r["id"];
      break;
    }
  }
  ASSERT_FALSE(risk.empty());
  auto e = Json(Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Dana Lee",
                        "--from", "Sofia Marin", "--format", "json", "--iterations", "500"},
                       dir.path()));
  for (const char* k : {"subject", "to", "issue", "impact", "options", "recommendation", "ask",
                        "body"}) {
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
  auto bad = Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Nobody Known"},
                    dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("Nobody Known"), std::string::npos) << bad.err;
  bad = Tpmkit({"escalate", "-f", Phoenix(), "--risk", "R-404", "--to", "Dana Lee"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("R-404"), std::string::npos);
  // A risk without impact: the escalation names what is missing.
  std::string text = ReadFile(SourceDir() / "tests/data/valid/complete-review.yaml");
  text.replace(text.find("    impact: {schedule: 5d, cost: 10000, tasks: [build]}\n"),
               std::string("    impact: {schedule: 5d, cost: 10000, tasks: [build]}\n").size(),
               "");
  WriteFile(dir.path() / "p.yaml", text);
  bad = Tpmkit({"escalate", "-f", "p.yaml", "--risk", "R-1", "--to", "Dana Lee"}, dir.path());
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_NE(bad.err.find("risk R-1 has no impact"), std::string::npos) << bad.err;
}

TEST(Toolkit1, EscalateEmlParsesWithARealMimeParser) {
  TempDir dir;
  auto rk = Json(Tpmkit({"risks", "-f", Phoenix(), "--json"}, dir.path()));
  std::string risk;
  for (const auto& r : rk["risks"]) {
    if (!r["exposure_days"].is_null() && !r["exposure_cost"].is_null() &&
        (r["status"] == "open" || r["status"] == "mitigating")) {
      risk = r["id"];
      break;
    }
  }
  auto run = Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to",
                     "Dana Lee <dana.lee@example.com>", "--from",
                     "Sofia Marin <sofia.marin@example.com>", "--format", "eml", "--as-of",
                     "2026-06-15", "--iterations", "500"},
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
  auto phoenix = Tpmkit({"review", "-f", Phoenix(), "--strict", "--iterations", "500"},
                        dir.path());
  auto pj = Json(Tpmkit({"review", "-f", Phoenix(), "--json", "--iterations", "500"}, dir.path()));
  EXPECT_EQ(phoenix.exit_code, pj["findings"].empty() ? 0 : 1);
  // Without --strict, findings do not fail the command.
  auto loose = Tpmkit({"review", "-f", Phoenix(), "--iterations", "500"}, dir.path());
  EXPECT_EQ(loose.exit_code, 0);
  // A bank naming an unknown theme: FILE:LINE:COLUMN and exit 2.
  WriteFile(dir.path() / "bank.yaml", "themes:\n  risks:\n    question: Who owns it?\n"
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
                     "schedule", "--owner", "Ana Ruiz", "--probability", "0.3", "--severity",
                     "3", "--mitigation", "Plan cover early"},
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
  auto bad_rating = Tpmkit({"scorecard", "assess", "--rating", "schedule=9", "--by", "Ana"},
                           dir.path());
  EXPECT_EQ(bad_rating.exit_code, 2);
}

TEST(Toolkit1, GoldenTexts) {
  TempDir dir;
  auto evm = Tpmkit({"evm", "-f", Phoenix(), "--as-of", "2026-06-15"}, dir.path());
  ASSERT_EQ(evm.exit_code, 0) << evm.err;
  Golden("evm_phoenix.txt", evm.out);
  auto review = Tpmkit({"review", "-f", Phoenix(), "--as-of", "2026-06-15", "--seed", "7",
                        "--iterations", "2000"},
                       dir.path());
  ASSERT_EQ(review.exit_code, 0) << review.err;
  Golden("review_phoenix.txt", review.out);
  auto rk = Json(Tpmkit({"risks", "-f", Phoenix(), "--json"}, dir.path()));
  std::string risk;
  for (const auto& r : rk["risks"]) {
    if (!r["exposure_days"].is_null() && !r["exposure_cost"].is_null() &&
        (r["status"] == "open" || r["status"] == "mitigating")) {
      risk = r["id"];
      break;
    }
  }
  auto esc = Tpmkit({"escalate", "-f", Phoenix(), "--risk", risk, "--to", "Dana Lee", "--from",
                     "Sofia Marin", "--as-of", "2026-06-15", "--seed", "7", "--iterations",
                     "2000"},
                    dir.path());
  ASSERT_EQ(esc.exit_code, 0) << esc.err;
  Golden("escalate_phoenix.txt", esc.out);
}

}  // namespace
}  // namespace tpmkit::e2e
