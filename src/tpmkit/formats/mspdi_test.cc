#include "tpmkit/formats/mspdi.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "generate.h"
#include "tpmkit/base/check.h"
#include "tpmkit/base/limits.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/task_index.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {
namespace {

namespace fs = std::filesystem;
using model::LinkType;

// The repository root, found from this file's path so that the test runs from any folder.
fs::path RepoRoot() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path();
}

// The real MS Project files: licensed data kept outside the repository.
fs::path SamplesDir() { return RepoRoot().parent_path() / "shared" / "samples" / "mspdi"; }

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

MspdiImport Import(const fs::path& path) {
  std::string xml = Slurp(path);
  EXPECT_FALSE(xml.empty()) << path;
  auto r = ReadMspdi(xml, path.filename().string(), {});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? std::move(r).value() : MspdiImport{};
}

#define SAMPLE_OR_SKIP(var, name)                                          \
  const fs::path var##_path = SamplesDir() / name;                         \
  if (!fs::exists(var##_path)) GTEST_SKIP() << "no sample " << var##_path; \
  const MspdiImport var = Import(var##_path)

const model::Task* FindTask(const model::Program& p, const std::string& id) {
  for (const auto& project : p.projects) {
    for (const auto& t : project.tasks) {
      if (t.id == id) return &t;
    }
  }
  return nullptr;
}

const model::Task& Task(const model::Program& p, const std::string& id) {
  const model::Task* t = FindTask(p, id);
  TPMKIT_CHECK(t != nullptr);
  return *t;
}

size_t LinkCount(const model::Program& p) {
  size_t n = 0;
  for (const auto& project : p.projects) {
    for (const auto& t : project.tasks) n += t.depends.size();
  }
  return n;
}

// model::Validate finds nothing; and, checked here directly: unique task ids, links that
// resolve, no cycles, progress with an actual start, whole-day durations.
void ExpectConsistent(const model::Program& p) {
  for (const auto& issue : model::Validate(p)) ADD_FAILURE() << issue.path << ": " << issue.message;
  std::set<std::string> ids;
  std::set<std::string> project_ids;
  model::TaskIndex index(p);
  std::unordered_map<std::string, std::vector<std::string>> preds;
  for (const auto& project : p.projects) {
    EXPECT_TRUE(project_ids.insert(project.id).second) << "duplicate project " << project.id;
    for (const auto& t : project.tasks) {
      EXPECT_TRUE(ids.insert(t.id).second) << "duplicate task " << t.id;
      for (const auto& l : t.depends) {
        EXPECT_TRUE(index.Find(l.task).has_value()) << t.id << " -> " << l.task;
        preds[t.id].push_back(l.task);
      }
      if (t.percent_complete || t.actual_finish) {
        EXPECT_TRUE(t.actual_start) << t.id;
      }
      EXPECT_EQ(t.PlannedDuration(), std::round(t.PlannedDuration())) << t.id;
    }
  }
  std::unordered_map<std::string, int> color;
  std::function<bool(const std::string&)> acyclic = [&](const std::string& id) {
    if (color[id] == 1) return false;
    if (color[id] == 2) return true;
    color[id] = 1;
    for (const auto& q : preds[id]) {
      if (!acyclic(q)) return false;
    }
    color[id] = 2;
    return true;
  };
  for (const auto& id : ids) EXPECT_TRUE(acyclic(id)) << "cycle through " << id;
  std::set<std::string> resources;
  for (const auto& r : p.resources) EXPECT_TRUE(resources.insert(r.id).second) << r.id;
  for (const auto& project : p.projects) {
    for (const auto& t : project.tasks) {
      for (const auto& r : t.resources) EXPECT_TRUE(resources.count(r)) << t.id << " " << r;
    }
  }
}

// Each expected fragment matches exactly one warning, and there are no others.
void ExpectWarnings(const MspdiImport& import, const std::vector<std::string>& fragments) {
  std::string all;
  for (const auto& w : import.warnings) all += FormatDiagnostic(w) + "\n";
  EXPECT_EQ(import.warnings.size(), fragments.size()) << all;
  for (const auto& f : fragments) {
    int hits = 0;
    for (const auto& w : import.warnings) hits += w.message.find(f) != std::string::npos;
    EXPECT_EQ(hits, 1) << "'" << f << "' in\n" << all;
  }
}

const Diagnostic* WarningWith(const MspdiImport& import, const std::string& fragment) {
  for (const auto& w : import.warnings) {
    if (w.message.find(fragment) != std::string::npos) return &w;
  }
  return nullptr;
}

model::Link Lnk(std::string task, LinkType type, double lag) {
  return {std::move(task), type, lag};
}

// ---------------------------------------------------------------- real files

TEST(MspdiSamples, Project2003TaskLinksAllTypesAndWeekLags) {
  SAMPLE_OR_SKIP(im, "msproject2003_task-links.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 16u);
  EXPECT_EQ(LinkCount(p), 8u);
  EXPECT_EQ(p.start, Date::FromYmd(2014, 10, 17));
  EXPECT_EQ(p.id, "msproject2003_task-links");
  EXPECT_EQ(Task(p, "t2").depends, std::vector{Lnk("t1", LinkType::kFS, 0)});
  EXPECT_EQ(Task(p, "t4").depends, std::vector{Lnk("t3", LinkType::kFS, 1)});    // 4800, d
  EXPECT_EQ(Task(p, "t6").depends, std::vector{Lnk("t5", LinkType::kFS, 2)});    // 9600, d
  EXPECT_EQ(Task(p, "t8").depends, std::vector{Lnk("t7", LinkType::kFS, 5)});    // 1 w
  EXPECT_EQ(Task(p, "t10").depends, std::vector{Lnk("t9", LinkType::kFS, 10)});  // 2 w
  EXPECT_EQ(Task(p, "t12").depends, std::vector{Lnk("t11", LinkType::kSF, 2)});
  EXPECT_EQ(Task(p, "t14").depends, std::vector{Lnk("t13", LinkType::kSS, 2)});
  EXPECT_EQ(Task(p, "t16").depends, std::vector{Lnk("t15", LinkType::kFF, 2)});
  EXPECT_EQ(Task(p, "t1").PlannedDuration(), 1);
  EXPECT_FALSE(p.calendar.has_value());  // the standard Mon-Fri calendar
  ExpectWarnings(im, {});
  ExpectConsistent(p);
}

TEST(MspdiSamples, Project2019SameLinksManualTasksWarnedOnce) {
  SAMPLE_OR_SKIP(im, "msproject2019_task-links_manual.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 16u);
  EXPECT_EQ(LinkCount(p), 8u);
  EXPECT_EQ(Task(p, "t10").depends, std::vector{Lnk("t9", LinkType::kFS, 10)});
  EXPECT_EQ(Task(p, "t16").depends, std::vector{Lnk("t15", LinkType::kFF, 2)});
  ExpectWarnings(im, {"manually scheduled tasks are scheduled from their links"});
  EXPECT_NE(im.warnings[0].message.find("(16)"), std::string::npos);
  EXPECT_GT(im.warnings[0].line, 0);
  ExpectConsistent(p);
}

TEST(MspdiSamples, Project2002OutlineMilestoneLeadRecurring) {
  SAMPLE_OR_SKIP(im, "msproject2002_sample_outline-milestone-lead.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 16u);
  ASSERT_EQ(p.projects.size(), 3u);  // the three top-level summaries
  EXPECT_EQ(p.projects[0].name, "First Task");
  EXPECT_EQ(p.projects[1].name, "Recurring Task");
  EXPECT_EQ(p.projects[2].name, "Task Relationships");  // UID 19, ID 7: outline order
  EXPECT_EQ(p.projects[2].tasks.size(), 12u);
  EXPECT_EQ(LinkCount(p), 6u);
  EXPECT_TRUE(Task(p, "t3").milestone);
  EXPECT_EQ(Task(p, "t2").PlannedDuration(), 100);  // PT800H at 480 min/day
  EXPECT_EQ(Task(p, "t12").depends, std::vector{Lnk("t11", LinkType::kFS, 1)});
  EXPECT_EQ(Task(p, "t14").depends, std::vector{Lnk("t13", LinkType::kFS, -1)});  // -4800
  EXPECT_EQ(Task(p, "t16").depends, std::vector{Lnk("t15", LinkType::kSS, 0)});
  EXPECT_EQ(Task(p, "t18").depends, std::vector{Lnk("t17", LinkType::kFF, 0)});
  EXPECT_EQ(Task(p, "t21").depends, std::vector{Lnk("t20", LinkType::kSF, 0)});
  EXPECT_EQ(Task(p, "t7").start_no_earlier_than, Date::FromYmd(2003, 2, 1));
  EXPECT_EQ(Task(p, "t2").cost, Money::FromCents(352625));
  EXPECT_EQ(Task(p, "t2").resources,
            (std::vector<std::string>{"first-resource", "second-resource"}));
  ASSERT_EQ(p.resources.size(), 2u);
  EXPECT_EQ(p.resources[0].rate, Money::FromDouble(80));  // 10 per hour, 8 hours
  ExpectWarnings(im, {"task notes are not carried (1)",
                      "recurring tasks are imported as their individual occurrences (3)",
                      "overtime rates and per-use costs are not carried (2)"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, MpxjWriterHourLagsAndNestedSummaries) {
  SAMPLE_OR_SKIP(im, "mpxj-writer_sample1_lagformat-hours.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.name, "MPXJ Sample");
  EXPECT_EQ(p.TaskCount(), 18u);
  EXPECT_EQ(LinkCount(p), 6u);
  // LagFormat 5 (hours), LinkLag 4800 = 480 minutes = 8 h = 1 day at 480 min/day.
  EXPECT_EQ(Task(p, "t12").depends, std::vector{Lnk("t11", LinkType::kFS, 1)});
  EXPECT_EQ(Task(p, "t14").depends, std::vector{Lnk("t13", LinkType::kFS, -1)});
  // A summary at level 2 is flattened into its children's names.
  EXPECT_EQ(Task(p, "t23").name, "Resource Assignments / Assigned Task 1");
  EXPECT_EQ(Task(p, "t23").PlannedDuration(), 5);
  EXPECT_EQ(Task(p, "t9").deadline, Date::FromYmd(2003, 3, 14));
  ExpectWarnings(im, {"constraints and deadlines on summary tasks are not carried (4)",
                      "task notes are not carried (3)",
                      "overtime rates and per-use costs are not carried (2)"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, BaselinesFileSevenAndAHalfHourDay) {
  SAMPLE_OR_SKIP(im, "msproject_baselines.xml");
  const auto& p = im.program;
  ASSERT_EQ(p.TaskCount(), 1u);
  const auto& t = Task(p, "t1");
  EXPECT_EQ(t.PlannedDuration(), 1);     // PT7H30M0S at 450 minutes per day
  EXPECT_FALSE(t.baseline.has_value());  // only Baselines 1..10, no Baseline 0
  ExpectWarnings(im, {"baselines other than Baseline 0 are not carried (10)",
                      "resource and assignment baselines are not carried (11)"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, NullTasksSkipBlankRows) {
  SAMPLE_OR_SKIP(im, "msproject2007_null-tasks.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 3u);  // of 9 rows: the summary, 3 blanks, 2 summaries
  ASSERT_EQ(p.projects.size(), 2u);
  EXPECT_EQ(p.projects[0].name, "Task 1");
  EXPECT_EQ(p.projects[1].name, "Task 4");
  EXPECT_EQ(p.projects[1].tasks[0].name, "Task 5");
  EXPECT_EQ(Task(p, "t3").PlannedDuration(), 10);  // PT75H at 450 min/day
  ExpectWarnings(im, {});
  ExpectConsistent(p);
}

TEST(MspdiSamples, CalendarExceptionsGiveHolidaysOnce) {
  SAMPLE_OR_SKIP(im, "msproject2016_calendar-exceptions.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 0u);
  ASSERT_TRUE(p.calendar.has_value());
  const auto& h = p.calendar->holidays;
  // The 27 recurring exceptions expand to the same 89 working-day holidays as the 138
  // legacy WeekDay entries; each date once, sorted.
  EXPECT_EQ(h.size(), 89u);
  EXPECT_TRUE(std::is_sorted(h.begin(), h.end()));
  EXPECT_EQ(std::set<Date>(h.begin(), h.end()).size(), h.size());
  EXPECT_EQ(h.front(), Date::FromYmd(2000, 1, 3));
  EXPECT_EQ(h.back(), Date::FromYmd(2009, 5, 21));
  EXPECT_TRUE(std::count(h.begin(), h.end(), Date::FromYmd(2000, 2, 7)));  // every 3 days
  EXPECT_TRUE(std::count(h.begin(), h.end(), Date::FromYmd(2007, 3, 6)));  // 1st Tue of March
  ExpectWarnings(im,
                 {"make a non-working weekday a working day are not representable (the day stays "
                  "non-working) (3)"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, ExtendedAttributesWarned) {
  SAMPLE_OR_SKIP(im, "msproject2003_extended-attributes.xml");
  EXPECT_EQ(im.program.TaskCount(), 1u);
  EXPECT_EQ(Task(im.program, "t1").PlannedDuration(), 10);
  ExpectWarnings(im, {"custom field values (ExtendedAttribute) are not carried (16): Task One, "
                      "Resource One",
                      "outline code values are not carried (1)"});
  ExpectConsistent(im.program);
}

TEST(MspdiSamples, ProjectLibreDerivesSummariesAndExpandsSummaryLinks) {
  SAMPLE_OR_SKIP(im, "projectlibre_new-product.xml");
  const auto& p = im.program;
  EXPECT_EQ(p.TaskCount(), 36u);  // 43 rows: the project summary and 6 phases are not tasks
  ASSERT_EQ(p.projects.size(), 7u);
  EXPECT_EQ(p.projects[0].tasks[0].name, "Begin project");  // outside any summary
  EXPECT_EQ(p.projects[1].name, "Design Phase");
  EXPECT_TRUE(Task(p, "t2").milestone);
  EXPECT_EQ(Task(p, "t4").PlannedDuration(), 25);
  const auto& training = Task(p, "t28").depends;
  EXPECT_NE(std::find(training.begin(), training.end(), Lnk("t25", LinkType::kFS, -15)),
            training.end());  // LinkLag -72000 = 15 days lead
  EXPECT_EQ(Task(p, "t18").depends, std::vector{Lnk("t17", LinkType::kFF, 0)});
  // "Marketing and Sales Phase" follows "Finance Phase" (FS, summary to summary): each
  // marketing task follows each finance task.
  for (const char* id : {"t24", "t25", "t29"}) {
    const auto& deps = Task(p, id).depends;
    for (const char* pred : {"t8", "t15"}) {
      EXPECT_NE(std::find(deps.begin(), deps.end(), Lnk(pred, LinkType::kFS, 0)), deps.end())
          << id << " <- " << pred;
    }
  }
  EXPECT_EQ(p.resources.size(), 8u);
  ExpectWarnings(im, {"overtime rates and per-use costs are not carried (2)"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, GanttProject24HourDayIsOneDay) {
  SAMPLE_OR_SKIP(im, "ganttproject-issue2659_24h-manual.xml");
  const auto& p = im.program;
  ASSERT_EQ(p.TaskCount(), 1u);
  EXPECT_EQ(Task(p, "t1").PlannedDuration(), 1);  // PT24H at 1440 minutes per day
  EXPECT_EQ(p.start, Date::FromYmd(2025, 1, 30));
  EXPECT_EQ(p.target, Date::FromYmd(2025, 1, 30));  // finish at 00:00 ends the day before
  ExpectWarnings(im, {"manually scheduled tasks"});
  ExpectConsistent(p);
}

TEST(MspdiSamples, EveryFileImports) {
  if (!fs::exists(SamplesDir())) GTEST_SKIP() << "no samples";
  int files = 0;
  for (const auto& entry : fs::directory_iterator(SamplesDir())) {
    if (entry.path().extension() != ".xml") continue;
    ++files;
    MspdiImport im = Import(entry.path());
    ExpectConsistent(im.program);
    for (const auto& w : im.warnings) {
      EXPECT_EQ(w.file, entry.path().filename().string());
      EXPECT_GT(w.line, 0) << w.message;
      EXPECT_GT(w.column, 0) << w.message;
    }
    // Writing what was read and reading it back changes nothing the model holds.
    auto again = ReadMspdi(WriteMspdi(im.program, {}), "again.xml", {.program_id = im.program.id});
    ASSERT_TRUE(again.ok()) << entry.path();
    EXPECT_EQ(again->program.projects, im.program.projects) << entry.path();
    EXPECT_EQ(again->program.EffectiveCalendar(), im.program.EffectiveCalendar());
  }
  EXPECT_EQ(files, 10);
}

// ---------------------------------------------------------------- own fixtures

fs::path Fixture(const std::string& name) { return RepoRoot() / "tests" / "data" / "mspdi" / name; }

TEST(MspdiFixtures, EveryLinkTypeAndLagFormat) {
  MspdiImport im = Import(Fixture("links.xml"));
  const auto& p = im.program;
  EXPECT_EQ(Task(p, "t2").depends, std::vector{Lnk("t1", LinkType::kFS, 1)});   // 4800, days
  EXPECT_EQ(Task(p, "t3").depends, std::vector{Lnk("t1", LinkType::kSS, 1)});   // 4800, hours
  EXPECT_EQ(Task(p, "t4").depends, std::vector{Lnk("t1", LinkType::kFF, 6)});   // minutes
  EXPECT_EQ(Task(p, "t5").depends, std::vector{Lnk("t1", LinkType::kSF, 5)});   // 1 week
  EXPECT_EQ(Task(p, "t6").depends, std::vector{Lnk("t1", LinkType::kFS, -2)});  // lead
  EXPECT_EQ(Task(p, "t7").depends, std::vector{Lnk("t1", LinkType::kFS, 5)});   // 7 ed
  EXPECT_EQ(Task(p, "t8").depends, std::vector{Lnk("t1", LinkType::kFS, 2)});   // 50% of 4d
  EXPECT_EQ(Task(p, "t9").depends, std::vector{Lnk("t1", LinkType::kFS, 1)});   // 0.5d
  EXPECT_EQ(Task(p, "t10").depends, std::vector{Lnk("t1", LinkType::kFS, 2)});  // estimated d
  EXPECT_EQ(Task(p, "t11").depends, std::vector{Lnk("t1", LinkType::kFS, 0)});  // defaults
  // Legacy calendar entries: a one-day holiday and a Thu-Sat range (Saturday dropped).
  ASSERT_TRUE(p.calendar.has_value());
  EXPECT_EQ(p.calendar->holidays,
            (std::vector{Date::FromYmd(2026, 5, 25), Date::FromYmd(2026, 12, 24),
                         Date::FromYmd(2026, 12, 25)}));
  ExpectWarnings(
      im, {"elapsed lags are approximated in working days (5 per week) (1): FS 7 elapsed days",
           "percent lags become the nearest whole number of working days (1): FS 50 percent",
           "lags that are not whole working days (480 minutes per day) are rounded to the "
           "nearest day (1): FS half a day"});
  const Diagnostic* elapsed = WarningWith(im, "elapsed lags");
  ASSERT_NE(elapsed, nullptr);
  EXPECT_EQ(elapsed->file, "links.xml");
  EXPECT_EQ(elapsed->line, 157);  // the <PredecessorLink> of "FS 7 elapsed days"
  EXPECT_EQ(elapsed->column, 8);
  ExpectConsistent(p);
}

TEST(MspdiFixtures, OutlineProgressConstraintsAndCycles) {
  MspdiImport im = Import(Fixture("outline.xml"));
  const auto& p = im.program;
  ASSERT_EQ(p.projects.size(), 3u);
  EXPECT_EQ(p.projects[0].id, "tasks");  // top-level tasks outside any summary
  EXPECT_EQ(p.projects[1].id, "build");
  EXPECT_EQ(p.projects[2].id, "ops");
  EXPECT_EQ(p.TaskCount(), 8u);  // the blank row and the summaries are not tasks

  const auto& loose = Task(p, "t10");
  EXPECT_EQ(loose.percent_complete, 50);
  EXPECT_EQ(loose.actual_start, Date::FromYmd(2026, 1, 5));

  const auto& design = Task(p, "t12");
  EXPECT_EQ(design.owner, "Ana Ruiz");
  EXPECT_EQ(design.cost, Money::FromDouble(12500));
  EXPECT_EQ(design.start_no_earlier_than, Date::FromYmd(2026, 1, 7));
  EXPECT_EQ(design.deadline, Date::FromYmd(2026, 2, 27));
  EXPECT_EQ(design.baseline,
            (model::Baseline{Date::FromYmd(2026, 1, 5), Date::FromYmd(2026, 1, 9)}));
  EXPECT_EQ(design.resources, std::vector<std::string>{"ana-ruiz"});
  ASSERT_EQ(p.resources.size(), 1u);
  EXPECT_EQ(p.resources[0].rate, Money::FromDouble(800));
  EXPECT_EQ(p.resources[0].capacity, 2);

  EXPECT_EQ(Task(p, "t14").name, "Backend / API");
  EXPECT_EQ(Task(p, "t14").PlannedDuration(), 10);
  const auto& db = Task(p, "t15");
  EXPECT_EQ(db.name, "Backend / DB");
  EXPECT_EQ(db.duration, 1);                               // 8.5 hours rounded
  EXPECT_EQ(db.actual_finish, Date::FromYmd(2026, 1, 6));  // 00:00 ends the day before
  EXPECT_EQ(db.PercentComplete(), 100);

  // Launch follows the Backend summary (FS): both of its tasks.
  const auto& launch = Task(p, "t17");
  EXPECT_TRUE(launch.milestone);
  EXPECT_EQ(launch.depends,
            (std::vector{Lnk("t14", LinkType::kFS, 0), Lnk("t15", LinkType::kFS, 0)}));
  // Runbook SS-follows the Build summary: all of Build's leaves, with a warning.
  EXPECT_EQ(Task(p, "t19").depends,
            (std::vector{Lnk("t12", LinkType::kSS, 0), Lnk("t14", LinkType::kSS, 0),
                         Lnk("t15", LinkType::kSS, 0)}));
  EXPECT_EQ(Task(p, "t19").start_no_earlier_than, Date::FromYmd(2026, 2, 2));  // Must Start On
  // The cycle A <-> B loses one link.
  EXPECT_EQ(Task(p, "t20").depends.size() + Task(p, "t21").depends.size(), 1u);

  // <Exceptions> only: a holiday and the Fridays of August 2026.
  ASSERT_TRUE(p.calendar.has_value());
  EXPECT_EQ(
      p.calendar->holidays,
      (std::vector{Date::FromYmd(2026, 7, 3), Date::FromYmd(2026, 8, 7), Date::FromYmd(2026, 8, 14),
                   Date::FromYmd(2026, 8, 21), Date::FromYmd(2026, 8, 28)}));
  ExpectWarnings(im, {"manually scheduled tasks are scheduled from their links (their scheduled "
                      "duration is kept) (1): Backend / API",
                      "durations that are not whole working days", "'Must Start On' constraints",
                      "links to unknown tasks are dropped (1): Launch",
                      "links to the project summary or skipped tasks are dropped (1): Launch",
                      "SS/FF/SF links on summary tasks", "links that close a dependency cycle"});
  ExpectConsistent(p);
}

TEST(MspdiRead, MalformedXmlGivesLineAndColumn) {
  auto r = ReadMspdi("<Project>\n  <Tasks>\n    <Task></Tsk>\n", "bad.xml", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(r.error().diagnostics.size(), 1u);
  const Diagnostic& d = r.error().diagnostics[0];
  EXPECT_EQ(d.file, "bad.xml");
  EXPECT_EQ(d.line, 3);
  EXPECT_GT(d.column, 1);
  EXPECT_NE(d.message.find("malformed XML"), std::string::npos);
  EXPECT_NE(r.error().message.find("bad.xml:3:"), std::string::npos);
}

TEST(MspdiRead, RejectsOtherDocumentsAndBadIds) {
  auto other = ReadMspdi("<html/>", "x.xml", {});
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kInvalidInput);
  auto bad_id = ReadMspdi("<Project><StartDate>2026-01-05T08:00:00</StartDate></Project>", "x.xml",
                          {.program_id = "Not A Slug"});
  ASSERT_FALSE(bad_id.ok());
  auto no_start = ReadMspdi("<Project/>", "x.xml", {});
  ASSERT_FALSE(no_start.ok());
}

TEST(MspdiRead, ProgramIdFromFileNameOrOptions) {
  const std::string xml =
      "<Project xmlns=\"http://schemas.microsoft.com/project\"><Name>Plan.xml</Name>"
      "<StartDate>2026-01-05T08:00:00</StartDate><StatusDate>2026-02-02T17:00:00</StatusDate>"
      "</Project>";
  auto a = ReadMspdi(xml, "/tmp/My Plan (v2).xml", {});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->program.id, "my-plan-v2");
  EXPECT_EQ(a->program.name, "Plan");
  EXPECT_EQ(a->program.status_date, Date::FromYmd(2026, 2, 2));
  auto b = ReadMspdi(xml, "x.xml", {.program_id = "phoenix"});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->program.id, "phoenix");
}

TEST(MspdiRead, WarningsAggregateWithFewExamples) {
  std::string xml = "<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks>";
  for (int i = 1; i <= 40; ++i) {
    xml += "<Task><UID>" + std::to_string(i) + "</UID><ID>" + std::to_string(i) + "</ID><Name>T" +
           std::to_string(i) +
           "</Name><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration><Manual>1</Manual>"
           "<Recurring>1</Recurring></Task>";
  }
  xml += "</Tasks></Project>";
  auto r = ReadMspdi(xml, "many.xml", {.program_id = "", .max_examples = 2});
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->warnings.size(), 2u);
  EXPECT_NE(r->warnings[0].message.find("(40): T1, T2, ..."), std::string::npos)
      << r->warnings[0].message;
  EXPECT_EQ(r->warnings[0].line, 1);
}

// ---------------------------------------------------------------- bounds (docs/limits.md)

// What import gives, export can write and check accepts: the program validates, its YAML
// reads back to the same program, and its MSPDI re-imports to a valid program.
void ExpectExportAndCheckPass(const model::Program& p, const std::string& what) {
  SCOPED_TRACE(what);
  for (const auto& issue : model::Validate(p)) ADD_FAILURE() << issue.path << ": " << issue.message;
  const std::string yaml = WriteProgramFile(p);
  auto checked = ReadProgramFile(yaml, "exported.yaml");
  ASSERT_TRUE(checked.ok()) << FormatDiagnostic(checked.error().diagnostics.at(0));
  EXPECT_TRUE(*checked == p);
  auto again = ReadMspdi(WriteMspdi(p, {}), "exported.xml", {.program_id = p.id});
  ASSERT_TRUE(again.ok()) << again.error().message;
  for (const auto& issue : model::Validate(again->program)) {
    ADD_FAILURE() << "re-imported: " << issue.path << ": " << issue.message;
  }
}

// `n` replacement characters.
std::string R(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "\xEF\xBF\xBD";
  return out;
}

TEST(MspdiBounds, ValuesBeyondTheLimitsAreNormalizedWithWarnings) {
  MspdiImport im = Import(Fixture("bounds.xml"));
  const model::Program& p = im.program;
  // The start in year 0 is dropped: the earliest task start stands in.
  EXPECT_EQ(p.start, Date::FromYmd(2026, 1, 5));
  EXPECT_FALSE(p.status_date.has_value());
  // Character references beyond Unicode and lone surrogates become U+FFFD.
  // One U+FFFD per maximal invalid subpart (Unicode 15, 3.9): pugixml writes U+110000 as
  // F4 90 80 80 (4 subparts) and U+D800 as ED A0 80 (3).
  EXPECT_EQ(p.name, "Bounds " + R(4) + " fixture " + R(3));
  ASSERT_EQ(p.TaskCount(), 3u);
  const model::Task& unnamed = Task(p, "t1");
  EXPECT_EQ(unnamed.name, "Task 1");
  const model::Task& build = Task(p, "t2");
  EXPECT_EQ(build.name, "Build " + R(7));
  EXPECT_EQ(build.duration, limits::kMaxDays);
  EXPECT_FALSE(build.cost.has_value());
  EXPECT_FALSE(build.deadline.has_value());
  EXPECT_FALSE(build.baseline.has_value());
  EXPECT_EQ(build.depends, std::vector{Lnk("t1", LinkType::kFS, limits::kMaxDays)});
  const model::Task& test = Task(p, "t3");
  EXPECT_FALSE(test.cost.has_value());
  EXPECT_EQ(test.actual_start, Date::FromYmd(2026, 3, 2));  // 1492 dropped: the scheduled start
  // Calendar: the endless daily exception is skipped, the yearly one clipped to the date
  // limits, and the weekly one stops at the holiday limit.
  ASSERT_TRUE(p.calendar.has_value());
  EXPECT_EQ(p.calendar->holidays.size(), limits::kMaxHolidays);
  EXPECT_EQ(p.calendar->holidays.front(), Date::FromYmd(1900, 1, 1));
  EXPECT_TRUE(std::binary_search(p.calendar->holidays.begin(), p.calendar->holidays.end(),
                                 Date::FromYmd(2200, 12, 25)));
  EXPECT_FALSE(std::binary_search(p.calendar->holidays.begin(), p.calendar->holidays.end(),
                                  Date::FromYmd(2026, 5, 25)));
  ExpectWarnings(
      im,
      {"text that is not valid UTF-8", "dates outside 1900-01-01..2200-12-31 are dropped (4)",
       "calendar exception dates outside 1900-01-01..2200-12-31 are dropped (3)",
       "calendar exceptions longer than 10 years (3653 days) are skipped (1)",
       "calendar holidays beyond 20000 are dropped (1)",
       "tasks without a name are named \"Task <UID>\" (1)",
       "durations longer than 13000 working days", "costs above 10000000000000 are dropped (1)",
       "baselines that finish before they start are dropped (1)", "negative costs are dropped (1)",
       "lags beyond 13000 working days", "lags that are not whole working days",
       "progress without an actual start uses the scheduled start (1)"});
  // "dates outside ... (4)": the start, the status date, a deadline and an actual start.
  for (const auto& w : im.warnings) EXPECT_FALSE(limits::CheckText(w.message)) << w.message;
  ExpectConsistent(p);
  ExpectExportAndCheckPass(p, "bounds.xml");
}

TEST(MspdiBounds, CalendarExceptionsCostTheirOccurrencesNotTheirSpan) {
  // 200 exceptions, each spanning eight millennia: the work is bounded by the date limits
  // and the holiday limit, not by the days written (this took seconds and 100s of MB).
  std::string xml =
      "<Project><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID>"
      "<Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><Exceptions>";
  for (int i = 0; i < 200; ++i) {
    xml += fmt::format(
        "<Exception><TimePeriod><FromDate>0001-01-01T00:00:00</FromDate>"
        "<ToDate>9999-12-31T23:59:00</ToDate></TimePeriod><Type>{}</Type><Period>{}</Period>"
        "<Month>{}</Month><MonthDay>{}</MonthDay><DaysOfWeek>{}</DaysOfWeek>"
        "<DayWorking>0</DayWorking></Exception>",
        1 + i % 7, 1 + i % 5, i % 12, 1 + i % 28, 1 + i % 127);
  }
  xml += "</Exceptions></Calendar></Calendars></Project>";
  auto r = ReadMspdi(xml, "millennia.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->program.calendar.has_value());
  const auto& holidays = r->program.calendar->holidays;
  EXPECT_LE(holidays.size(), limits::kMaxHolidays);
  EXPECT_FALSE(holidays.empty());
  EXPECT_GE(holidays.front(), limits::kMinDate);
  EXPECT_LE(holidays.back(), limits::kMaxDate);
  EXPECT_TRUE(model::Validate(r->program).empty());
}

TEST(MspdiBounds, SummaryLinksExpandPairwiseWhileSmall) {
  // 3 summaries of 3 leaves: every leaf of S1 after every leaf of S0, and so on (exact).
  auto r = ReadMspdi(testing::SummaryChainMspdi(3, 3), "chain.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(LinkCount(r->program), 18u);
  ExpectWarnings(*r, {});
}

TEST(MspdiBounds, SummaryLinksStayLinearInTheInput) {
  // 20 summaries of 500 leaves (about 1 MB): pairwise expansion would need 4,750,000 links
  // (the 233 KB file of issue 14 gave 1,000,000). Beyond limits::kMaxSummaryLinkExpansion
  // a summary predecessor stands for its last leaf and a summary successor for its first.
  const std::string xml = testing::SummaryChainMspdi(20, 500);
  auto r = ReadMspdi(xml, "chain.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(LinkCount(r->program), 19u);
  const auto& first = r->program.projects[1].tasks.front();
  ASSERT_EQ(first.depends.size(), 1u);
  EXPECT_EQ(first.depends[0].task, r->program.projects[0].tasks.back().id);
  ExpectWarnings(*r, {"links on summary tasks beyond 100000 subtask links are applied to the "
                      "summary's first (successor) or last (predecessor) subtask (19)"});
  EXPECT_TRUE(model::Validate(r->program).empty());
  // Below the budget, the expansion is pairwise until the budget is spent.
  auto some = ReadMspdi(testing::SummaryChainMspdi(5, 200), "chain.xml", {});
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(LinkCount(some->program), 2u * 40'000u + 2u);
}

TEST(MspdiBounds, DeepOutlinesStayLinear) {
  // A summary at every level of 3,000, each with one leaf: every leaf used to carry the
  // names of all its summaries, and every summary a copy of all its leaves (447 MB for
  // 4,000 levels). Names now carry the nearest four summaries; a link on the outermost
  // summary still reaches every leaf.
  constexpr int kLevels = 3000;
  std::string xml = "<Project><StartDate>2026-01-05T08:00:00</StartDate><Tasks>";
  int uid = 1;
  for (int level = 1; level <= kLevels; ++level) {
    xml += fmt::format(
        "<Task><UID>{0}</UID><ID>{0}</ID><Name>Summary {1}</Name><OutlineLevel>{1}</OutlineLevel>"
        "</Task><Task><UID>{2}</UID><ID>{2}</ID><Name>Leaf {1}</Name><OutlineLevel>{3}"
        "</OutlineLevel><Duration>PT8H0M0S</Duration></Task>",
        uid, level, uid + 1, level + 1);
    uid += 2;
  }
  xml += fmt::format(
      "<Task><UID>{0}</UID><ID>{0}</ID><Name>After</Name><OutlineLevel>1</OutlineLevel>"
      "<Duration>PT8H0M0S</Duration><PredecessorLink><PredecessorUID>1</PredecessorUID>"
      "<Type>1</Type></PredecessorLink></Task></Tasks></Project>",
      uid);
  auto r = ReadMspdi(xml, "deep.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  size_t tasks = 0;
  size_t longest = 0;
  for (const auto& p : r->program.projects) {
    for (const auto& t : p.tasks) {
      ++tasks;
      longest = std::max(longest, t.name.size());
    }
  }
  EXPECT_EQ(tasks, size_t{kLevels} + 1);
  EXPECT_LT(longest, 80u);
  const auto& deepest = r->program.projects[0].tasks.back();
  EXPECT_EQ(deepest.name,
            "... / Summary 2997 / Summary 2998 / Summary 2999 / Summary 3000 / "
            "Leaf 3000");
  EXPECT_EQ(r->program.projects[1].tasks.front().depends.size(), size_t{kLevels});
  EXPECT_TRUE(model::Validate(r->program).empty());
}

TEST(MspdiBounds, RecurrencesKeepTheirPhaseWhenClipped) {
  // Every 3rd day from 1899-12-30 (a Saturday): clipped at 1900-01-01, the days stay those
  // of the written recurrence (1900-01-02, 1900-01-05, ...), Sundays and Saturdays apart.
  const std::string xml =
      "<Project><StartDate>1900-01-01T08:00:00</StartDate><CalendarUID>1</CalendarUID>"
      "<Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><Exceptions>"
      "<Exception><TimePeriod><FromDate>1899-12-30T00:00:00</FromDate>"
      "<ToDate>1900-01-10T23:59:00</ToDate></TimePeriod><Type>7</Type><Period>3</Period>"
      "<DayWorking>0</DayWorking></Exception></Exceptions></Calendar></Calendars></Project>";
  auto r = ReadMspdi(xml, "phase.xml", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_TRUE(r->program.calendar.has_value());
  EXPECT_EQ(r->program.calendar->holidays,
            (std::vector<Date>{Date::FromYmd(1900, 1, 2), Date::FromYmd(1900, 1, 5),
                               Date::FromYmd(1900, 1, 8)}));
}

TEST(MspdiBounds, ImportExportCheckPassesOnEveryFixtureAndSample) {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(RepoRoot() / "tests" / "data" / "mspdi")) {
    if (e.path().extension() == ".xml") files.push_back(e.path());
  }
  ASSERT_GE(files.size(), 3u);
  if (fs::exists(SamplesDir())) {
    for (const auto& e : fs::directory_iterator(SamplesDir())) {
      if (e.path().extension() == ".xml") files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    MspdiImport im = Import(file);
    ExpectExportAndCheckPass(im.program, file.filename().string());
  }
}

// ---------------------------------------------------------------- round trip

model::Task Normalized(model::Task t) {
  if (t.cost && t.cost->cents() == 0) t.cost.reset();
  if (t.percent_complete && *t.percent_complete == 0 && !t.actual_finish)
    t.percent_complete.reset();
  return t;
}

TEST(MspdiRoundTrip, GeneratedPrograms) {
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    SCOPED_TRACE(seed);
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 60;
    model::Program p = testing::GenerateProgram(o);
    std::string xml = WriteMspdi(p, {});
    auto r = ReadMspdi(xml, "gen.xml", {.program_id = p.id});
    ASSERT_TRUE(r.ok()) << r.error().message;
    EXPECT_TRUE(r->warnings.empty()) << FormatDiagnostic(r->warnings.front());
    const model::Program& q = r->program;
    EXPECT_EQ(q.id, p.id);
    EXPECT_EQ(q.name, p.name);
    EXPECT_EQ(q.start, p.start);
    EXPECT_EQ(q.status_date, p.status_date);
    EXPECT_EQ(q.target, p.target);
    EXPECT_EQ(q.EffectiveCalendar(), p.EffectiveCalendar());
    EXPECT_EQ(q.calendar, p.calendar);
    ASSERT_EQ(q.projects.size(), p.projects.size());
    for (size_t i = 0; i < p.projects.size(); ++i) {
      EXPECT_EQ(q.projects[i].id, p.projects[i].id);
      EXPECT_EQ(q.projects[i].name, p.projects[i].name);
      EXPECT_EQ(q.projects[i].owner, p.projects[i].owner);
      ASSERT_EQ(q.projects[i].tasks.size(), p.projects[i].tasks.size());
      for (size_t j = 0; j < p.projects[i].tasks.size(); ++j) {
        const model::Task& a = p.projects[i].tasks[j];
        const model::Task& b = q.projects[i].tasks[j];
        EXPECT_EQ(b.PlannedDuration(), a.PlannedDuration()) << a.id;
        EXPECT_EQ(b.depends, a.depends) << a.id;
        EXPECT_EQ(b.PercentComplete(), a.PercentComplete()) << a.id;
        EXPECT_EQ(Normalized(b), Normalized(a)) << a.id;
      }
    }
    ASSERT_EQ(q.resources.size(), p.resources.size());
    for (size_t i = 0; i < p.resources.size(); ++i) {
      EXPECT_EQ(q.resources[i].name, p.resources[i].name);
      EXPECT_EQ(q.resources[i].rate, p.resources[i].rate);
      EXPECT_EQ(q.resources[i].capacity, p.resources[i].capacity);
    }
    ExpectConsistent(q);
  }
}

TEST(MspdiRoundTrip, FixturesSurviveWriteAndRead) {
  for (const char* name : {"links.xml", "outline.xml"}) {
    MspdiImport im = Import(Fixture(name));
    auto again = ReadMspdi(WriteMspdi(im.program, {}), name, {.program_id = im.program.id});
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(again->warnings.empty()) << FormatDiagnostic(again->warnings.front());
    EXPECT_EQ(again->program.projects, im.program.projects) << name;
    EXPECT_EQ(again->program.resources, im.program.resources) << name;
    EXPECT_EQ(again->program.calendar, im.program.calendar) << name;
  }
}

TEST(MspdiWrite, DocumentShapeAndComputedDates) {
  testing::GenerateOptions o;
  o.tasks = 6;
  o.projects = 2;
  model::Program p = testing::GenerateProgram(o);
  std::vector<MspdiTaskDates> dates;
  for (size_t i = 0; i < p.TaskCount(); ++i) {
    dates.push_back({Date::FromYmd(2026, 3, 2) + static_cast<int>(i), Date::FromYmd(2026, 3, 9)});
  }
  std::string xml = WriteMspdi(p, {.dates = dates});
  EXPECT_NE(xml.find("<Project xmlns=\"http://schemas.microsoft.com/project\">"),
            std::string::npos);
  EXPECT_NE(xml.find("<SaveVersion>14</SaveVersion>"), std::string::npos);
  EXPECT_NE(xml.find("<MinutesPerDay>480</MinutesPerDay>"), std::string::npos);
  EXPECT_NE(xml.find("<Start>2026-03-03T"), std::string::npos);
  EXPECT_NE(xml.find("<Finish>2026-03-09T17:00:00</Finish>"), std::string::npos);
  EXPECT_NE(xml.find("<LagFormat>7</LagFormat>"), std::string::npos);
  auto r = ReadMspdi(xml, "w.xml", {});
  ASSERT_TRUE(r.ok());
  // Projects are top-level summaries, their tasks at outline level 2.
  ASSERT_EQ(r->program.projects.size(), 2u);
  EXPECT_EQ(r->program.projects[0].id, p.projects[0].id);
  EXPECT_NE(xml.find("<OutlineLevel>2</OutlineLevel>"), std::string::npos);
}

TEST(MspdiWrite, EscapesText) {
  model::Program p;
  p.id = "x";
  p.name = "R&D <core>";
  p.start = Date::FromYmd(2026, 1, 5);
  p.projects.push_back({"p", "P & Q", "", {}});
  model::Task t;
  t.id = "a";
  t.name = "Fish & <chips>";
  t.duration = 3;
  p.projects[0].tasks.push_back(t);
  auto r = ReadMspdi(WriteMspdi(p, {}), "x.xml", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->program.name, "R&D <core>");
  EXPECT_EQ(r->program.projects[0].tasks[0].name, "Fish & <chips>");
  EXPECT_EQ(r->program.projects[0].tasks[0].duration, 3);
}

}  // namespace
}  // namespace tpmkit::formats
