// Imports into an existing program (issue 9, safe imports): the plan is merged, every
// register is kept, references to tasks the new plan lacks refuse the import unless
// --prune, and --dry-run writes nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;

// The stored program: a plan of two tasks and registers that name `build`.
constexpr const char* kSmall = R"(tpmkit: 1
program: {id: small, name: Small, start: 2026-01-05, target: 2026-03-31, status_date: 2026-01-20}
projects:
  - id: core
    name: Core
    tasks:
      - {id: design, name: Design, duration: 5d}
      - {id: build, name: Build, duration: 10d, depends: [design]}
actuals:
  - {date: 2026-01-16, amount: 1000, task: build}
risks:
  - {id: R-1, title: Build slips, probability: 0.5, severity: 3, impact: {schedule: 5d, tasks: [build]}}
stakeholders:
  - {id: cfo, name: Casey Doe, role: CFO, influence: 5, impact: 4}
)";

// The plan as it comes back from MS Project: `build` became `build-api`, the tool's finish
// is not the program's target.
constexpr const char* kNewPlan = R"(tpmkit: 1
program: {id: small, name: Small plan, start: 2026-01-05, target: 2026-06-30}
projects:
  - id: core
    name: Core
    tasks:
      - {id: design, name: Design, duration: 5d}
      - {id: build-api, name: Build the API, duration: 12d, depends: [design]}
)";

class ImportMergeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    WriteFile(dir_.path() / "small.yaml", kSmall);
    WriteFile(dir_.path() / "new-plan.yaml", kNewPlan);
    ASSERT_EQ(T({"apply", "small.yaml"}).exit_code, 0);
    auto exported = T({"export", "-f", "new-plan.yaml", "--format", "mspdi", "-o", "new-plan.xml"});
    ASSERT_EQ(exported.exit_code, 0) << exported.err;
  }
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir_.path() / "ws.db").string()});
    return Tpmkit(args, dir_.path());
  }
  size_t TrailSize() { return json::parse(T({"--json", "log"}).out)["entries"].size(); }
  TempDir dir_;
};

TEST_F(ImportMergeTest, ReferencesToLostTasksRefuseTheImportAndChangeNothing) {
  const size_t before = TrailSize();
  auto r = T({"import", "mspdi", "new-plan.xml", "--id", "small"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("actuals[0].task: actual of 2026-01-16 names task 'build'"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("risks[0].impact.tasks[0]: risk R-1 names task 'build'"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("nothing was imported (--prune drops these references"), std::string::npos)
      << r.err;
  EXPECT_EQ(TrailSize(), before);
  auto tasks = json::parse(T({"--json", "show", "-p", "small"}).out)["tasks"];
  EXPECT_EQ(tasks, 2);
}

TEST_F(ImportMergeTest, DryRunSaysWhatWouldChangeAndWritesNothing) {
  const size_t before = TrailSize();
  auto r = T({"import", "mspdi", "new-plan.xml", "--id", "small", "--prune", "--dry-run"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Dry run, nothing written: importing new-plan.xml would merge its plan "
                       "into small (every register kept)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Would drop 2 references to tasks the plan no longer has"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("  create task build-api"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("  delete task build"), std::string::npos) << r.out;
  EXPECT_EQ(TrailSize(), before);

  auto doc = json::parse(
      T({"--json", "import", "mspdi", "new-plan.xml", "--id", "small", "--prune", "--dry-run"})
          .out);
  EXPECT_EQ(doc["dry_run"], true);
  EXPECT_EQ(doc["merged"], true);
  EXPECT_EQ(doc["pruned"].size(), 2u);
  EXPECT_EQ(doc["changed"], doc["changes"].size());
  EXPECT_EQ(TrailSize(), before);
}

TEST_F(ImportMergeTest, PruneMergesThePlanAndKeepsEveryRegister) {
  auto r = T({"--json", "import", "mspdi", "new-plan.xml", "--id", "small", "--prune"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = json::parse(r.out);
  EXPECT_EQ(doc["merged"], true);
  EXPECT_EQ(doc["created"], false);
  EXPECT_EQ(doc["pruned"].size(), 2u);

  auto shown = json::parse(T({"--json", "show", "-p", "small"}).out);
  EXPECT_EQ(shown["tasks"], 2);
  EXPECT_EQ(shown["program"]["name"], "Small");         // the program's, not the tool's
  EXPECT_EQ(shown["program"]["target"], "2026-03-31");  // the program's target
  auto exported = T({"export", "-p", "small"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  EXPECT_NE(exported.out.find("id: build-api"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find("id: R-1"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find("id: cfo"), std::string::npos) << exported.out;
  EXPECT_NE(exported.out.find("amount: 1000"), std::string::npos) << exported.out;  // money kept
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

TEST_F(ImportMergeTest, JiraImportsFollowTheSameRule) {
  WriteFile(dir_.path() / "v1.csv",
            "Summary,Issue key,Issue Type,Status,Created,Original estimate\n"
            "Build API,APP-1,Task,To Do,05/Jan/26 9:00 AM,28800\n"
            "Write docs,APP-2,Task,To Do,05/Jan/26 9:00 AM,28800\n");
  WriteFile(dir_.path() / "v2.csv",
            "Summary,Issue key,Issue Type,Status,Created,Original estimate\n"
            "Build API,APP-1,Task,To Do,05/Jan/26 9:00 AM,57600\n");
  ASSERT_EQ(T({"import", "jira", "v1.csv", "--id", "app"}).exit_code, 0);
  // The TPM adds a risk on APP-2 to the imported program.
  auto exported = T({"export", "-p", "app", "-o", "app.yaml"});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  WriteFile(dir_.path() / "app.yaml",
            ReadFile(dir_.path() / "app.yaml") +
                "risks:\n  - {id: R-9, title: Docs late, probability: 0.4, severity: 2, "
                "impact: {schedule: 3d, tasks: [APP-2]}}\n");
  auto applied = T({"apply", "app.yaml"});
  ASSERT_EQ(applied.exit_code, 0) << applied.err;

  auto refused = T({"import", "jira", "v2.csv", "--id", "app"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("risks[0].impact.tasks[0]: risk R-9 names task 'APP-2'"),
            std::string::npos)
      << refused.err;
  auto pruned = T({"--json", "import", "jira", "v2.csv", "--id", "app", "--prune"});
  ASSERT_EQ(pruned.exit_code, 0) << pruned.err;
  auto shown = json::parse(T({"--json", "show", "-p", "app"}).out);
  EXPECT_EQ(shown["tasks"], 1);
  auto again = T({"export", "-p", "app"});
  EXPECT_NE(again.out.find("id: R-9"), std::string::npos) << again.out;
}

}  // namespace
}  // namespace tpmkit::e2e
