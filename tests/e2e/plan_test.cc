// The plan commands end to end: schedule, forecast, MS Project XML in and out.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class PlanTest : public ::testing::Test {
 protected:
  e2e::Run T(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", (dir_.path() / "ws.db").string()});
    return Tpmkit(args, dir_.path());
  }
  TempDir dir_;
};

TEST_F(PlanTest, ForecastIsTheSameWhateverTheThreads) {
  std::string phoenix = Example("phoenix.yaml").string();
  std::string first;
  for (const char* threads : {"1", "2", "8"}) {
    auto r = T({"--json", "forecast", "-f", phoenix, "--iterations", "3000", "--seed", "11",
                "--threads", threads});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    if (first.empty()) first = r.out;
    EXPECT_EQ(r.out, first) << "threads " << threads;
  }
  auto doc = json::parse(first);
  for (const char* key : {"iterations", "seed", "target", "p_on_time", "finish", "tasks"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  for (const char* key : {"p10", "p50", "p80", "p90", "mean"}) {
    EXPECT_TRUE(doc["finish"].contains(key)) << key;
  }
  EXPECT_LE(doc["finish"]["p10"].get<std::string>(), doc["finish"]["p90"].get<std::string>());
}

TEST_F(PlanTest, ScheduleJsonHasTheSpecKeysAndAGantt) {
  auto r = T({"--json", "schedule", "-f", Example("phoenix.yaml").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto doc = json::parse(r.out);
  for (const char* key : {"start", "finish", "target", "tasks", "critical_path"}) {
    EXPECT_TRUE(doc.contains(key)) << key;
  }
  for (const char* key :
       {"id", "start", "finish", "early_start", "early_finish", "late_start", "late_finish",
        "total_float", "free_float", "critical", "deadline_missed"}) {
    EXPECT_TRUE(doc["tasks"][0].contains(key)) << key;
  }
  EXPECT_FALSE(doc["critical_path"].empty());
  auto gantt = T({"schedule", "-f", Example("phoenix.yaml").string(), "--gantt"});
  ASSERT_EQ(gantt.exit_code, 0);
  EXPECT_NE(gantt.out.find('#'), std::string::npos);  // the critical path is drawn
}

// The schedule's dates, floats and critical marks, per task.
std::vector<std::string> Dates(const std::string& schedule_json) {
  std::vector<std::string> out;
  const json doc = json::parse(schedule_json);
  for (const auto& t : doc["tasks"]) {
    out.push_back(t["id"].get<std::string>() + " " + t["start"].get<std::string>() + " " +
                  t["finish"].get<std::string>() + " " + t["total_float"].dump() + " " +
                  t["critical"].dump());
  }
  return out;
}

TEST_F(PlanTest, MsProjectExportThenImportGivesTheSameSchedule) {
  std::string phoenix = Example("phoenix.yaml").string();
  ASSERT_EQ(T({"export", "-f", phoenix, "--format", "mspdi", "-o", "phoenix.xml"}).exit_code, 0);
  auto from_yaml = T({"--json", "schedule", "-f", phoenix});
  auto from_xml = T({"--json", "schedule", "-f", "phoenix.xml"});
  ASSERT_EQ(from_xml.exit_code, 0) << from_xml.err;
  EXPECT_EQ(Dates(from_xml.out), Dates(from_yaml.out));

  auto imported = T({"--json", "import", "mspdi", "phoenix.xml", "--id", "phoenix"});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  EXPECT_EQ(Dates(T({"--json", "schedule"}).out), Dates(from_yaml.out));
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

TEST_F(PlanTest, EverySampleMsProjectFileImports) {
  fs::path samples = SourceDir().parent_path() / "shared" / "samples" / "mspdi";
  if (!fs::exists(samples)) GTEST_SKIP() << "../shared/samples is absent";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(samples)) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    auto r = T({"import", "mspdi", entry.path().string()});
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.err;
    // Warnings, when any, are located and say what was not represented.
    std::istringstream lines(r.err);
    for (std::string line; std::getline(lines, line);) {
      EXPECT_NE(line.find(": warning: "), std::string::npos) << line;
    }
  }
  EXPECT_EQ(files, 10);
  EXPECT_EQ(T({"audit", "verify"}).exit_code, 0);
}

}  // namespace
}  // namespace tpmkit::e2e
