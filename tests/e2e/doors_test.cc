// Issue 9 at the doors: ranges a program file and the command line must keep (item 5),
// and the evidence root `apply` remembers, what `audit` says about missing evidence and
// when `audit pack` refuses (item 10).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class DoorsTest : public ::testing::Test {
 protected:
  e2e::Run T(std::vector<std::string> args, const fs::path& cwd = {}) {
    args.insert(args.begin(), {"--db", (dir_.path() / "ws.db").string()});
    return Tpmkit(args, cwd.empty() ? dir_.path() : cwd);
  }
  TempDir dir_;
};

TEST_F(DoorsTest, ATargetBeforeTheStartIsAnErrorAtItsLine) {
  WriteFile(dir_.path() / "p.yaml",
            "tpmkit: 1\n"
            "program:\n"
            "  id: p\n"
            "  name: P\n"
            "  start: 2026-02-02\n"
            "  target: 2026-01-30\n");
  auto r = T({"check", "p.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("p.yaml:6:11: target 2026-01-30 is before the start 2026-02-02"),
            std::string::npos)
      << r.err;
  EXPECT_NE(T({"apply", "p.yaml"}).exit_code, 0);
  EXPECT_FALSE(fs::exists(dir_.path() / "ws.db"));  // a bad file creates nothing
}

TEST_F(DoorsTest, DaysAndPercentBeyondTheirRangesAreErrors) {
  WriteFile(dir_.path() / "p.yaml",
            "tpmkit: 1\n"
            "program: {id: p, name: P, start: 2026-01-05, status_date: 2026-02-02}\n"
            "projects:\n"
            "  - id: core\n"
            "    name: Core\n"
            "    tasks:\n"
            "      - {id: a, name: A, duration: 2147483648d}\n"
            "      - {id: b, name: B, duration: 5d, actual_start: 2026-01-05, "
            "percent_complete: 150}\n"
            "      - {id: c, name: C, duration: 5d, depends: [{task: a, lag: -20000d}]}\n");
  auto r = T({"check", "p.yaml"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("p.yaml:7:36: duration must be at most 13000 days"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("percent_complete must be a number from 0 to 100, got 150"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("lag must be from -13000d to 13000d, got -20000d"), std::string::npos)
      << r.err;
}

TEST_F(DoorsTest, ContactsAndSignoffsAfterTheStatusDateAreWarnings) {
  WriteFile(dir_.path() / "p.yaml",
            "tpmkit: 1\n"
            "program: {id: p, name: P, start: 2026-01-05, status_date: 2026-06-15}\n"
            "stakeholders:\n"
            "  - id: cfo\n"
            "    name: Casey Doe\n"
            "    influence: 5\n"
            "    impact: 4\n"
            "    last_contact: 2026-06-20\n"
            "    contacts:\n"
            "      - {on: 2026-06-10, note: Fine}\n"
            "      - {on: 2026-07-01, note: Planned call}\n"
            "audit:\n"
            "  items:\n"
            "    - id: training\n"
            "      status: done\n"
            "      signoff: {by: Dana Lee, on: 2026-06-16}\n");
  auto r = T({"check", "p.yaml"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("p.yaml:8:19: warning: last contact 2026-06-20 is after the status date "
                       "2026-06-15"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("p.yaml:11:14: warning: contact 2026-07-01 is after the status date"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("warning: sign-off 2026-06-16 is after the status date"), std::string::npos)
      << r.err;
  EXPECT_EQ(r.err.find("2026-06-10"), std::string::npos) << r.err;  // before: no warning
  // apply stores it, with the same warnings.
  auto applied = T({"apply", "p.yaml"});
  EXPECT_EQ(applied.exit_code, 0) << applied.err;
  EXPECT_NE(applied.err.find("warning: contact 2026-07-01"), std::string::npos) << applied.err;
}

TEST_F(DoorsTest, SeedsAreZeroTo2Pow63Minus1) {
  const std::string phoenix = Example("phoenix.yaml").string();
  for (const char* bad : {"-1", "9223372036854775808", "18446744073709551616", "1.5", "x"}) {
    auto r = T({"forecast", "-f", phoenix, "--iterations", "10", "--seed", bad});
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_NE(r.err.find("a seed is a whole number from 0 to 9223372036854775807"),
              std::string::npos)
        << bad << ": " << r.err;
  }
  for (const char* good : {"0", "9223372036854775807"}) {
    auto r = T({"--json", "forecast", "-f", phoenix, "--iterations", "10", "--seed", good});
    ASSERT_EQ(r.exit_code, 0) << good << ": " << r.err;
    EXPECT_EQ(json::parse(r.out)["seed"].dump(), good);
  }
  EXPECT_EQ(T({"decide", "D-01", "-f", phoenix, "--iterations", "10", "--seed", "-5"}).exit_code,
            2);
}

TEST_F(DoorsTest, ApplyRemembersTheEvidenceRootForAuditFromAnyFolder) {
  // Applied by its absolute path, audited from another folder: the evidence is found.
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  const std::string examples = fs::canonical(Example("phoenix.yaml").parent_path()).string();
  auto audit = T({"--json", "audit"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  auto doc = json::parse(audit.out);
  for (const auto& item : doc["items"]) {
    for (const auto& e : item["evidence"]) EXPECT_NE(e["state"], "missing") << e["ref"];
  }
  EXPECT_EQ(T({"audit"}).out.find("missing or refused"), std::string::npos);
  // Stored and audited, once: applying the same file again records nothing.
  auto log = json::parse(T({"--json", "log", "--entity", "evidence_root"}).out)["entries"];
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0]["changes"]["path"]["new"], examples);
  auto again = T({"apply", Example("phoenix.yaml").string()});
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
  // Evidence recorded now is stored relative to that root, where audit looks for it.
  auto add = T({"audit", "evidence", "add", "training",
                (Example("evidence") / "training-roster.md").string()});
  EXPECT_EQ(add.exit_code, 0) << add.err;
  EXPECT_NE(T({"audit"}).exit_code, 3);
}

TEST_F(DoorsTest, MissingEvidenceSaysWhereAndStopsThePack) {
  // A copy of the program without its evidence folder.
  fs::create_directories(dir_.path() / "copy");
  WriteFile(dir_.path() / "copy" / "phoenix.yaml", ReadFile(Example("phoenix.yaml")));
  ASSERT_EQ(T({"apply", "copy/phoenix.yaml"}).exit_code, 0);
  const std::string root = fs::canonical(dir_.path() / "copy").string();

  auto audit = T({"audit"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  EXPECT_NE(audit.out.find("missing or refused: evidence paths were looked for under " + root +
                           " (the folder of the file the program was applied from)."),
            std::string::npos)
      << audit.out;

  auto pack = T({"audit", "pack", "-o", "pack.zip"});
  EXPECT_EQ(pack.exit_code, 1);
  EXPECT_NE(pack.err.find("looked for under " + root), std::string::npos) << pack.err;
  EXPECT_NE(pack.err.find("--allow-missing"), std::string::npos) << pack.err;
  EXPECT_FALSE(fs::exists(dir_.path() / "pack.zip"));

  auto allowed = T({"audit", "pack", "-o", "pack.zip", "--allow-missing"});
  EXPECT_EQ(allowed.exit_code, 0) << allowed.err;
  EXPECT_TRUE(fs::exists(dir_.path() / "pack.zip"));

  // --evidence-root still wins, and says so.
  auto given = T({"audit", "--evidence-root", Example("").string()});
  EXPECT_EQ(given.out.find("missing or refused"), std::string::npos) << given.out;
}

TEST_F(DoorsTest, PackIntoAFolderIsAClearError) {
  const std::string phoenix = Example("phoenix.yaml").string();
  fs::create_directories(dir_.path() / "out");
  auto r = T({"audit", "pack", "-f", phoenix, "-o", "out"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("-o: out is a folder; name the zip to write, e.g. out/audit-pack.zip"),
            std::string::npos)
      << r.err;
  auto nowhere = T({"audit", "pack", "-f", phoenix, "-o", "no/such/pack.zip"});
  EXPECT_EQ(nowhere.exit_code, 2);
  EXPECT_NE(nowhere.err.find("-o: the folder no/such does not exist"), std::string::npos)
      << nowhere.err;
}

}  // namespace
}  // namespace tpmkit::e2e
