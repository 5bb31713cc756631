// export --format xlsx|ics|csv against an in-memory workspace holding
// examples/phoenix.yaml, with a fixed clock (ctest runs from the source folder).
#include "tpmkit/app/export_cases.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tpmkit/app/test_env.h"

namespace tpmkit::app {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNow = "2026-06-20T09:00:00Z";

class TempFolder {
 public:
  TempFolder() {
    std::string tmpl = (fs::temp_directory_path() / "tpmkit-export-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::set<std::string> Names() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(path_)) names.insert(e.path().filename());
    return names;
  }

 private:
  fs::path path_;
};

std::string Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t Count(std::string_view text, std::string_view what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

ExportDataRequest Request(std::string format, std::string register_name = "") {
  ExportDataRequest r;
  r.format = std::move(format);
  r.register_name = std::move(register_name);
  r.forecast.iterations = 500;
  return r;
}

TEST(ExportCasesTest, CsvOfOneRegister) {
  TestEnv f(kNow, kPhoenixFile);
  auto r = ExportData(f.env, Request("csv", "risks"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->program, "phoenix");
  EXPECT_EQ(r->as_of, Date::FromYmd(2026, 6, 15));  // the program's status date
  EXPECT_EQ(r->file_name, "phoenix-risks.csv");
  EXPECT_TRUE(r->content.starts_with("ID,Title,Category,Owner,Status,Probability,"));
  EXPECT_EQ(Count(r->content, "\r\n"), 1 + f.Program().risks.size());
  EXPECT_TRUE(r->written.empty());
}

TEST(ExportCasesTest, CsvOfEveryRegisterIntoAFolder) {
  TestEnv f(kNow, kPhoenixFile);
  TempFolder tmp;
  ASSERT_FALSE(tmp.path().empty());
  auto request = Request("csv");
  request.output = tmp.path() / "registers";  // made when missing
  auto r = ExportData(f.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r->content.empty());
  ASSERT_EQ(r->written.size(), 7u);
  EXPECT_EQ(r->written[0], tmp.path() / "registers" / "tasks.csv");
  std::set<std::string> names;
  for (const auto& e : fs::directory_iterator(tmp.path() / "registers")) {
    names.insert(e.path().filename());
  }
  EXPECT_EQ(names,
            (std::set<std::string>{"tasks.csv", "risks.csv", "stakeholders.csv", "decisions.csv",
                                   "changes.csv", "audit.csv", "kpis.csv"}));
  EXPECT_EQ(Count(Slurp(tmp.path() / "registers" / "tasks.csv"), "\r\n"),
            1 + f.Program().TaskCount());
}

TEST(ExportCasesTest, CsvOfEveryRegisterNeedsAFolder) {
  TestEnv f(kNow, kPhoenixFile);
  TempFolder tmp;
  auto no_output = ExportData(f.env, Request("csv"));
  ASSERT_FALSE(no_output.ok());
  EXPECT_EQ(no_output.error().code, ErrorCode::kUsage);

  std::ofstream(tmp.path() / "file.txt") << "keep me";
  auto request = Request("csv");
  request.output = tmp.path() / "file.txt";
  auto r = ExportData(f.env, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUsage);
  EXPECT_NE(r.error().message.find("not a folder"), std::string::npos) << r.error().message;
  EXPECT_EQ(Slurp(tmp.path() / "file.txt"), "keep me");
  EXPECT_EQ(tmp.Names(), std::set<std::string>{"file.txt"});
}

TEST(ExportCasesTest, BadRequestsAreUsageErrors) {
  TestEnv f(kNow, kPhoenixFile);
  for (const auto& request : {Request("pdf"), Request("csv", "issues"), Request("xlsx", "risks"),
                              Request("ics", "kpis")}) {
    auto r = ExportData(f.env, request);
    ASSERT_FALSE(r.ok()) << request.format << " " << request.register_name;
    EXPECT_EQ(r.error().code, ErrorCode::kUsage) << r.error().message;
  }
  auto unknown = ExportData(f.env, Request("csv", "issues"));
  EXPECT_EQ(unknown.error().message,
            "unknown register 'issues': expected one of tasks, risks, stakeholders, decisions, "
            "changes, audit, kpis");
}

TEST(ExportCasesTest, IcsStampsTheClockAndKeysTheProgram) {
  TestEnv f(kNow, kPhoenixFile);
  auto r = ExportData(f.env, Request("ics"));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->file_name, "phoenix.ics");
  const std::string& ics = r->content;
  EXPECT_TRUE(ics.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(ics.find("X-WR-CALNAME:Project Phoenix\r\n"), std::string::npos);
  EXPECT_NE(ics.find("UID:target@phoenix.tpmkit\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260930\r\n"), std::string::npos);
  EXPECT_EQ(Count(ics, "BEGIN:VEVENT"), Count(ics, "DTSTAMP:20260620T090000Z\r\n"));
  EXPECT_GT(Count(ics, "BEGIN:VEVENT"), 10u);
  // The same program gives the same calendar.
  auto again = ExportData(f.env, Request("ics"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->content, ics);
}

TEST(ExportCasesTest, XlsxWrittenAtomicallyToTheOutput) {
  TestEnv f(kNow, kPhoenixFile);
  TempFolder tmp;
  auto request = Request("xlsx");
  request.output = tmp.path() / "phoenix.xlsx";
  auto r = ExportData(f.env, request);
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->written.size(), 1u);
  const std::string bytes = Slurp(tmp.path() / "phoenix.xlsx");
  EXPECT_EQ(bytes, r->content);
  EXPECT_EQ(bytes.substr(0, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(tmp.Names(), std::set<std::string>{"phoenix.xlsx"});  // no temporary left
}

TEST(ExportCasesTest, AnUnknownProgramWritesNothing) {
  TestEnv f(kNow, kPhoenixFile);
  TempFolder tmp;
  auto request = Request("ics");
  request.source.program_id = "nope";
  request.output = tmp.path() / "nope.ics";
  auto r = ExportData(f.env, request);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(tmp.Names().empty());
}

}  // namespace
}  // namespace tpmkit::app
