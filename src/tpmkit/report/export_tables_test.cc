#include "tpmkit/report/export_tables.h"

#include <gtest/gtest.h>

#include <string>

#include "tpmkit/plan/schedule.h"
#include "tpmkit/report/register_fixture_test.h"
#include "tpmkit/toolkit/audit_readiness.h"

namespace tpmkit::report {
namespace {

using testing::D;

// RegisterProgram with a small plan: a costed task and a milestone whose deadline the
// schedule misses.
model::Program WithPlan() {
  model::Program p = testing::RegisterProgram();
  p.status_date.reset();  // schedule the plan as planned, progress aside
  model::Task build;
  build.id = "integrate";  // the task RegisterProgram's R-01 names
  build.name = "Build the platform";
  build.owner = "Ana Ruiz";
  build.duration = 10;
  build.cost = Money::FromDouble(55000);
  build.percent_complete = 40;
  model::Task live;
  live.id = "golive";
  live.name = "Go-live";
  live.milestone = true;
  live.depends = {{"integrate", model::LinkType::kFS, 0}};
  live.deadline = D(2026, 1, 9);
  live.baseline = model::Baseline{D(2026, 1, 16), D(2026, 1, 16)};
  p.projects = {{"core", "Core platform", "Ana Ruiz", {build, live}}};
  model::Risk small;
  small.id = "R-06";
  small.title = "=cmd|' /C calc'!A0";
  small.probability = 0.05;
  small.severity = 2;
  p.risks.push_back(small);
  return p;
}

// Every cell's value suits its column's kind.
void ExpectWellTyped(const Table& t) {
  for (const auto& row : t.rows) {
    ASSERT_EQ(row.size(), t.columns.size()) << t.name;
    for (size_t c = 0; c < row.size(); ++c) {
      const ColumnKind kind = t.columns[c].kind;
      const std::string& title = t.columns[c].title;
      switch (row[c].type) {
        case CellType::kNumber:
          EXPECT_NE(kind, ColumnKind::kText) << t.name << " " << title;
          EXPECT_NE(kind, ColumnKind::kDate) << t.name << " " << title;
          break;
        case CellType::kDate:
          EXPECT_EQ(kind, ColumnKind::kDate) << t.name << " " << title;
          break;
        case CellType::kText:
          EXPECT_EQ(kind, ColumnKind::kText) << t.name << " " << title;
          break;
        case CellType::kEmpty:
          break;
      }
    }
  }
}

size_t Column(const Table& t, std::string_view title) {
  for (size_t c = 0; c < t.columns.size(); ++c) {
    if (t.columns[c].title == title) return c;
  }
  ADD_FAILURE() << "no column " << title << " in " << t.name;
  return 0;
}

std::string Text(const TableCell& cell) {
  return cell.type == CellType::kText ? cell.text : "<not text>";
}

double Number(const TableCell& cell) { return cell.type == CellType::kNumber ? cell.number : -999; }

Date DateOf(const TableCell& cell) {
  EXPECT_EQ(cell.type, CellType::kDate);
  return cell.date;
}

bool Empty(const TableCell& cell) { return cell.type == CellType::kEmpty; }

TEST(ExportTablesTest, NamesAreTheRegistersInSheetOrder) {
  const std::vector<std::string_view> expected = {"tasks",   "risks", "stakeholders", "decisions",
                                                  "changes", "audit", "kpis"};
  EXPECT_EQ(ExportRegisterNames(), expected);
}

TEST(ExportTablesTest, TasksCarryTheScheduleAndFlagAMissedDeadline) {
  const model::Program p = WithPlan();
  auto schedule = plan::ComputeSchedule(p);
  ASSERT_TRUE(schedule.ok()) << schedule.error().message;
  const Table t = TasksTable(p, *schedule);
  ExpectWellTyped(t);
  EXPECT_EQ(t.name, "tasks");
  ASSERT_EQ(t.rows.size(), 2u);
  const auto& build = t.rows[0];
  EXPECT_EQ(Text(build[Column(t, "Project")]), "Core platform");
  EXPECT_EQ(Text(build[Column(t, "ID")]), "integrate");
  EXPECT_EQ(Number(build[Column(t, "Duration (working days)")]), 10);
  EXPECT_EQ(DateOf(build[Column(t, "Start")]), D(2026, 1, 5));
  EXPECT_EQ(DateOf(build[Column(t, "Finish")]), D(2026, 1, 16));
  EXPECT_DOUBLE_EQ(Number(build[Column(t, "Complete")]), 0.4);
  EXPECT_EQ(Number(build[Column(t, "Cost (USD)")]), 55000);
  EXPECT_EQ(t.columns[Column(t, "Cost (USD)")].kind, ColumnKind::kMoney);
  const auto& live = t.rows[1];
  EXPECT_EQ(Text(live[Column(t, "Milestone")]), "yes");
  EXPECT_EQ(Text(live[Column(t, "Critical")]), "yes");
  EXPECT_EQ(DateOf(live[Column(t, "Baseline finish")]), D(2026, 1, 16));
  EXPECT_TRUE(Empty(live[Column(t, "Cost (USD)")]));
  EXPECT_EQ(live[Column(t, "Deadline")].tone, Tone::kRed);
  EXPECT_EQ(build[Column(t, "Deadline")].tone, Tone::kNone);
}

TEST(ExportTablesTest, RisksKeepTheRegisterOrderAndTheHeatMapColours) {
  const model::Program p = WithPlan();
  const Table t = RisksTable(p, toolkit::ComputeRiskRegister(p));
  ExpectWellTyped(t);
  ASSERT_EQ(t.rows.size(), 6u);
  std::vector<std::string> ids;
  for (const auto& row : t.rows) ids.push_back(Text(row[0]));
  EXPECT_EQ(ids, (std::vector<std::string>{"R-04", "R-05", "R-01", "R-03", "R-02", "R-06"}));
  const size_t score = Column(t, "Score (1-25)");
  EXPECT_EQ(Number(t.rows[2][score]), 12);
  EXPECT_EQ(t.rows[2][score].tone, Tone::kRed);  // 12: red from kHighRiskScore
  EXPECT_EQ(Number(t.rows[3][score]), 8);
  EXPECT_EQ(t.rows[3][score].tone, Tone::kAmber);
  EXPECT_EQ(Number(t.rows[5][score]), 2);
  EXPECT_EQ(t.rows[5][score].tone, Tone::kGreen);
  const size_t residual = Column(t, "Residual score");
  EXPECT_EQ(Number(t.rows[2][residual]), 6);
  EXPECT_EQ(t.rows[2][residual].tone, Tone::kAmber);
  EXPECT_TRUE(Empty(t.rows[0][residual]));
  EXPECT_DOUBLE_EQ(Number(t.rows[2][Column(t, "Exposure (USD)")]), 32000);
  EXPECT_DOUBLE_EQ(Number(t.rows[2][Column(t, "Exposure (working days)")]), 4);
  EXPECT_DOUBLE_EQ(Number(t.rows[2][Column(t, "Probability")]), 0.4);
  EXPECT_EQ(t.columns[Column(t, "Probability")].kind, ColumnKind::kPercent);
  // Text stays text as written: the writers decide how to keep it from running.
  EXPECT_EQ(Text(t.rows[5][Column(t, "Title")]), "=cmd|' /C calc'!A0");
}

TEST(ExportTablesTest, StakeholdersShowOverdueContactsInRed) {
  const model::Program p = WithPlan();
  const Table t = StakeholdersTable(toolkit::ComputeStakeholderMatrix(p, D(2026, 6, 15)));
  ExpectWellTyped(t);
  ASSERT_EQ(t.rows.size(), 5u);
  const size_t overdue = Column(t, "Overdue");
  const size_t next = Column(t, "Next contact");
  int red = 0;
  for (const auto& row : t.rows) {
    const bool is_overdue = Text(row[overdue]) == "yes";
    EXPECT_EQ(row[overdue].tone, is_overdue ? Tone::kRed : Tone::kNone) << Text(row[0]);
    red += is_overdue;
    if (Text(row[0]) == "ops-lead") {
      EXPECT_EQ(DateOf(row[next]), D(2026, 6, 17));  // manage closely: 7 days
      EXPECT_EQ(Text(row[Column(t, "Quadrant")]), "Manage closely");
    }
    if (Text(row[0]) == "vp-sales") {
      EXPECT_TRUE(Empty(row[next]));  // never contacted
      EXPECT_TRUE(is_overdue);
    }
  }
  EXPECT_GE(red, 2);
}

TEST(ExportTablesTest, DecisionsChangesAndAuditItems) {
  model::Program p = WithPlan();
  p.decisions[0].options[1].id = "cut";
  p.decisions[0].options[1].name = "Cut scope";
  p.decisions[0].chosen = "cut";
  p.decisions[0].status = model::DecisionStatus::kDecided;
  p.changes[0].approvals = {{"Dana Lee", D(2026, 5, 2), model::ApprovalDecision::kApproved, ""}};
  const Table d = DecisionsTable(p);
  ExpectWellTyped(d);
  ASSERT_EQ(d.rows.size(), 1u);
  EXPECT_EQ(Text(d.rows[0][Column(d, "Chosen")]), "Cut scope");
  EXPECT_EQ(Number(d.rows[0][Column(d, "Options")]), 3);

  const Table c = ChangesTable(p);
  ExpectWellTyped(c);
  ASSERT_EQ(c.rows.size(), 1u);
  EXPECT_EQ(Number(c.rows[0][Column(c, "Cost (USD)")]), 30000);
  EXPECT_EQ(Number(c.rows[0][Column(c, "Schedule impact (working days)")]), 5);
  EXPECT_EQ(Text(c.rows[0][Column(c, "Approvals")]), "Dana Lee approved on 2026-05-02");

  toolkit::AuditInputs in;
  in.as_of = D(2026, 6, 15);
  const Table a = AuditTable(toolkit::ComputeAuditReadiness(p, in));
  ExpectWellTyped(a);
  EXPECT_GE(a.rows.size(), 10u);  // the ten default items at least
  bool saw_training = false;
  for (const auto& row : a.rows) {
    if (Text(row[0]) != "training") continue;
    saw_training = true;
    EXPECT_EQ(Text(row[Column(a, "Overdue")]), "yes");
    EXPECT_EQ(row[Column(a, "Due")].tone, Tone::kRed);
  }
  EXPECT_TRUE(saw_training);
}

TEST(ExportTablesTest, KpisRatedAgainstTheirTargets) {
  toolkit::KpiValues values;
  values.spi = 0.85;
  values.cpi = 1.02;
  values.readiness = 70;
  model::Targets targets;
  targets.spi = 0.95;
  targets.cpi = 1.0;
  targets.readiness = 75;
  const toolkit::Health health = toolkit::ComputeHealth(targets, values);
  const Table t = KpisTable(values, health);
  ExpectWellTyped(t);
  ASSERT_EQ(t.rows.size(), 6u);
  const size_t rating = Column(t, "Rating");
  EXPECT_EQ(Text(t.rows[0][rating]), "red");  // spi 0.85 against 0.95: more than 10 % short
  EXPECT_EQ(t.rows[0][rating].tone, Tone::kRed);
  EXPECT_EQ(Text(t.rows[1][rating]), "green");
  EXPECT_EQ(t.rows[1][rating].tone, Tone::kGreen);
  EXPECT_EQ(Text(t.rows[3][rating]), "amber");  // readiness 70 against 75
  EXPECT_EQ(t.rows[3][rating].tone, Tone::kAmber);
  // p_on_time: no value, no target.
  EXPECT_TRUE(Empty(t.rows[2][Column(t, "Value")]));
  EXPECT_TRUE(Empty(t.rows[2][Column(t, "Target")]));
  EXPECT_TRUE(Empty(t.rows[2][rating]));
  // Without targets nothing is rated, the values are still there.
  const Table unrated = KpisTable(values, std::nullopt);
  EXPECT_EQ(Number(unrated.rows[0][Column(unrated, "Value")]), 0.85);
  EXPECT_TRUE(Empty(unrated.rows[0][rating]));
}

}  // namespace
}  // namespace tpmkit::report
