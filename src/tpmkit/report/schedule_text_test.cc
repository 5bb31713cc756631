#include "tpmkit/report/schedule_text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

namespace tpmkit::report {
namespace {

model::Program Sample() {
  model::Program p;
  p.id = "demo";
  p.name = "Demo";
  p.start = Date::FromYmd(2026, 1, 5);
  p.target = Date::FromYmd(2026, 1, 16);
  model::Task a, b, c, m;
  a.id = "design";
  a.name = "Design";
  a.duration = 5;
  b.id = "build";
  b.name = "Build";
  b.duration = 5;
  b.depends = {{"design"}};
  c.id = "docs";
  c.name = "Documentation";
  c.duration = 2;
  c.deadline = Date::FromYmd(2026, 1, 5);
  m.id = "launch";
  m.name = "Launch";
  m.milestone = true;
  m.depends = {{"build"}, {"docs"}};
  p.projects.push_back({"core", "Core", "", {a, b, c, m}});
  return p;
}

TEST(ScheduleText, TableAndChart) {
  model::Program p = Sample();
  plan::Schedule s = plan::ComputeSchedule(p).value();
  std::string text = ScheduleText(p, s, {.color = false, .width = 60});
  EXPECT_NE(text.find("* design"), std::string::npos) << text;
  if (std::getenv("TPMKIT_SHOW")) std::fputs(text.c_str(), stdout);
  EXPECT_NE(text.find("  docs"), std::string::npos);
  EXPECT_NE(text.find("2026-01-16"), std::string::npos);
  EXPECT_NE(text.find("deadline 2026-01-05 missed"), std::string::npos);
  EXPECT_NE(text.find("#####"), std::string::npos);  // critical bars
  EXPECT_NE(text.find("=="), std::string::npos);     // docs, not critical
  EXPECT_NE(text.find("@"), std::string::npos);      // the critical milestone
  EXPECT_EQ(text.find("\x1b["), std::string::npos);
  std::string chart = ScheduleGantt(p, s, {.color = false, .width = 60});
  for (size_t at = 0, next; (next = chart.find('\n', at)) != std::string::npos; at = next + 1) {
    EXPECT_LE(next - at, 60u);
  }
  EXPECT_NE(chart.find("  Legend:  = task  # critical task"), std::string::npos) << chart;
  EXPECT_NE(chart.find("| target 2026-01-16"), std::string::npos) << chart;
  p.status_date = Date::FromYmd(2026, 1, 7);
  s = plan::ComputeSchedule(p).value();
  chart = ScheduleGantt(p, s, {.color = false, .width = 60});
  EXPECT_NE(chart.find(": status date 2026-01-07"), std::string::npos) << chart;
  EXPECT_NE(chart.find("-:-"), std::string::npos) << chart;  // the line on the ruler
  std::string colored = ScheduleGantt(p, s, {.color = true, .width = 60});
  EXPECT_NE(colored.find("\x1b[31m"), std::string::npos);
}

TEST(ScheduleText, JsonHasTheKeysOfTheSpec) {
  model::Program p = Sample();
  plan::Schedule s = plan::ComputeSchedule(p).value();
  auto j = nlohmann::json::parse(ScheduleJson(p, s));
  EXPECT_EQ(j["start"], "2026-01-05");
  EXPECT_EQ(j["finish"], "2026-01-16");
  EXPECT_EQ(j["target"], "2026-01-16");
  ASSERT_EQ(j["tasks"].size(), 4u);
  for (const char* key :
       {"id", "start", "finish", "early_start", "early_finish", "late_start", "late_finish",
        "total_float", "free_float", "critical", "deadline_missed"}) {
    EXPECT_TRUE(j["tasks"][0].contains(key)) << key;
  }
  EXPECT_EQ(j["tasks"][2]["id"], "docs");
  EXPECT_EQ(j["tasks"][2]["total_float"], 8);
  EXPECT_EQ(j["tasks"][2]["late_finish"], "2026-01-16");
  EXPECT_EQ(j["tasks"][2]["deadline_missed"], true);
  EXPECT_EQ(j["critical_path"], nlohmann::json::array({"design", "build", "launch"}));
}

TEST(ScheduleText, FinishedTasksHaveNullFloats) {
  model::Program p = Sample();
  p.status_date = Date::FromYmd(2026, 1, 9);
  auto& t = p.projects[0].tasks[0];
  t.actual_start = Date::FromYmd(2026, 1, 5);
  t.actual_finish = Date::FromYmd(2026, 1, 9);
  plan::Schedule s = plan::ComputeSchedule(p).value();
  auto j = nlohmann::json::parse(ScheduleJson(p, s));
  EXPECT_TRUE(j["tasks"][0]["total_float"].is_null());
  EXPECT_TRUE(j["tasks"][0]["free_float"].is_null());
  EXPECT_EQ(j["status_date"], "2026-01-09");
  EXPECT_NE(ScheduleTable(p, s).find("done"), std::string::npos);
}

// The text is exactly what nlohmann's dump(2) writes for the document (the JSON writer
// is hand-written for speed): same keys in the same order, same escapes, same layout.
TEST(ScheduleText, JsonIsWhatTheJsonLibraryWouldWrite) {
  model::Program p = Sample();
  p.projects[0].tasks[1].name = "Build \"core\" \\ tabs\there, caf\u00e9 \x01\x1f\x7f";
  p.status_date = Date::FromYmd(2026, 1, 9);
  plan::Schedule s = plan::ComputeSchedule(p).value();
  const std::string text = ScheduleJson(p, s);
  EXPECT_EQ(text, nlohmann::ordered_json::parse(text).dump(2));

  model::Program empty;
  empty.id = "empty";
  empty.name = "Empty";
  empty.start = Date::FromYmd(2026, 1, 5);
  plan::Schedule none = plan::ComputeSchedule(empty).value();
  const std::string bare = ScheduleJson(empty, none);
  EXPECT_EQ(bare, nlohmann::ordered_json::parse(bare).dump(2));
  EXPECT_NE(bare.find("\"tasks\": []"), std::string::npos) << bare;
}

}  // namespace
}  // namespace tpmkit::report
