#include "tpmkit/plan/schedule.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "generate.h"
#include "tpmkit/model/task_index.h"

namespace tpmkit::plan {
namespace {

using model::LinkType;

Date D(int y, unsigned m, unsigned d) { return Date::FromYmd(y, m, d); }

// A one-project program starting Monday 2026-01-05.
struct Builder {
  model::Program p;
  Builder() {
    p.id = "t";
    p.name = "T";
    p.start = D(2026, 1, 5);
    p.projects.push_back({"core", "Core", "", {}});
  }
  model::Task& Add(const std::string& id, double duration) {
    model::Task t;
    t.id = id;
    t.name = "Task " + id;
    if (duration == 0) {
      t.milestone = true;
    } else {
      t.duration = duration;
    }
    p.projects[0].tasks.push_back(t);
    return p.projects[0].tasks.back();
  }
  model::Task& Link(const std::string& succ, const std::string& pred, LinkType type = LinkType::kFS,
                    double lag = 0) {
    for (auto& t : p.projects[0].tasks) {
      if (t.id == succ) {
        t.depends.push_back({pred, type, lag});
        return t;
      }
    }
    ADD_FAILURE() << "no task " << succ;
    return p.projects[0].tasks.front();
  }
  Schedule Run(ScheduleOptions o = {}) {
    auto s = ComputeSchedule(p, o);
    EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
    return std::move(s).value();
  }
};

TEST(Schedule, FinishToStart) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.Link("b", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 5);
  EXPECT_EQ(s.tasks[1].early_finish, 8);
  EXPECT_EQ(s.finish_position, 8);
  EXPECT_EQ(s.start, D(2026, 1, 5));
  EXPECT_EQ(s.finish, D(2026, 1, 14));
  EXPECT_EQ(s.tasks[0].start, D(2026, 1, 5));
  EXPECT_EQ(s.tasks[0].finish, D(2026, 1, 9));
  EXPECT_EQ(s.tasks[1].start, D(2026, 1, 12));
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_EQ(s.tasks[1].total_float, 0);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, FinishToStartLagAndLead) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.Add("c", 3);
  b.Link("b", "a", LinkType::kFS, 2);
  b.Link("c", "a", LinkType::kFS, -2);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 7);
  EXPECT_EQ(s.tasks[2].early_start, 3);
  EXPECT_EQ(s.finish_position, 10);
  EXPECT_EQ(s.tasks[2].total_float, 4);
  EXPECT_EQ(s.tasks[2].free_float, 4);
  EXPECT_EQ(s.tasks[0].free_float, 0);  // least slack of its links (a->b)
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, StartToStart) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.Add("c", 2);
  b.Link("b", "a", LinkType::kSS, 2);
  b.Link("c", "a", LinkType::kSS, -3);  // a lead cannot start before position 0
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 2);
  EXPECT_EQ(s.tasks[1].early_finish, 5);
  EXPECT_EQ(s.tasks[2].early_start, 0);
  EXPECT_EQ(s.finish_position, 5);
  // LS(a) <= LS(b) - 2 = 0.
  EXPECT_EQ(s.tasks[0].late_start, 0);
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_EQ(s.tasks[1].total_float, 0);
  EXPECT_EQ(s.tasks[2].total_float, 3);
  EXPECT_EQ(s.tasks[0].free_float, 0);  // slack of a->b is 0, of a->c 3
  // b and a both end at F; a has a critical successor (b) through a zero-slack link.
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, FinishToFinish) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.Link("b", "a", LinkType::kFF, 1);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 3);
  EXPECT_EQ(s.tasks[1].early_finish, 6);
  EXPECT_EQ(s.finish_position, 6);
  EXPECT_EQ(s.tasks[0].late_finish, 5);
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, FinishToFinishNegativeLag) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 2);
  b.Link("b", "a", LinkType::kFF, -1);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_finish, 4);
  EXPECT_EQ(s.tasks[1].early_start, 2);
  EXPECT_EQ(s.finish_position, 5);
  EXPECT_EQ(s.tasks[1].total_float, 1);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0}));
}

TEST(Schedule, StartToFinish) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.Link("b", "a", LinkType::kSF, 4);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 1);
  EXPECT_EQ(s.tasks[1].early_finish, 4);
  EXPECT_EQ(s.finish_position, 5);
  EXPECT_EQ(s.tasks[1].total_float, 1);
  EXPECT_EQ(s.tasks[1].free_float, 1);
  // LS(a) <= LF(b) - 4 = 1, so LF(a) <= 6; F bounds it at 5.
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_EQ(s.tasks[0].free_float, 0);  // SF slack: EF(b) - 4 - ES(a) = 0
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0}));
}

TEST(Schedule, StartToFinishBindingBackwards) {
  Builder b;
  b.Add("a", 2);
  b.Add("b", 10);
  b.Link("b", "a", LinkType::kSF, 12);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 2);
  EXPECT_EQ(s.finish_position, 12);
  EXPECT_EQ(s.tasks[0].late_start, 0);  // LS(a) <= LF(b) - 12 = 0
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, FreeFloatAndMergingPaths) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 2);
  b.Add("c", 2);
  b.Link("c", "a");
  b.Link("c", "b");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[2].early_start, 5);
  EXPECT_EQ(s.tasks[1].free_float, 3);
  EXPECT_EQ(s.tasks[1].total_float, 3);
  EXPECT_FALSE(s.tasks[1].critical);
  EXPECT_EQ(s.tasks[2].free_float, 0);  // F - EF
}

TEST(Schedule, CriticalPathTiesTakeTheFirstInFileOrder) {
  Builder b;
  b.Add("x", 4);
  b.Add("a", 5);
  b.Add("b", 5);
  b.Add("c", 3);
  b.Add("d", 3);
  b.Link("c", "b");
  b.Link("c", "a");
  b.Link("d", "b");
  b.Link("d", "a");
  Schedule s = b.Run();
  // c and d both end at F: c comes first; a and b both drive c: a comes first.
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{1, 3}));
  EXPECT_TRUE(s.tasks[2].critical);
  EXPECT_TRUE(s.tasks[4].critical);
  EXPECT_FALSE(s.tasks[0].critical);
}

TEST(Schedule, CriticalPathFileOrderNotLinkOrder) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 5);
  b.Add("c", 3);
  b.Link("c", "b");  // listed first, but a is first in file order
  b.Link("c", "a");
  EXPECT_EQ(b.Run().critical_path, (std::vector<uint32_t>{0, 2}));
}

TEST(Schedule, StartNoEarlierThan) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3).start_no_earlier_than = D(2026, 1, 17);  // a Saturday: Monday 19th, pos 10
  b.Link("b", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 10);
  EXPECT_EQ(s.tasks[1].start, D(2026, 1, 19));
  EXPECT_EQ(s.tasks[0].total_float, 5);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{1}));
}

TEST(Schedule, ExternalDependency) {
  Builder b;
  b.Add("a", 5);
  b.Add("b", 3);
  b.p.dependencies.push_back({"vendor",
                              "Vendor",
                              "Acme",
                              "",
                              std::nullopt,
                              model::DependencyStatus::kAtRisk,
                              {"a"},
                              D(2026, 1, 8)});
  b.p.dependencies.push_back({"done",
                              "Done",
                              "Acme",
                              "",
                              std::nullopt,
                              model::DependencyStatus::kDelivered,
                              {"b"},
                              D(2026, 3, 2)});
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 3);
  EXPECT_EQ(s.tasks[1].early_start, 0);
}

TEST(Schedule, Milestones) {
  Builder b;
  b.Add("start", 0);
  b.Add("a", 5);
  b.Add("done", 0);
  b.Link("done", "a");
  b.Link("a", "start");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 0);
  EXPECT_EQ(s.tasks[0].start, D(2026, 1, 5));  // s = 0: day(0)
  EXPECT_EQ(s.tasks[2].early_start, 5);
  EXPECT_EQ(s.tasks[2].early_finish, 5);
  EXPECT_EQ(s.tasks[2].start, D(2026, 1, 9));  // end of day 4
  EXPECT_EQ(s.tasks[2].finish, D(2026, 1, 9));
  EXPECT_EQ(s.finish, D(2026, 1, 9));
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1, 2}));
}

TEST(Schedule, HolidaysAndWeekends) {
  Builder b;
  model::Calendar cal;
  cal.holidays = {D(2026, 1, 7)};
  b.p.calendar = cal;
  b.Add("a", 5);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].finish, D(2026, 1, 12));  // Mon..Fri minus Wed, then Monday
  EXPECT_EQ(s.finish, D(2026, 1, 12));
}

TEST(Schedule, FractionalLikelyIsRoundedUp) {
  Builder b;
  b.Add("a", 1).duration.reset();
  b.p.projects[0].tasks[0].estimate = model::Estimate{1, 2.5, 6, model::Distribution::kPert};
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_finish, 3);
}

// Status date Wednesday 2026-01-14: pos_end = 7, S = 8.
TEST(Schedule, ProgressFinishedTask) {
  Builder b;
  b.p.status_date = D(2026, 1, 14);
  auto& a = b.Add("a", 5);
  a.actual_start = D(2026, 1, 5);
  a.actual_finish = D(2026, 1, 8);
  a.percent_complete = 100;
  b.Add("b", 3);
  b.Link("b", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 0);
  EXPECT_EQ(s.tasks[0].early_finish, 4);
  EXPECT_EQ(s.tasks[0].finish, D(2026, 1, 8));
  EXPECT_FALSE(s.tasks[0].total_float);
  EXPECT_FALSE(s.tasks[0].free_float);
  EXPECT_FALSE(s.tasks[0].critical);
  EXPECT_EQ(s.tasks[1].early_start, 8);  // not started: ES >= S
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{1}));
}

TEST(Schedule, ProgressInProgressTask) {
  Builder b;
  b.p.status_date = D(2026, 1, 14);
  auto& a = b.Add("a", 10);
  a.actual_start = D(2026, 1, 6);  // pos 1
  a.percent_complete = 40;         // remaining ceil(10 * 0.6) = 6
  b.Add("b", 3);
  b.Link("b", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 1);
  EXPECT_EQ(s.tasks[0].early_finish, 14);
  EXPECT_EQ(s.tasks[1].early_start, 14);
  EXPECT_EQ(s.tasks[0].total_float, 0);
  EXPECT_TRUE(s.tasks[0].critical);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{0, 1}));
}

TEST(Schedule, ProgressRemainingIsRoundedUp) {
  Builder b;
  b.p.status_date = D(2026, 1, 14);
  auto& a = b.Add("a", 10);
  a.actual_start = D(2026, 1, 12);  // pos 5
  a.percent_complete = 75;          // remaining ceil(2.5) = 3
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_finish, 11);
  // 70 %: 10 * 0.3 is 3, not 4, despite binary floating point.
  b.p.projects[0].tasks[0].percent_complete = 70;
  EXPECT_EQ(b.Run().tasks[0].early_finish, 11);
}

TEST(Schedule, StartedTasksAreNotMovedByLinks) {
  Builder b;
  b.p.status_date = D(2026, 1, 14);
  b.Add("a", 10);
  auto& c = b.Add("c", 4);
  c.actual_start = D(2026, 1, 5);
  c.percent_complete = 50;  // remaining 2: EF = max(8, 0) + 2
  auto& d = b.Add("d", 2);
  d.actual_start = D(2026, 1, 5);
  d.actual_finish = D(2026, 1, 6);
  b.Link("c", "a");
  b.Link("d", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[1].early_start, 0);
  EXPECT_EQ(s.tasks[1].early_finish, 10);
  EXPECT_EQ(s.tasks[2].early_start, 0);
  EXPECT_EQ(s.tasks[2].early_finish, 2);
  // a itself cannot start before S.
  EXPECT_EQ(s.tasks[0].early_start, 8);
  // c's link from a does not move it, but still bounds a backwards: LF(a) <= LS(c) = 8 - ...
  EXPECT_EQ(s.tasks[1].late_finish, 18);
  EXPECT_EQ(s.tasks[1].late_start, 8);
  EXPECT_EQ(s.tasks[0].late_finish, 8);
  EXPECT_EQ(s.tasks[0].total_float, -10);
  EXPECT_TRUE(s.tasks[0].critical);
}

TEST(Schedule, AsOfOverridesTheStatusDate) {
  Builder b;
  b.p.status_date = D(2026, 1, 14);
  b.Add("a", 3);
  ScheduleOptions o;
  o.as_of = D(2026, 1, 20);  // Tuesday: pos_end 11, S = 12
  EXPECT_EQ(b.Run(o).tasks[0].early_start, 12);
  EXPECT_EQ(b.Run().tasks[0].early_start, 8);
}

TEST(Schedule, NoStatusDateIgnoresProgress) {
  Builder b;
  auto& a = b.Add("a", 3);
  a.actual_start = D(2026, 1, 7);
  a.actual_finish = D(2026, 1, 9);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 0);
  EXPECT_TRUE(s.tasks[0].total_float.has_value());
}

TEST(Schedule, TargetAndDeadline) {
  Builder b;
  b.p.target = D(2026, 1, 9);  // pos_end 4: float_to_target = 5 - EF
  b.Add("a", 3);
  b.Add("b", 4).deadline = D(2026, 1, 9);
  b.Link("b", "a");
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].float_to_target, 2);
  EXPECT_EQ(s.tasks[1].float_to_target, -2);
  EXPECT_TRUE(s.tasks[1].deadline_missed);
  EXPECT_FALSE(s.tasks[0].deadline_missed);
  EXPECT_EQ(s.target, D(2026, 1, 9));
}

TEST(Schedule, CrossProjectReferenceAndTopologicalOrder) {
  Builder b;
  b.Add("late", 2);
  b.Link("late", "data.early");
  b.p.projects.push_back({"data", "Data", "", {}});
  model::Task e;
  e.id = "early";
  e.duration = 4;
  b.p.projects[1].tasks.push_back(e);
  Schedule s = b.Run();
  EXPECT_EQ(s.tasks[0].early_start, 4);
  EXPECT_EQ(s.critical_path, (std::vector<uint32_t>{1, 0}));
}

TEST(Schedule, CycleAndUnknownTaskAreErrors) {
  Builder b;
  b.Add("a", 1);
  b.Add("b", 1);
  b.Link("a", "b");
  b.Link("b", "a");
  auto s = ComputeSchedule(b.p);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("cycle"), std::string::npos);
  Builder c;
  c.Add("a", 1);
  c.Link("a", "nope");
  EXPECT_FALSE(ComputeSchedule(c.p).ok());
}

TEST(Schedule, EmptyProgram) {
  Builder b;
  Schedule s = b.Run();
  EXPECT_EQ(s.finish_position, 0);
  EXPECT_EQ(s.finish, D(2026, 1, 5));
  EXPECT_TRUE(s.critical_path.empty());
}

// ---- Properties over generated networks ----

int32_t Side(const TaskSchedule& t, bool finish) { return finish ? t.early_finish : t.early_start; }
int32_t LateSide(const TaskSchedule& t, bool finish) {
  return finish ? t.late_finish : t.late_start;
}
bool PredFinish(LinkType t) { return t == LinkType::kFS || t == LinkType::kFF; }
bool SuccFinish(LinkType t) { return t == LinkType::kFF || t == LinkType::kSF; }
int32_t Lag(double lag) { return static_cast<int32_t>(std::ceil(lag - 1e-9)); }

void CheckProperties(const model::Program& p, const Schedule& s, bool no_progress) {
  auto tasks = TasksInFileOrder(p);
  model::TaskIndex index(p);
  ASSERT_EQ(s.tasks.size(), tasks.size());
  auto cal = WorkCalendar::ForProgram(p).value();
  int32_t f = tasks.empty() ? 0 : std::numeric_limits<int32_t>::min();
  for (const auto& t : s.tasks) f = std::max(f, t.early_finish);
  ASSERT_EQ(s.finish_position, f);
  const bool progress = p.status_date.has_value();
  const int32_t status = progress ? static_cast<int32_t>(cal.PosEnd(*p.status_date) + 1) : 0;
  std::vector<std::vector<std::pair<size_t, const model::Link*>>> succs(tasks.size());
  for (size_t i = 0; i < tasks.size(); ++i) {
    const TaskSchedule& t = s.tasks[i];
    ASSERT_LE(t.late_finish, f);
    EXPECT_EQ(t.late_finish - t.late_start, t.early_finish - t.early_start);
    for (const auto& l : tasks[i]->depends) succs[index.Find(l.task)->flat].push_back({i, &l});
    if (t.progress != Progress::kNotStarted) continue;
    int32_t lb = 0;
    if (tasks[i]->start_no_earlier_than) {
      lb = std::max<int32_t>(lb, cal.Pos(*tasks[i]->start_no_earlier_than));
    }
    for (const auto& dep : p.dependencies) {
      if (dep.status == model::DependencyStatus::kDelivered || !dep.expected) continue;
      for (const auto& r : dep.tasks) {
        if (index.Find(r)->flat == i) lb = std::max<int32_t>(lb, cal.Pos(*dep.expected));
      }
    }
    if (progress) lb = std::max(lb, status);
    ASSERT_GE(t.early_start, lb);
    bool driven = t.early_start == lb;
    for (const auto& l : tasks[i]->depends) {
      const TaskSchedule& pr = s.tasks[index.Find(l.task)->flat];
      int32_t slack = Side(t, SuccFinish(l.type)) - Lag(l.lag) - Side(pr, PredFinish(l.type));
      ASSERT_GE(slack, 0) << "link " << l.task << " -> " << tasks[i]->id;
      driven |= slack == 0;
    }
    ASSERT_TRUE(driven) << tasks[i]->id << " is neither at its lower bound nor driven";
  }
  for (size_t i = 0; i < tasks.size(); ++i) {
    const TaskSchedule& t = s.tasks[i];
    // Backward constraints hold for every link, and the late finish is the latest such.
    bool bound = t.late_finish == f;
    for (auto [j, l] : succs[i]) {
      const TaskSchedule& su = s.tasks[j];
      int32_t late_slack =
          LateSide(su, SuccFinish(l->type)) - Lag(l->lag) - LateSide(t, PredFinish(l->type));
      ASSERT_GE(late_slack, 0);
      bound |= late_slack == 0;
    }
    ASSERT_TRUE(bound);
    if (t.progress == Progress::kFinished) {
      ASSERT_FALSE(t.total_float);
      ASSERT_FALSE(t.critical);
      continue;
    }
    ASSERT_EQ(*t.total_float, t.late_finish - t.early_finish);
    ASSERT_EQ(t.critical, *t.total_float <= 0);
    if (no_progress) {
      ASSERT_GE(*t.total_float, 0);
      // (free float may exceed total float: an SS or SF link's slack is measured on
      // the task's start, which F does not bound.)
      ASSERT_GE(*t.free_float, 0);
    }
  }
  // The critical path: critical tasks chained by zero-slack links, ending at F.
  if (s.critical_path.empty()) return;
  for (uint32_t i : s.critical_path) ASSERT_TRUE(s.tasks[i].critical);
  ASSERT_EQ(s.tasks[s.critical_path.back()].early_finish, f);
  for (size_t c = 1; c < s.critical_path.size(); ++c) {
    size_t succ = s.critical_path[c], pred = s.critical_path[c - 1];
    bool linked = false;
    for (const auto& l : tasks[succ]->depends) {
      if (index.Find(l.task)->flat != pred) continue;
      const auto& t = s.tasks[succ];
      const auto& pr = s.tasks[pred];
      linked |= Side(t, SuccFinish(l.type)) - Lag(l.lag) - Side(pr, PredFinish(l.type)) == 0;
    }
    ASSERT_TRUE(linked);
  }
  // The chain starts at a task without a critical zero-slack predecessor.
  size_t first = s.critical_path.front();
  for (const auto& l : tasks[first]->depends) {
    size_t pi = index.Find(l.task)->flat;
    const auto& t = s.tasks[first];
    const auto& pr = s.tasks[pi];
    bool zero = Side(t, SuccFinish(l.type)) - Lag(l.lag) - Side(pr, PredFinish(l.type)) == 0;
    ASSERT_FALSE(zero && pr.critical);
  }
}

TEST(ScheduleProperties, GeneratedNetworksWithoutProgress) {
  for (uint64_t seed = 1; seed <= 700; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 1 + static_cast<int>((seed * 37) % 250);
    o.projects = 1 + static_cast<int>(seed % 4);
    o.links_per_task = 0.5 + static_cast<double>(seed % 5);
    o.registers = seed % 2 == 0;
    o.progress = false;
    o.all_link_types = seed % 7 != 0;
    model::Program p = testing::GenerateProgram(o);
    auto s = ComputeSchedule(p);
    ASSERT_TRUE(s.ok()) << seed;
    SCOPED_TRACE(seed);
    CheckProperties(p, *s, true);
    ASSERT_FALSE(s->critical_path.empty());
    if (::testing::Test::HasFatalFailure()) return;
  }
}

TEST(ScheduleProperties, GeneratedNetworksWithProgress) {
  for (uint64_t seed = 1000; seed < 1400; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 20 + static_cast<int>((seed * 53) % 400);
    o.links_per_task = 1 + static_cast<double>(seed % 4);
    o.progress = true;
    model::Program p = testing::GenerateProgram(o);
    auto s = ComputeSchedule(p);
    ASSERT_TRUE(s.ok()) << seed;
    SCOPED_TRACE(seed);
    CheckProperties(p, *s, false);
    if (::testing::Test::HasFatalFailure()) return;
  }
}

// Task order in the file need not be topological: the result must not depend on it.
TEST(ScheduleProperties, FileOrderDoesNotChangeTheNumbers) {
  for (uint64_t seed = 1; seed <= 50; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 60;
    o.projects = 1;
    model::Program p = testing::GenerateProgram(o);
    model::Program q = p;
    std::reverse(q.projects[0].tasks.begin(), q.projects[0].tasks.end());
    auto a = ComputeSchedule(p).value(), b = ComputeSchedule(q).value();
    const size_t n = a.tasks.size();
    ASSERT_EQ(a.finish_position, b.finish_position);
    for (size_t i = 0; i < n; ++i) {
      ASSERT_EQ(a.tasks[i].early_start, b.tasks[n - 1 - i].early_start);
      ASSERT_EQ(a.tasks[i].late_finish, b.tasks[n - 1 - i].late_finish);
      ASSERT_EQ(a.tasks[i].free_float, b.tasks[n - 1 - i].free_float);
    }
  }
}

}  // namespace
}  // namespace tpmkit::plan
