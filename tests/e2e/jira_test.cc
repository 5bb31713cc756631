// import jira end to end: the built binary imports Jira CSV exports into a workspace; the
// stored program schedules, exports to a program file that `check` passes, and the audit
// trail verifies. The real exports in ../shared/samples/jira import with known counts.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class JiraTest : public ::testing::Test {
 protected:
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir_.path() / "ws.db").string()});
    return Tpmkit(args, dir_.path());
  }
  // Every line of standard error is a located warning.
  static size_t Warnings(const std::string& err) {
    std::istringstream lines(err);
    size_t n = 0;
    for (std::string line; std::getline(lines, line); ++n) {
      EXPECT_NE(line.find(": warning: "), std::string::npos) << line;
    }
    return n;
  }
  // Links of the stored program, from its program file: finish-to-start links without lag
  // are written as flow lists of ids ("depends: [PHX-3, PHX-6]"). `check` passes the file.
  size_t Links(const std::string& id) {
    auto exported = T({"export", "-p", id, "-o", id + ".yaml"});
    EXPECT_EQ(exported.exit_code, 0) << exported.err;
    auto check = T({"check", "-f", id + ".yaml"});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    std::istringstream lines(ReadFile(dir_.path() / (id + ".yaml")));
    size_t n = 0;
    for (std::string line; std::getline(lines, line);) {
      if (line.find("depends: [") == std::string::npos) continue;
      n += 1 + static_cast<size_t>(std::count(line.begin(), line.end(), ','));
    }
    return n;
  }
  TempDir dir_;
};

TEST_F(JiraTest, ImportStoresAPlanThatSchedulesAndExports) {
  const std::string file = (SourceDir() / "tests/data/jira/phoenix_en.csv").string();
  auto imported = T({"--json", "import", "jira", file, "--id", "demo"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto doc = json::parse(imported.out);
  EXPECT_EQ(doc["program"], "demo");
  EXPECT_EQ(doc["created"], true);
  EXPECT_EQ(doc["warnings"], 9);
  EXPECT_EQ(Warnings(imported.err), 9u);

  auto show = T({"--json", "show", "-p", "demo"});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  auto shown = json::parse(show.out);
  EXPECT_EQ(shown["tasks"], 8);
  EXPECT_EQ(shown["projects"].size(), 3u);
  EXPECT_EQ(shown["program"]["name"], "Phoenix Checkout");

  auto schedule = T({"--json", "schedule", "-p", "demo", "--as-of", "2026-01-20"});
  ASSERT_EQ(schedule.exit_code, 0) << schedule.err;
  auto s = json::parse(schedule.out);
  std::map<std::string, json> tasks;
  for (const auto& t : s["tasks"]) tasks[t["id"].get<std::string>()] = t;
  // PHX-6 waits for PHX-4 (Blocks), which waits for PHX-3.
  EXPECT_LT(tasks["PHX-4"]["finish"].get<std::string>(),
            tasks["PHX-6"]["start"].get<std::string>());
  EXPECT_LE(tasks["PHX-3"]["finish"].get<std::string>(), "2026-01-16");
  EXPECT_EQ(Links("demo"), 5u);

  // The same file again changes nothing.
  auto again = T({"--json", "import", "jira", file, "--id", "demo"});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json::parse(again.out)["changed"], 0);
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

TEST_F(JiraTest, BadFilesChangeNothing) {
  auto bad = T({"import", "jira", (SourceDir() / "tests/data/jira/unterminated.csv").string(),
                "--id", "broken"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unterminated.csv:3:1: this quoted field is never closed"),
            std::string::npos)
      << bad.err;
  EXPECT_FALSE(fs::exists(dir_.path() / "ws.db"));
  auto other = T({"import", "jira", (SourceDir() / "tests/data/jira/phoenix_en.csv").string(),
                  "--project", "XYZ"});
  EXPECT_EQ(other.exit_code, 2);
  EXPECT_NE(other.err.find("no issue of Jira project 'XYZ' in the file (it holds PHX)"),
            std::string::npos)
      << other.err;
}

TEST_F(JiraTest, EverySampleJiraExportImports) {
  const fs::path samples = SourceDir().parent_path() / "shared" / "samples" / "jira";
  if (!fs::exists(samples)) GTEST_SKIP() << "../shared/samples is absent";
  struct Expected {
    const char* file;
    const char* id;
    int tasks;
    size_t projects, links, warnings;
  };
  for (const Expected& e : {
           Expected{"jira-cloud_all-fields_en.csv", "tes", 22, 1, 0, 2},
           Expected{"jira-cloud_links-sprints_en.csv", "clp", 138, 1, 1, 10},
           Expected{"jira-cloud_all-fields_es-localized.csv", "lipu", 105, 8, 1, 7},
       }) {
    SCOPED_TRACE(e.file);
    auto r = T({"--json", "import", "jira", (samples / e.file).string(), "--id", e.id});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(Warnings(r.err), e.warnings) << r.err;
    auto show = T({"--json", "show", "-p", e.id});
    ASSERT_EQ(show.exit_code, 0) << show.err;
    auto shown = json::parse(show.out);
    EXPECT_EQ(shown["tasks"], e.tasks);
    EXPECT_EQ(shown["projects"].size(), e.projects);
    EXPECT_EQ(Links(e.id), e.links);
    EXPECT_EQ(T({"schedule", "-p", e.id}).exit_code, 0);
  }
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace tpmkit::e2e
