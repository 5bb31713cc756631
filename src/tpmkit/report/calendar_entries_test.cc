#include "tpmkit/report/calendar_entries.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "tpmkit/plan/schedule.h"
#include "tpmkit/report/register_fixture_test.h"

namespace tpmkit::report {
namespace {

using testing::D;

model::Program WithPlan() {
  model::Program p = testing::RegisterProgram();
  p.status_date.reset();
  model::Task build;
  build.id = "integrate";  // the task RegisterProgram's R-01 names
  build.name = "Build the platform";
  build.owner = "Ana Ruiz";
  build.duration = 10;
  build.deadline = D(2026, 1, 30);
  model::Task live;
  live.id = "golive";
  live.name = "Go-live";
  live.milestone = true;
  live.depends = {{"integrate", model::LinkType::kFS, 0}};
  live.deadline = D(2026, 1, 9);
  p.projects = {{"core", "Core platform", "Ana Ruiz", {build, live}}};
  return p;
}

std::map<std::string, CalendarEntry> ByKey(const std::vector<CalendarEntry>& entries) {
  std::map<std::string, CalendarEntry> out;
  for (const auto& e : entries) EXPECT_TRUE(out.emplace(e.key, e).second) << "twice: " << e.key;
  return out;
}

std::vector<CalendarEntry> Entries(const model::Program& p) {
  auto schedule = plan::ComputeSchedule(p);
  EXPECT_TRUE(schedule.ok());
  const Date as_of = D(2026, 6, 15);
  toolkit::AuditInputs in;
  in.as_of = as_of;
  return ProgramCalendar(p, *schedule, toolkit::ComputeStakeholderMatrix(p, as_of),
                         toolkit::ComputeAuditReadiness(p, in));
}

TEST(CalendarEntriesTest, TheDatesOfAProgram) {
  const auto entries = Entries(WithPlan());
  const auto by_key = ByKey(entries);
  // target + 1 milestone + 2 deadlines + 5 stakeholders + 2 audit items with a due date.
  EXPECT_EQ(entries.size(), 11u);

  ASSERT_TRUE(by_key.count("target"));
  EXPECT_EQ(by_key.at("target").date, D(2026, 9, 30));
  EXPECT_EQ(by_key.at("target").category, "Target");

  ASSERT_TRUE(by_key.count("milestone-golive"));
  const auto& live = by_key.at("milestone-golive");
  EXPECT_EQ(live.summary, "Milestone: Go-live");
  EXPECT_EQ(live.category, "Milestone");
  EXPECT_NE(live.description.find("Project: Core platform"), std::string::npos);

  ASSERT_TRUE(by_key.count("deadline-golive"));
  EXPECT_EQ(by_key.at("deadline-golive").date, D(2026, 1, 9));
  EXPECT_NE(by_key.at("deadline-golive").description.find("after the deadline"), std::string::npos);
  ASSERT_TRUE(by_key.count("deadline-integrate"));
  EXPECT_EQ(by_key.at("deadline-integrate").description.find("after the deadline"),
            std::string::npos);

  // Contacts: the next one, or the date in force when it is past or never set.
  EXPECT_EQ(by_key.at("contact-ops-lead").date, D(2026, 6, 17));
  EXPECT_EQ(by_key.at("contact-cfo").date, D(2026, 6, 15));
  EXPECT_NE(by_key.at("contact-cfo").description.find("next was due 2026-06-08"),
            std::string::npos);
  EXPECT_EQ(by_key.at("contact-vp-sales").date, D(2026, 6, 15));
  EXPECT_NE(by_key.at("contact-vp-sales").description.find("Never contacted"), std::string::npos);

  EXPECT_EQ(by_key.at("audit-training").date, D(2026, 5, 31));
  EXPECT_NE(by_key.at("audit-training").description.find("(overdue)"), std::string::npos);
  EXPECT_EQ(by_key.at("audit-requirements").date, D(2026, 6, 30));
}

TEST(CalendarEntriesTest, OrderedByDateThenKey) {
  const auto entries = Entries(WithPlan());
  for (size_t i = 1; i < entries.size(); ++i) {
    const auto& a = entries[i - 1];
    const auto& b = entries[i];
    EXPECT_TRUE(a.date < b.date || (a.date == b.date && a.key < b.key)) << a.key << " " << b.key;
  }
}

TEST(CalendarEntriesTest, NoTargetNoTargetEntry) {
  model::Program p = WithPlan();
  p.target.reset();
  const auto by_key = ByKey(Entries(p));
  EXPECT_FALSE(by_key.count("target"));
}

}  // namespace
}  // namespace tpmkit::report
