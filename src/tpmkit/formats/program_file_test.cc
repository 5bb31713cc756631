#include "tpmkit/formats/program_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "generate.h"
#include "tpmkit/model/validate.h"

namespace tpmkit::formats {
namespace {

namespace fs = std::filesystem;

// The repository root: ctest runs tests there; from elsewhere, look upwards.
fs::path RepoRoot() {
  fs::path dir = fs::current_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / "tests" / "data" / "invalid")) return d;
    if (d == d.parent_path()) break;
  }
  return dir;
}

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> Files(const fs::path& dir, std::string_view ext) {
  std::vector<fs::path> out;
  if (!fs::exists(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ext) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> DiagnosticLines(const Error& e) {
  std::vector<std::string> out;
  for (const auto& d : e.diagnostics) out.push_back(FormatDiagnostic(d));
  return out;
}

std::string AllDiagnostics(const Error& e) {
  std::string out = e.message + "\n";
  for (const auto& d : e.diagnostics) out += FormatDiagnostic(d) + "\n";
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

void ExpectRoundTrip(const model::Program& p) {
  std::string text = WriteProgramFile(p);
  auto back = ReadProgramFile(text, "roundtrip.yaml");
  ASSERT_TRUE(back.ok()) << AllDiagnostics(back.error()) << text;
  EXPECT_TRUE(*back == p) << text;
  EXPECT_EQ(WriteProgramFile(*back), text);
}

// Each tests/data/invalid/<rule>.yaml breaks one rule; <rule>.expected holds the exact
// diagnostics, one per line. TPMKIT_UPDATE_EXPECTED=1 rewrites the .expected files
// (review the diff before committing).
TEST(ProgramFileTest, EveryInvalidFileGivesItsExpectedDiagnostics) {
  const fs::path root = RepoRoot();
  const auto files = Files(root / "tests" / "data" / "invalid", ".yaml");
  ASSERT_GE(files.size(), 50u) << "tests/data/invalid not found from " << fs::current_path();
  const bool update = std::getenv("TPMKIT_UPDATE_EXPECTED") != nullptr;
  for (const auto& file : files) {
    const std::string name = fs::relative(file, root).generic_string();
    SCOPED_TRACE(name);
    auto result = ReadProgramFile(ReadText(file), name);
    ASSERT_FALSE(result.ok()) << name << " was accepted";
    EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput);
    auto got = DiagnosticLines(result.error());
    fs::path expected_file = file;
    expected_file.replace_extension(".expected");
    if (update) {
      std::ofstream out(expected_file);
      for (const auto& l : got) out << l << "\n";
      continue;
    }
    ASSERT_TRUE(fs::exists(expected_file)) << expected_file;
    EXPECT_EQ(got, Lines(ReadText(expected_file)));
    const size_t n = got.size();
    EXPECT_EQ(result.error().message,
              std::to_string(n) + (n == 1 ? " error in " : " errors in ") + name);
  }
}

TEST(ProgramFileTest, ValidFilesReadAndRoundTrip) {
  const fs::path root = RepoRoot();
  auto files = Files(root / "tests" / "data" / "valid", ".yaml");
  for (const auto& f : Files(root / "examples", ".yaml")) files.push_back(f);
  ASSERT_GE(files.size(), 3u);
  for (const auto& file : files) {
    SCOPED_TRACE(file.string());
    auto result = ReadProgramFile(ReadText(file), file.filename().string());
    ASSERT_TRUE(result.ok()) << FormatDiagnostic(result.error().diagnostics.at(0));
    EXPECT_TRUE(model::Validate(*result).empty());
    ExpectRoundTrip(*result);
  }
}

TEST(ProgramFileTest, CanonicalFileIsWrittenUnchanged) {
  // tests/data/valid/canonical.yaml is in canonical form: Write(Read(f)) == f.
  const fs::path file = RepoRoot() / "tests" / "data" / "valid" / "canonical.yaml";
  std::string text = ReadText(file);
  auto p = ReadProgramFile(text, "canonical.yaml");
  ASSERT_TRUE(p.ok()) << FormatDiagnostic(p.error().diagnostics.at(0));
  EXPECT_EQ(WriteProgramFile(*p), text);
}

TEST(ProgramFileTest, GeneratedProgramsRoundTrip) {
  for (uint64_t seed = 1; seed <= 100; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = static_cast<int>(1 + (seed * 37) % 400);
    o.projects = static_cast<int>(1 + seed % 5);
    o.links_per_task = static_cast<double>(seed % 4);
    o.registers = seed % 3 != 0;
    o.progress = seed % 2 == 0;
    o.all_link_types = seed % 5 != 0;
    SCOPED_TRACE(seed);
    model::Program p = testing::GenerateProgram(o);
    ASSERT_TRUE(model::Validate(p).empty());
    ExpectRoundTrip(p);
  }
}

TEST(ProgramFileTest, AwkwardStringsAndNumbersRoundTrip) {
  model::Program p;
  p.id = "x";
  p.name = "Name: with colon";
  p.objective = "  leading and trailing  ";
  p.sponsor = "null";
  p.start = Date::FromYmd(2026, 1, 5);
  p.budget = Money::FromCents(123456789);
  p.assumptions = {"- dash",
                   "# hash",
                   "a # b",
                   "quote \"inside\"",
                   "it's",
                   "[bracket]",
                   "{brace}",
                   "comma, here",
                   "multi\nline\ttab",
                   "123",
                   "2026-01-05",
                   "true",
                   "~",
                   "yes",
                   "Ünïcödé ✓",
                   "back\\slash",
                   "%percent",
                   "@at",
                   "`tick",
                   "a: b",
                   "ends with:",
                   "*star",
                   "&amp",
                   "!bang",
                   "|pipe",
                   ">gt",
                   "?q",
                   "0x1F",
                   ".5",
                   "-1",
                   "bell\x07",
                   "...",
                   "---"};
  model::Project pr;
  pr.id = "core";
  pr.name = "Core, platform";
  model::Task a;
  a.id = "a";
  a.name = "A";
  a.estimate = model::Estimate{0.1, 2.5, 12999.75, model::Distribution::kUniform};  // <= 13000d
  a.cost = Money::FromCents(-1);
  model::Task b;
  b.id = "b:c";
  b.name = "{B}";
  b.duration = 0;
  b.depends = {{"a", model::LinkType::kSF, -3}, {"core.a", model::LinkType::kFS, 0}};
  b.percent_complete = 33.333333333333336;
  b.actual_start = Date::FromYmd(2026, 2, 28);
  pr.tasks = {a, b};
  p.projects.push_back(pr);
  model::Scorecard sc;
  sc.criteria = std::vector<model::Criterion>{};
  p.scorecard = sc;
  p.targets = model::Targets{};
  p.audit = model::Audit{};
  model::Stakeholder s;
  s.id = "s";
  s.name = "S";
  s.cadence = 0.5;
  s.contacts = {{Date::FromYmd(2026, 3, 1), "Call: ok"}};
  p.stakeholders.push_back(s);
  model::Decision d;
  d.id = "d";
  d.question = "Q?";
  d.criteria = {{"c.1", "", 0, std::nullopt}};
  d.options = {{"o", "O", {{"c.1", 5}}, model::Scenario{}}};
  d.stakeholder_weights = {{"s", {{"c.1", 12.5}}}};
  p.decisions.push_back(d);
  // The model validates (Validate is the contract for round trips) except the negative
  // cost, which the writer must still express faithfully.
  auto text = WriteProgramFile(p);
  auto back = ReadProgramFile(text, "awkward.yaml");
  ASSERT_FALSE(back.ok());
  ASSERT_EQ(back.error().diagnostics.size(), 1u) << AllDiagnostics(back.error()) << text;
  EXPECT_THAT(back.error().diagnostics[0].message,
              ::testing::HasSubstr("cost must not be negative"));
  p.projects[0].tasks[0].cost = Money::FromCents(5);
  ExpectRoundTrip(p);
}

TEST(ProgramFileTest, SeveralErrorsAreAllReportedInFileOrder) {
  const std::string text =
      "tpmkit: 1\n"
      "program:\n"
      "  id: Bad Id\n"
      "  name: Demo\n"
      "  start: 2026-02-30\n"
      "projects:\n"
      "  - id: core\n"
      "    name: Core\n"
      "    tasks:\n"
      "      - {id: a, name: A, durration: 5d}\n"
      "      - {id: b, name: B, duration: 5d, depends: [a, zz]}\n"
      "risks:\n"
      "  - {id: R1, title: T, probability: 2, severity: 7}\n";
  auto r = ReadProgramFile(text, "f.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "6 errors in f.yaml");
  EXPECT_THAT(DiagnosticLines(r.error()),
              ::testing::ElementsAre(
                  "f.yaml:3:7: program id 'Bad Id' must match [a-z0-9][a-z0-9_-]*",
                  "f.yaml:5:10: start must be a date (YYYY-MM-DD), got '2026-02-30'",
                  "f.yaml:10:26: unknown key 'durration' in task; expected one of: id, name, "
                  "owner, duration, estimate, milestone, depends, resources, cost, "
                  "percent_complete, actual_start, actual_finish, baseline, "
                  "start_no_earlier_than, deadline",
                  "f.yaml:11:53: unknown task 'zz' in depends",
                  "f.yaml:13:37: probability must be a number from 0 to 1, got 2",
                  "f.yaml:13:50: severity must be an integer from 1 to 5, got 7"));
}

TEST(ProgramFileTest, WritesTheSpecLayout) {
  model::Program p;
  p.id = "phoenix";
  p.name = "Project Phoenix";
  p.start = Date::FromYmd(2026, 1, 5);
  p.budget = Money::FromDouble(2400000.5);
  model::Project pr{"core", "Core platform", "", {}};
  model::Task t;
  t.id = "build";
  t.name = "Build";
  t.estimate = model::Estimate{15, 20, 35, model::Distribution::kPert};
  t.depends = {{"design", model::LinkType::kFS, 0}, {"x", model::LinkType::kSS, 5}};
  model::Task d;
  d.id = "design";
  d.name = "Design";
  d.duration = 10;
  pr.tasks = {d, t};
  model::Task x;
  x.id = "x";
  x.name = "X";
  x.milestone = true;
  pr.tasks.push_back(x);
  p.projects.push_back(pr);
  EXPECT_EQ(WriteProgramFile(p),
            "tpmkit: 1\n"
            "program:\n"
            "  id: phoenix\n"
            "  name: Project Phoenix\n"
            "  currency: USD\n"
            "  start: 2026-01-05\n"
            "  budget: 2400000.50\n"
            "projects:\n"
            "  - id: core\n"
            "    name: Core platform\n"
            "    tasks:\n"
            "      - id: design\n"
            "        name: Design\n"
            "        duration: 10d\n"
            "      - id: build\n"
            "        name: Build\n"
            "        estimate: {optimistic: 15d, likely: 20d, pessimistic: 35d, "
            "distribution: pert}\n"
            "        depends: [design, {task: x, type: SS, lag: 5d}]\n"
            "      - id: x\n"
            "        name: X\n"
            "        milestone: true\n");
}

TEST(ProgramFileTest, ReadsDaysWeeksAndLinkForms) {
  const std::string text =
      "tpmkit: 1\n"
      "program: {id: p, name: P, start: 2026-01-05}\n"
      "projects:\n"
      "  - id: core\n"
      "    name: Core\n"
      "    tasks:\n"
      "      - {id: a, name: A, duration: 2w}\n"
      "      - {id: b, name: B, duration: 3, depends: [core.a]}\n"
      "      - id: c\n"
      "        name: C\n"
      "        estimate: {optimistic: 1.5d, likely: 2d, pessimistic: 1w}\n"
      "        depends:\n"
      "          - {task: b, type: FF, lag: -2d}\n";
  auto r = ReadProgramFile(text, "f.yaml");
  ASSERT_TRUE(r.ok()) << FormatDiagnostic(r.error().diagnostics.at(0));
  const auto& tasks = r->projects[0].tasks;
  EXPECT_EQ(tasks[0].duration, 10.0);
  EXPECT_EQ(tasks[1].duration, 3.0);
  EXPECT_EQ(tasks[1].depends[0].task, "core.a");
  EXPECT_EQ(tasks[2].estimate->optimistic, 1.5);
  EXPECT_EQ(tasks[2].estimate->pessimistic, 5.0);
  EXPECT_EQ(tasks[2].estimate->distribution, model::Distribution::kPert);
  EXPECT_EQ(tasks[2].depends[0].type, model::LinkType::kFF);
  EXPECT_EQ(tasks[2].depends[0].lag, -2.0);
}

TEST(ProgramFileTest, EmptyValuesCountAsAbsent) {
  const std::string text =
      "tpmkit: 1\n"
      "program: {id: p, name: P, start: 2026-01-05}\n"
      "assumptions:\n"
      "projects:\n"
      "  - id: core\n"
      "    name: Core\n"
      "    owner:\n"
      "    tasks:\n"
      "      - {id: a, name: A, owner: ~, cost: null}\n";
  auto r = ReadProgramFile(text, "f.yaml");
  ASSERT_TRUE(r.ok()) << AllDiagnostics(r.error());
  EXPECT_TRUE(r->assumptions.empty());
  EXPECT_EQ(r->projects[0].owner, "");
  EXPECT_FALSE(r->projects[0].tasks[0].cost.has_value());
  // Quoted, they are strings.
  auto q =
      ReadProgramFile("tpmkit: 1\nprogram: {id: p, name: \"null\", start: 2026-01-05}\n", "q.yaml");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->name, "null");
}

TEST(ProgramFileTest, SyntaxErrorHasLineAndColumn) {
  auto r = ReadProgramFile("tpmkit: 1\nprogram: {id: p, name: [x\n", "s.yaml");
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.error().diagnostics.size(), 1u);
  EXPECT_EQ(r.error().diagnostics[0].file, "s.yaml");
  EXPECT_GT(r.error().diagnostics[0].line, 0);
  EXPECT_GT(r.error().diagnostics[0].column, 0);
}

TEST(ProgramFileTest, LargeGeneratedProgramRoundTrips) {
  testing::GenerateOptions o;
  o.tasks = 20000;
  o.projects = 7;
  o.seed = 42;
  ExpectRoundTrip(testing::GenerateProgram(o));
}

}  // namespace
}  // namespace tpmkit::formats
