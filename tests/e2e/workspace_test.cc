// The foundation end to end: check, apply, export, show, log and audit verify, run as
// a user would run them, on real files and a real SQLite workspace.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// "LINE:COLUMN" of the first occurrence of `needle` in `text` (1-based).
std::string Where(const std::string& text, const std::string& needle) {
  auto at = text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  int line = 1, col = 1;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
  }
  return std::to_string(line) + ":" + std::to_string(col);
}

const char* kThreeErrors = R"(tpmkit: 1
program:
  id: demo
  name: Demo
  start: 2026-01-05
projects:
  - id: core
    name: Core
    tasks:
      - id: a
        name: A
        durration: 5d
      - id: b
        name: B
        duration: 3d
        depends: [zzz]
risks:
  - id: R1
    title: Something
    probability: 1.5
    severity: 3
)";

class WorkspaceTest : public ::testing::Test {
 protected:
  fs::path Db() const { return dir_.path() / "ws.db"; }
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", Db().string()});
    return Tpmkit(args, dir_.path());
  }
  int64_t AuditCount() { return std::stoll(Sql(Db(), "SELECT count(*) FROM audit_trail")[0]); }
  TempDir dir_;
};

TEST_F(WorkspaceTest, CheckPrintsEveryErrorWithLineAndColumnAndExits2) {
  auto file = dir_.path() / "bad.yaml";
  WriteFile(file, kThreeErrors);
  auto r = T({"check", "-f", "bad.yaml"});
  EXPECT_EQ(r.exit_code, 2) << r.err;
  std::string text = kThreeErrors;
  EXPECT_NE(r.err.find("bad.yaml:" + Where(text, "durration") + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.yaml:" + Where(text, "zzz") + ": "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bad.yaml:" + Where(text, "1.5") + ": "), std::string::npos) << r.err;
  // Errors come in file order.
  EXPECT_LT(r.err.find("durration"), r.err.find("zzz"));
  EXPECT_FALSE(fs::exists(Db()));

  auto j = T({"--json", "check", "-f", "bad.yaml"});
  EXPECT_EQ(j.exit_code, 2);
  auto doc = json::parse(j.out);
  EXPECT_FALSE(doc["ok"].get<bool>());
  ASSERT_EQ(doc["errors"].size(), 3u);
  EXPECT_EQ(doc["errors"][0]["line"], 12);
  EXPECT_EQ(doc["errors"][0]["column"], 9);
}

TEST_F(WorkspaceTest, ApplyExportApplyRecordsNoChange) {
  auto first = T({"--json", "apply", Example("phoenix.yaml").string()});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto doc = json::parse(first.out);
  EXPECT_EQ(doc["program"], "phoenix");
  EXPECT_TRUE(doc["created"].get<bool>());
  EXPECT_GT(doc["changed"].get<int>(), 40);
  int64_t entries = AuditCount();

  auto exported = T({"export", "-o", "out.yaml"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto again = T({"--json", "apply", "out.yaml"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  doc = json::parse(again.out);
  EXPECT_FALSE(doc["created"].get<bool>());
  // The program is the same; only its evidence root moved to the copy's folder (one entry).
  EXPECT_EQ(doc["changed"], 1);
  EXPECT_EQ(AuditCount(), entries + 1);
  auto moved = json::parse(T({"--json", "log", "-n", "1"}).out)["entries"][0];
  EXPECT_EQ(moved["entity"], "evidence_root");
  // From the same folder again: nothing at all.
  auto third = T({"--json", "apply", "out.yaml"});
  EXPECT_EQ(json::parse(third.out)["changed"], 0);
  EXPECT_EQ(AuditCount(), entries + 1);

  // The export of the re-applied program is byte-identical.
  auto second = T({"export"});
  EXPECT_EQ(second.out, ReadFile(dir_.path() / "out.yaml"));
}

TEST_F(WorkspaceTest, AnInvalidFileLeavesTheWorkspaceUnchanged) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  auto before = T({"export"}).out;
  int64_t entries = AuditCount();
  WriteFile(dir_.path() / "bad.yaml", kThreeErrors);
  // Same program id as phoenix would replace it: make the bad file target phoenix.
  std::string text = kThreeErrors;
  text.replace(text.find("id: demo"), 8, "id: phoenix");
  WriteFile(dir_.path() / "bad-phoenix.yaml", text);
  for (const char* f : {"bad.yaml", "bad-phoenix.yaml"}) {
    auto r = T({"apply", f});
    EXPECT_EQ(r.exit_code, 2) << f;
  }
  EXPECT_EQ(T({"export"}).out, before);
  EXPECT_EQ(AuditCount(), entries);
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

TEST_F(WorkspaceTest, AnEditedEntryIsDetected) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  ASSERT_EQ(T({"audit", "verify"}).exit_code, 0);
  Sql(Db(), "UPDATE audit_trail SET actor = 'mallory' WHERE seq = 5");
  auto r = T({"--json", "audit", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  auto doc = json::parse(r.out);
  EXPECT_FALSE(doc["ok"].get<bool>());
  EXPECT_EQ(doc["first_bad"], 5);
}

TEST_F(WorkspaceTest, ADeletedEntryIsDetected) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  Sql(Db(), "DELETE FROM audit_trail WHERE seq = 7");
  auto r = T({"--json", "audit", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(json::parse(r.out)["first_bad"], 7);  // the gap: entry 8 no longer links to 7
}

TEST_F(WorkspaceTest, TheNewestEntryDeletedIsDetected) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  Sql(Db(), "DELETE FROM audit_trail WHERE seq = (SELECT max(seq) FROM audit_trail)");
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 1);
}

TEST_F(WorkspaceTest, SwappedEntriesAreDetected) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  // Swap every column but seq between entries 3 and 4.
  Sql(Db(),
      "CREATE TEMP TABLE s AS SELECT * FROM audit_trail WHERE seq IN (3, 4);"
      "UPDATE audit_trail SET seq = -3 WHERE seq = 3;"
      "UPDATE audit_trail SET seq = 3 WHERE seq = 4;"
      "UPDATE audit_trail SET seq = 4 WHERE seq = -3;");
  auto r = T({"--json", "audit", "verify"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(json::parse(r.out)["first_bad"], 3);
}

TEST_F(WorkspaceTest, TwoAppliesAtOnceBothEndCorrectly) {
  ASSERT_EQ(T({"init"}).exit_code, 0);
  // Two different programs, so that both must write.
  std::string text = ReadFile(Example("phoenix.yaml"));
  text.replace(text.find("id: phoenix"), 11, "id: phoenix-b");
  fs::copy(Example("evidence"), dir_.path() / "evidence", fs::copy_options::recursive);
  WriteFile(dir_.path() / "b.yaml", text);
  std::vector<std::string> a = {"--db", Db().string(), "apply", Example("phoenix.yaml").string()};
  std::vector<std::string> b = {"--db", Db().string(), "apply", "b.yaml"};
  Background one(a, dir_.path()), two(b, dir_.path());
  for (const e2e::Run& r : {one.Wait(), two.Wait()}) {
    if (r.exit_code != 0) {
      EXPECT_EQ(r.exit_code, 3) << r.err;
      EXPECT_NE(r.err.find("workspace busy"), std::string::npos) << r.err;
    }
  }
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

TEST_F(WorkspaceTest, ShowAndLogOnTheDemo) {
  ASSERT_EQ(T({"apply", Example("phoenix.yaml").string()}).exit_code, 0);
  auto show = T({"show"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_NE(show.out.find("phoenix"), std::string::npos);
  auto log = T({"--json", "log", "--entity", "risk"});
  ASSERT_EQ(log.exit_code, 0) << log.err;
  auto doc = json::parse(log.out);
  ASSERT_FALSE(doc["entries"].empty());
  for (const auto& e : doc["entries"]) {
    EXPECT_EQ(e["entity"], "risk");
    EXPECT_EQ(e["actor"], "e2e-tester");
    EXPECT_EQ(e["action"], "create");
    for (const char* key : {"seq", "at", "entity_id", "changes"}) EXPECT_TRUE(e.contains(key));
  }
  // Newest first.
  EXPECT_GT(doc["entries"][0]["seq"].get<int>(), doc["entries"].back()["seq"].get<int>());
}

TEST_F(WorkspaceTest, AnEmptyOrMissingWorkspaceIsExplained) {
  auto show = T({"show"});
  EXPECT_EQ(show.exit_code, 3);
  EXPECT_NE(show.err.find("no workspace"), std::string::npos) << show.err;
  ASSERT_EQ(T({"init"}).exit_code, 0);
  auto empty = T({"show"});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("holds no program"), std::string::npos) << empty.err;
  auto missing = T({"check", "-f", "nope.yaml"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("nope.yaml: cannot read"), std::string::npos) << missing.err;
}

TEST_F(WorkspaceTest, EveryCommandHasHelpWithAnExample) {
  // Every command listed by `tpmkit --help`, and the nested ones.
  auto top = T({"--help"});
  ASSERT_EQ(top.exit_code, 0);
  std::vector<std::vector<std::string>> commands = {{"audit", "verify"}};
  auto at = top.out.find("Subcommands:");
  ASSERT_NE(at, std::string::npos);
  std::istringstream lines(top.out.substr(at));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.rfind("  ", 0) == 0) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    commands.push_back({name});
  }
  EXPECT_GE(commands.size(), 20u);
  for (auto cmd : commands) {
    cmd.push_back("--help");
    auto r = T(cmd);
    EXPECT_EQ(r.exit_code, 0) << cmd[0];
    EXPECT_NE(r.out.find("Example"), std::string::npos) << cmd[0] << ":\n" << r.out;
  }
}

}  // namespace
}  // namespace tpmkit::e2e
