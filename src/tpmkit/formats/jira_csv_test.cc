#include "tpmkit/formats/jira_csv.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tpmkit/base/check.h"
#include "tpmkit/formats/program_file.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {
namespace {

namespace fs = std::filesystem;
using namespace std::literals;

fs::path RepoRoot() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path().parent_path();
}

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Imports `csv`; the program must pass validation and read back from its program file.
JiraImport Import(std::string_view csv, JiraReadOptions options = {},
                  const std::string& name = "t.csv") {
  auto r = ReadJiraCsv(csv, name, options);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  if (!r.ok()) return {};
  for (const auto& issue : model::Validate(r->program)) {
    ADD_FAILURE() << issue.path << ": " << issue.message;
  }
  auto again = ReadProgramFile(WriteProgramFile(r->program), "again.yaml");
  EXPECT_TRUE(again.ok() && *again == r->program) << "the program file reads back the same";
  return std::move(r).value();
}

Error ImportError(std::string_view csv, JiraReadOptions options = {}) {
  auto r = ReadJiraCsv(csv, "t.csv", options);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

const model::Task& Task(const model::Program& p, const std::string& id) {
  for (const auto& project : p.projects) {
    for (const auto& t : project.tasks) {
      if (t.id == id) return t;
    }
  }
  TPMKIT_CHECK(false && "no such task");
  return p.projects[0].tasks[0];
}

std::vector<std::string> Depends(const model::Task& t) {
  std::vector<std::string> out;
  for (const auto& l : t.depends) {
    EXPECT_EQ(l.type, model::LinkType::kFS);
    EXPECT_EQ(l.lag, 0);
    out.push_back(l.task);
  }
  return out;
}

std::vector<std::string> Warnings(const JiraImport& import) {
  std::vector<std::string> out;
  for (const auto& w : import.warnings) out.push_back(FormatDiagnostic(w));
  return out;
}

const Diagnostic* WarningWith(const JiraImport& import, const std::string& fragment) {
  for (const auto& w : import.warnings) {
    if (w.message.find(fragment) != std::string::npos) return &w;
  }
  return nullptr;
}

Date D(const char* text) { return *Date::Parse(text); }

// Options with some fields set (designated initializers would leave the others unnamed).
JiraReadOptions StartingOn(const char* date) {
  JiraReadOptions o;
  o.fallback_start = D(date);
  return o;
}
JiraReadOptions WithId(const char* id) {
  JiraReadOptions o;
  o.program_id = id;
  return o;
}
JiraReadOptions OfProject(const char* key) {
  JiraReadOptions o;
  o.project_key = key;
  return o;
}

TEST(JiraCsvTest, EnglishExportMapsEpicsIssuesLinksAndProgress) {
  const std::string path = (RepoRoot() / "tests/data/jira/phoenix_en.csv").string();
  const JiraImport im = Import(Slurp(path), {}, "phoenix_en.csv");
  const auto& p = im.program;
  EXPECT_EQ(p.id, "phoenix_en");
  EXPECT_EQ(p.name, "Phoenix Checkout");
  EXPECT_EQ(p.start, D("2026-01-05"));  // the earliest Created
  EXPECT_EQ(im.issues, 10u);
  EXPECT_EQ(im.links, 5u);
  // Epics become projects (their assignee the owner); an issue without an epic goes to
  // the Jira project's own list.
  ASSERT_EQ(p.projects.size(), 3u);
  EXPECT_EQ(p.projects[0].id, "phx-1");
  EXPECT_EQ(p.projects[0].name, "Payments");
  EXPECT_EQ(p.projects[0].owner, "Ana Ruiz");
  EXPECT_EQ(p.projects[1].id, "phx-2");
  EXPECT_EQ(p.projects[1].name, "Launch");
  EXPECT_EQ(p.projects[2].id, "phx");
  EXPECT_EQ(p.projects[2].name, "Phoenix Checkout");
  std::vector<std::string> payments;
  for (const auto& t : p.projects[0].tasks) payments.push_back(t.id);
  // The sub-task PHX-5 (parent given by issue id) sits beside its parent.
  EXPECT_EQ(payments, (std::vector<std::string>{"PHX-3", "PHX-4", "PHX-5", "PHX-6"}));
  EXPECT_EQ(p.TaskCount(), 8u);

  const auto& design = Task(p, "PHX-3");  // Done: created..resolved
  EXPECT_EQ(design.name, "Design the payment API");
  EXPECT_EQ(design.owner, "Ana Ruiz");
  EXPECT_EQ(design.duration, 4);  // 115200 s = 32 h
  EXPECT_EQ(design.percent_complete, 100);
  EXPECT_EQ(design.actual_start, D("2026-01-05"));
  EXPECT_EQ(design.actual_finish, D("2026-01-16"));
  const auto& build = Task(p, "PHX-4");  // In Review, category In Progress: logged share
  EXPECT_EQ(build.duration, 10);
  EXPECT_EQ(build.percent_complete, 30);           // 86400 / (86400 + 201600)
  EXPECT_EQ(build.actual_start, D("2026-01-19"));  // entered In Progress
  EXPECT_FALSE(build.actual_finish);
  EXPECT_EQ(Task(p, "PHX-5").duration, 2);  // 30000 s: a day and a bit, rounded up
  EXPECT_EQ(Task(p, "PHX-6").name, "Load test, \"peak\" traffic");
  EXPECT_EQ(Task(p, "PHX-6").duration, 1);  // no estimate: the default
  EXPECT_FALSE(Task(p, "PHX-6").percent_complete);
  EXPECT_EQ(Task(p, "PHX-7").deadline, D("2026-03-27"));

  // Blocks: PHX-3 blocks PHX-4 (inward on PHX-4); PHX-4 blocks PHX-6, written on both
  // rows, is one link; PHX-9 and PHX-10 block each other: the closing link is dropped.
  EXPECT_EQ(Depends(Task(p, "PHX-4")), (std::vector<std::string>{"PHX-3"}));
  EXPECT_EQ(Depends(Task(p, "PHX-6")), (std::vector<std::string>{"PHX-4"}));
  EXPECT_EQ(Depends(Task(p, "PHX-7")), (std::vector<std::string>{"PHX-6", "PHX-10"}));
  EXPECT_EQ(Depends(Task(p, "PHX-10")), (std::vector<std::string>{"PHX-9"}));
  EXPECT_TRUE(Depends(Task(p, "PHX-9")).empty());

  EXPECT_EQ(Warnings(im),
            (std::vector<std::string>{
                "phoenix_en.csv:3:8: epic estimates and due dates are not carried (an epic "
                "becomes a project) (1): PHX-2",
                "phoenix_en.csv:4:121: labels are not carried (3): PHX-3, PHX-4, PHX-8",
                "phoenix_en.csv:5:58: sprints are not carried (3): PHX-3, PHX-4, PHX-6",
                "phoenix_en.csv:5:72: story points are not carried (durations come from "
                "Original Estimate) (3): PHX-3, PHX-4, PHX-6",
                "phoenix_en.csv:7:126: sub-tasks become tasks of their parent's project (the "
                "levels below epics are flattened) (1): PHX-5 (under PHX-4)",
                "phoenix_en.csv:8:31: issues without an original estimate take 1 working day "
                "(1): PHX-6",
                "phoenix_en.csv:9:137: links to issues that are not in the file are dropped "
                "(1): PHX-7 blocks PHX-99",
                "phoenix_en.csv:10:151: links of type 'Relates' are not carried (only Blocks "
                "orders work) (1): PHX-8 -> PHX-3",
                "phoenix_en.csv:12:104: links that close a dependency cycle are dropped (1): "
                "PHX-10 blocks PHX-9",
            }));
}

TEST(JiraCsvTest, SpanishExportWithBomCrLfAndLocalizedMonths) {
  const std::string path = (RepoRoot() / "tests/data/jira/mercado_es.csv").string();
  const JiraImport im = Import(Slurp(path), WithId("mercado"), "mercado_es.csv");
  const auto& p = im.program;
  EXPECT_EQ(p.id, "mercado");
  EXPECT_EQ(p.name, "Mercado Sur");
  EXPECT_EQ(p.start, D("2025-11-10"));  // "10/nov/25 4:51 PM"
  ASSERT_EQ(p.projects.size(), 3u);
  EXPECT_EQ(p.projects[0].name, "Portal de proveedores");
  EXPECT_EQ(p.projects[0].owner, "Lucía Pérez");
  // An epic that is not in the file is named from the Parent summary column.
  EXPECT_EQ(p.projects[1].id, "mms-40");
  EXPECT_EQ(p.projects[1].name, "Portal de clientes");
  EXPECT_EQ(p.projects[2].name, "Mercado Sur");
  EXPECT_EQ(p.projects[0].tasks.size(), 3u);  // MMS-4, a Subtarea, beside MMS-3

  const auto& alta = Task(p, "MMS-2");  // Listo
  EXPECT_EQ(alta.percent_complete, 100);
  EXPECT_EQ(alta.actual_start, D("2025-11-11"));
  EXPECT_EQ(alta.actual_finish, D("2025-11-28"));
  EXPECT_EQ(alta.duration, 6);             // 172800 s = 48 h
  const auto& validar = Task(p, "MMS-3");  // En curso, no time logged: half done
  EXPECT_EQ(validar.percent_complete, 50);
  EXPECT_EQ(validar.actual_start, D("2025-12-01"));  // its Start date
  EXPECT_EQ(validar.deadline, D("2025-12-19"));
  EXPECT_EQ(Depends(validar), (std::vector<std::string>{"MMS-2"}));
  const auto& informe = Task(p, "MMS-5");  // Por hacer, with a planned start
  EXPECT_FALSE(informe.percent_complete);
  EXPECT_EQ(informe.start_no_earlier_than, D("2026-01-15"));
  EXPECT_EQ(Depends(informe), (std::vector<std::string>{"MMS-3"}));
  EXPECT_EQ(im.links, 2u);

  ASSERT_NE(WarningWith(im, "links of type 'Cloners' are not carried"), nullptr);
  EXPECT_EQ(WarningWith(im, "links of type 'Cloners'")->line, 6);
  EXPECT_NE(WarningWith(im,
                        "sub-tasks become tasks of their parent's project (the levels "
                        "below epics are flattened) (1): MMS-4 (under MMS-3)"),
            nullptr);
  EXPECT_NE(WarningWith(im, "labels are not carried (2): MMS-2, MMS-5"), nullptr);
  EXPECT_NE(WarningWith(im, "issues without an original estimate take 1 working day (2)"), nullptr);
  EXPECT_EQ(im.warnings.size(), 6u);
}

constexpr std::string_view kHead = "Issue key,Summary,Original Estimate\n";

TEST(JiraCsvTest, EstimatesInSecondsRoundUpToWorkingDays) {
  const auto im = Import(std::string(kHead) +
                             "A-1,one day,28800\nA-2,a bit more,28801\nA-3,zero,0\nA-4,none,\n"
                             "A-5,a week,144000\nA-6,fraction,3600.5\n",
                         StartingOn("2026-03-02"));
  const auto& p = im.program;
  EXPECT_EQ(Task(p, "A-1").duration, 1);
  EXPECT_EQ(Task(p, "A-2").duration, 2);
  EXPECT_EQ(Task(p, "A-3").duration, 1);  // estimated: at least a day
  EXPECT_EQ(Task(p, "A-4").duration, 1);  // the default
  EXPECT_EQ(Task(p, "A-5").duration, 5);
  EXPECT_EQ(Task(p, "A-6").duration, 1);
  JiraReadOptions tens = StartingOn("2026-03-02");
  tens.hours_per_day = 10;
  tens.default_duration_days = 3;
  const auto im2 = Import(std::string(kHead) + "A-1,long days,36000\nA-2,none,\n", tens);
  EXPECT_EQ(Task(im2.program, "A-1").duration, 1);
  EXPECT_EQ(Task(im2.program, "A-2").duration, 3);
  EXPECT_NE(WarningWith(im2, "issues without an original estimate take 3 working days (1): A-2"),
            nullptr);
  const auto bad =
      Import(std::string(kHead) + "A-1,words,2h\nA-2,huge,99999999999\n", StartingOn("2026-03-02"));
  EXPECT_EQ(Task(bad.program, "A-2").duration, 13000);
  EXPECT_NE(WarningWith(bad, "not a number of seconds are ignored (1): A-1 '2h'"), nullptr);
  EXPECT_NE(WarningWith(bad, "estimates above 13000 working days are capped (1): A-2"), nullptr);
}

TEST(JiraCsvTest, ThousandsOfIssuesWithoutEstimatesGiveOneWarning) {
  std::string csv = "Issue key,Summary,Created\n";
  for (int i = 1; i <= 3000; ++i) csv += fmt::format("BIG-{},Issue {},01/Feb/26 9:00 AM\n", i, i);
  const auto im = Import(csv);
  EXPECT_EQ(im.program.TaskCount(), 3000u);
  ASSERT_EQ(im.warnings.size(), 1u);
  EXPECT_EQ(im.warnings[0].message,
            "issues without an original estimate take 1 working day (3000): BIG-1, BIG-2, "
            "BIG-3, ...");
}

constexpr std::string_view kLinkHead =
    "Issue key,Summary,Created,Inward issue link (Blocks),Outward issue link (Blocks),"
    "Outward issue link (Blocks)\n";

TEST(JiraCsvTest, BlocksLinksFromBothEndsAreOneDependency) {
  const auto im = Import(std::string(kLinkHead) +
                         "K-1,First,02/Mar/26,,K-2,K-3\n"
                         "K-2,Second,02/Mar/26,K-1,,\n"
                         "K-3,Third,02/Mar/26,K-1,,\n");
  EXPECT_EQ(Depends(Task(im.program, "K-2")), (std::vector<std::string>{"K-1"}));
  EXPECT_EQ(Depends(Task(im.program, "K-3")), (std::vector<std::string>{"K-1"}));
  EXPECT_EQ(im.links, 2u);
  EXPECT_EQ(Warnings(im), (std::vector<std::string>{"t.csv:2:1: issues without an original "
                                                    "estimate take 1 working day (3): K-1, "
                                                    "K-2, K-3"}));
}

TEST(JiraCsvTest, CyclesAreBrokenWithAWarningAtTheLink) {
  const auto im = Import(std::string(kLinkHead) +
                         "C-1,One,02/Mar/26,C-3,,\n"
                         "C-2,Two,02/Mar/26,C-1,,\n"
                         "C-3,Three,02/Mar/26,C-2,,\n");
  EXPECT_EQ(im.links, 2u);
  // The search starts at C-1 and meets it again through C-3 and C-2: the link written
  // on C-2's row closes the cycle.
  const Diagnostic* w = WarningWith(im,
                                    "links that close a dependency cycle are dropped (1): "
                                    "C-1 blocks C-2");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->line, 3);
  EXPECT_EQ(w->column, 19);
  EXPECT_TRUE(Depends(Task(im.program, "C-2")).empty());
}

TEST(JiraCsvTest, LinksToUnknownOrSelfOrEpicsAreWarnings) {
  const auto im = Import(
      "Issue key,Summary,Issue Type,Created,Outward issue link (Blocks),"
      "Inward issue link (Duplicate)\n"
      "E-1,The epic,Epic,02/Mar/26,E-2,\n"
      "E-2,Work,Story,02/Mar/26,E-2,E-3\n"
      "E-3,More,Task,02/Mar/26,ZZ-9,\n");
  EXPECT_EQ(im.links, 0u);
  EXPECT_NE(WarningWith(im,
                        "links to or from epics are dropped (an epic becomes a project, not "
                        "a task) (1): E-1 blocks E-2"),
            nullptr);
  EXPECT_NE(WarningWith(im, "issues that block themselves are read without that link (1): E-2"),
            nullptr);
  EXPECT_NE(WarningWith(im,
                        "links to issues that are not in the file are dropped (1): E-3 "
                        "blocks ZZ-9"),
            nullptr);
  EXPECT_NE(WarningWith(im,
                        "links of type 'Duplicate' are not carried (only Blocks orders "
                        "work) (1): E-3 -> E-2"),
            nullptr);
}

TEST(JiraCsvTest, ProjectOptionKeepsOneJiraProject) {
  const std::string csv = std::string(kLinkHead) +
                          "AA-1,Ours,02/Mar/26,,BB-1,\n"
                          "BB-1,Theirs,01/Mar/26,AA-1,,\n"
                          "AA-2,Also ours,03/Mar/26,,,\n";
  const auto im = Import(csv, OfProject("aa"));
  EXPECT_EQ(im.program.TaskCount(), 2u);
  EXPECT_EQ(im.issues, 2u);
  EXPECT_EQ(im.skipped, 1u);
  EXPECT_EQ(im.program.start, D("2026-03-02"));
  EXPECT_EQ(im.program.name, "AA");
  EXPECT_NE(WarningWith(im,
                        "links to issues outside the import are dropped (1): AA-1 blocks "
                        "BB-1"),
            nullptr);
  Error e = ImportError(csv, OfProject("CC"));
  EXPECT_EQ(e.message, "t.csv: no issue of Jira project 'CC' in the file (it holds AA, BB)");
}

TEST(JiraCsvTest, StatusesWithoutACategoryColumnMapByName) {
  const auto im = Import(
      "Issue key,Summary,Status,Created,Resolved\n"
      "S-1,Open one,Backlog,02/Mar/26,\n"
      "S-2,Doing,En curso,02/Mar/26,\n"
      "S-3,Finished,Finalizada,02/Mar/26,05/Mar/26\n"
      "S-4,Odd,Waiting for vendor,02/Mar/26,\n"
      "S-5,Odd but resolved,Shipped,02/Mar/26,06/Mar/26\n");
  const auto& p = im.program;
  EXPECT_FALSE(Task(p, "S-1").percent_complete);
  EXPECT_EQ(Task(p, "S-2").percent_complete, 50);
  EXPECT_EQ(Task(p, "S-2").actual_start, D("2026-03-02"));
  EXPECT_EQ(Task(p, "S-3").percent_complete, 100);
  EXPECT_EQ(Task(p, "S-3").actual_finish, D("2026-03-05"));
  EXPECT_FALSE(Task(p, "S-4").percent_complete);
  EXPECT_EQ(Task(p, "S-5").percent_complete, 100);
  EXPECT_NE(WarningWith(im,
                        "unknown statuses are taken as not started (1): S-4 'Waiting for "
                        "vendor'"),
            nullptr);
  EXPECT_NE(WarningWith(im, "unknown statuses of resolved issues are taken as done (1): S-5"),
            nullptr);
}

TEST(JiraCsvTest, DatesInJiraFormsAndUnreadableOnes) {
  const auto im = Import(
      "Issue key,Summary,Created,Due date\n"
      "D-1,Iso,2026-03-02 10:15,\n"
      "D-2,Spanish,05/dic/25 4:51 PM,15/ene/2026\n"
      "D-3,English,13/Mar/24 10:15 AM,31/Feb/26 12:00 AM\n"
      "D-4,Long month,1/sept./25,\n");
  const auto& p = im.program;
  EXPECT_EQ(p.start, D("2024-03-13"));
  EXPECT_EQ(Task(p, "D-2").deadline, D("2026-01-15"));
  EXPECT_FALSE(Task(p, "D-3").deadline);
  const Diagnostic* w = WarningWith(im, "dates that cannot be read");
  ASSERT_NE(w, nullptr);
  EXPECT_NE(w->message.find("(1): D-3 due '31/Feb/26 12:00 AM'"), std::string::npos);
  EXPECT_EQ(w->line, 4);
  EXPECT_EQ(w->column, 32);
}

TEST(JiraCsvTest, DoneWorkWithoutDatesStartsOnTheProgramStart) {
  const auto im = Import(
      "Issue key,Summary,Status Category,Custom field (Start date)\n"
      "N-1,Planned,To Do,10/Apr/25 12:00 AM\n"
      "N-2,Done long ago,Done,\n");
  EXPECT_EQ(im.program.start, D("2025-04-10"));
  EXPECT_EQ(Task(im.program, "N-1").start_no_earlier_than, D("2025-04-10"));
  EXPECT_EQ(Task(im.program, "N-2").actual_start, D("2025-04-10"));
  EXPECT_NE(WarningWith(im,
                        "started or done issues without dates are taken as started on the "
                        "program start (1): N-2"),
            nullptr);
}

TEST(JiraCsvTest, NoDatesUsesTheFallbackStartOrFails) {
  const std::string csv = "Issue key,Summary\nX-1,Something\n";
  const auto im = Import(csv, StartingOn("2026-06-15"));
  EXPECT_EQ(im.program.start, D("2026-06-15"));
  EXPECT_NE(WarningWith(im, "the file holds no dates: the program starts on 2026-06-15"), nullptr);
  EXPECT_EQ(ImportError(csv).message,
            "t.csv: no date to start the program from: no issue has a Created, Start date, "
            "Resolved or Due date value");
}

TEST(JiraCsvTest, KeysThatCannotBeIdsAreChangedAndKeptUnique) {
  const auto im = Import(
      "Issue key,Summary,Created,Outward issue link (Blocks)\n"
      "odd key,One,02/Mar/26,odd.key\n"
      "odd.key,Two,02/Mar/26,\n"
      "odd key,Again,02/Mar/26,\n");
  const auto& tasks = im.program.projects[0].tasks;
  ASSERT_EQ(tasks.size(), 2u);
  EXPECT_EQ(tasks[0].id, "odd-key");
  EXPECT_EQ(tasks[1].id, "odd-key-2");
  EXPECT_EQ(Depends(tasks[1]), (std::vector<std::string>{"odd-key"}));
  EXPECT_NE(WarningWith(im, "issues listed twice are read once (the first row) (1): odd key"),
            nullptr);
  EXPECT_NE(WarningWith(im, "issue keys that cannot be task ids"), nullptr);
}

TEST(JiraCsvTest, SubTasksOfSubTasksAndParentLoopsStayInTheProjectOfTheirEpic) {
  const auto im = Import(
      "Issue key,Summary,Issue Type,Parent key,Created\n"
      "P-1,Epic,Epic,,02/Mar/26\n"
      "P-2,Story,Story,P-1,02/Mar/26\n"
      "P-3,Sub,Sub-task,P-2,02/Mar/26\n"
      "P-4,Sub of sub,Sub-task,P-3,02/Mar/26\n"
      "P-5,Loop A,Task,P-6,02/Mar/26\n"
      "P-6,Loop B,Task,P-5,02/Mar/26\n"
      "P-7,Orphan sub,Subtask,P-99,02/Mar/26\n"
      "P-8,Self,Task,P-8,02/Mar/26\n");
  const auto& p = im.program;
  ASSERT_EQ(p.projects.size(), 2u);
  EXPECT_EQ(p.projects[0].tasks.size(), 3u);  // P-2, P-3, P-4
  EXPECT_EQ(p.projects[1].id, "p");           // the Jira project's own list
  EXPECT_EQ(p.projects[1].tasks.size(), 4u);
  EXPECT_NE(WarningWith(im,
                        "sub-tasks whose parent is not in the file go to their Jira "
                        "project's own list (1): P-7 (under P-99)"),
            nullptr);
  EXPECT_NE(WarningWith(im, "issues that name themselves as parent"), nullptr);
  EXPECT_NE(WarningWith(im,
                        "parents that form a loop are not carried (the issues go to their "
                        "Jira project's own list) (1): P-5"),
            nullptr);
}

TEST(JiraCsvTest, ALongChainOfSubTasksIsWalkedOnce) {
  std::string csv = "Issue key,Summary,Issue Type,Parent key,Created\nL-0,Epic,Epic,,02/Mar/26\n";
  for (int i = 1; i <= 5000; ++i)
    csv += fmt::format("L-{},Level {},Task,L-{},02/Mar/26\n", i, i, i - 1);
  const auto im = Import(csv);
  ASSERT_EQ(im.program.projects.size(), 1u);
  EXPECT_EQ(im.program.projects[0].id, "l-0");
  EXPECT_EQ(im.program.projects[0].tasks.size(), 5000u);
}

TEST(JiraCsvTest, RepeatedAndShortRowsAndInvalidText) {
  const auto im = Import(
      "Issue key,Summary,Labels,Labels,Created\n"
      "R-1,Caf\xE9,,x,02/Mar/26\n"
      "R-2,Short\n"
      "R-3,Long,,,02/Mar/26,extra\n"
      ",no key,,,02/Mar/26\n");
  EXPECT_EQ(im.program.TaskCount(), 3u);
  EXPECT_EQ(Task(im.program, "R-1").name, "Caf\xEF\xBF\xBD");
  EXPECT_NE(WarningWith(im, "labels are not carried (1): R-1"), nullptr);
  EXPECT_NE(WarningWith(im, "text that is not valid UTF-8 is replaced with U+FFFD"), nullptr);
  EXPECT_NE(WarningWith(im, "rows with fewer fields than the header"), nullptr);
  EXPECT_NE(WarningWith(im, "fields beyond the header's columns are ignored (1): line 4"), nullptr);
  EXPECT_NE(WarningWith(im, "rows without an issue key are skipped (1): line 5"), nullptr);
}

TEST(JiraCsvTest, ErrorsAreLocated) {
  Error e = ImportError("Summary,Issue key\n\"multi\nline\",A-1\n\"open,A-2\n");
  EXPECT_EQ(e.message,
            "t.csv:4:1: this quoted field is never closed (a quote inside a field is written "
            "twice)");
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_EQ(e.diagnostics[0].line, 4);
  EXPECT_EQ(ImportError("Name,Owner\nx,y\n").message,
            "t.csv:1:1: not a Jira CSV export: no Issue key or Summary column (the header names "
            "the columns in English or Spanish, e.g. 'Issue key' or 'Clave de incidencia')");
  EXPECT_EQ(ImportError("").message,
            "t.csv: the file is empty: a Jira CSV export starts with a header row");
  EXPECT_EQ(ImportError("Issue key,Summary\n").message,
            "t.csv: no issues in the file: only a header row");
  EXPECT_EQ(ImportError("\xFF\xFEI\0s"sv).message,
            "t.csv:1:1: the file is UTF-16: export it from Jira as CSV (UTF-8)");
  EXPECT_EQ(ImportError("Issue key,Summary\nA-1,x\n", WithId("Bad Id")).message,
            "program id 'Bad Id' is not a slug ([a-z0-9][a-z0-9_-]*)");
}

// The real exports in ../shared/samples/jira (licensed data kept outside the repository).
TEST(JiraCsvTest, SampleExportsImport) {
  const fs::path dir = RepoRoot().parent_path() / "shared" / "samples" / "jira";
  if (!fs::exists(dir)) GTEST_SKIP() << "no samples in " << dir;
  struct Expected {
    const char* file;
    size_t issues, tasks, projects, links, warnings;
  };
  for (const Expected& e : {
           Expected{"jira-cloud_all-fields_en.csv", 22, 22, 1, 0, 2},
           Expected{"jira-cloud_links-sprints_en.csv", 138, 138, 1, 1, 10},
           Expected{"jira-cloud_all-fields_es-localized.csv", 106, 105, 8, 1, 7},
       }) {
    SCOPED_TRACE(e.file);
    const JiraImport im = Import(Slurp(dir / e.file), {}, e.file);
    EXPECT_EQ(im.issues, e.issues);
    EXPECT_EQ(im.program.TaskCount(), e.tasks);
    EXPECT_EQ(im.program.projects.size(), e.projects);
    EXPECT_EQ(im.links, e.links);
    EXPECT_EQ(im.warnings.size(), e.warnings) << fmt::format("{}", fmt::join(Warnings(im), "\n"));
  }
}

}  // namespace
}  // namespace tpmkit::formats
