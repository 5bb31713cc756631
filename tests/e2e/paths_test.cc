// End-to-end tests of what tpmkit does with paths and text it did not choose: evidence
// paths that leave the evidence root, zip names that meet or climb, outputs written beside
// planted files and links, control characters from files in diagnostics and reports, and
// the location of an error at the end of a file without a final newline.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "e2e_support.h"

namespace tpmkit::e2e {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Runs a shell command; returns its exit status and stdout.
std::pair<int, std::string> Shell(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return {-1, out};
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  return {pclose(p), out};
}

// A program file whose audit evidence is `paths` (one item, done), with a final newline.
std::string ProgramWithEvidence(const std::vector<std::string>& paths) {
  std::string text =
      "tpmkit: 1\n"
      "program:\n"
      "  id: demo\n"
      "  name: Demo\n"
      "  start: 2026-01-05\n"
      "projects:\n"
      "  - id: core\n"
      "    name: Core\n"
      "    tasks:\n"
      "      - {id: design, name: Design, duration: 5d}\n"
      "audit:\n"
      "  items:\n"
      "    - id: requirements\n"
      "      status: done\n"
      "      evidence:\n";
  for (const auto& p : paths) text += "        - {path: " + json(p).dump() + "}\n";
  return text;
}

// A folder `root` holding the program file and evidence, beside `outside` with a secret
// that no pack may hold.
class EvidencePaths : public ::testing::Test {
 protected:
  void SetUp() override {
    fs::create_directories(Root() / "evidence");
    fs::create_directories(Outside());
    WriteFile(Outside() / "secret.md", "TOP-SECRET-OUTSIDE\n");
    WriteFile(Root() / "evidence" / "a.md", "evidence a\n");
    WriteFile(Root() / "a.md", "a different a\n");
    WriteFile(Root() / "..\\..\\evil.txt", "backslashes\n");
    fs::create_symlink(Outside() / "secret.md", Root() / "leak.md");
    fs::create_symlink(Outside(), Root() / "leakdir");
    fs::create_symlink("evidence/a.md", Root() / "inside-link.md");
  }
  fs::path Root() const { return dir_.path() / "root"; }
  fs::path Outside() const { return dir_.path() / "outside"; }
  e2e::Run T(const std::vector<std::string>& args) { return Tpmkit(args, dir_.path()); }
  TempDir dir_;
};

const std::vector<std::string> kHostile = {"/etc/passwd", "../outside/secret.md",
                                           "evidence/../../outside/secret.md", "leak.md",
                                           "leakdir/secret.md"};
const std::vector<std::string> kGood = {"evidence/a.md", "a.md", "..\\..\\evil.txt",
                                        "./evidence/a.md", "inside-link.md"};

TEST_F(EvidencePaths, AuditReadsNothingOutsideTheEvidenceRoot) {
  std::vector<std::string> all = kHostile;
  all.insert(all.end(), kGood.begin(), kGood.end());
  WriteFile(Root() / "program.yaml", ProgramWithEvidence(all));
  auto r =
      T({"--json", "audit", "-f", (Root() / "program.yaml").string(), "--as-of", "2026-06-15"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, std::string> state;
  const json audit = json::parse(r.out);
  for (const auto& item : audit["items"]) {
    for (const auto& e : item["evidence"]) {
      state[e["ref"].get<std::string>()] = e["state"].get<std::string>();
    }
  }
  for (const auto& p : kHostile) EXPECT_EQ(state[p], "refused") << p;  // as the pack says
  for (const auto& p : kGood) EXPECT_EQ(state[p], "unverified") << p;
}

TEST_F(EvidencePaths, PackHoldsNoEscapeAndUniqueSafeNamesThatSha256sumChecks) {
  std::vector<std::string> all = kHostile;
  all.insert(all.end(), kGood.begin(), kGood.end());
  WriteFile(Root() / "program.yaml", ProgramWithEvidence(all));
  // The refused paths are missing evidence: without --allow-missing, no pack.
  auto refused = T({"audit", "pack", "-f", (Root() / "program.yaml").string(), "-o", "pack.zip",
                    "--as-of", "2026-06-15"});
  EXPECT_EQ(refused.exit_code, 1) << refused.err;
  EXPECT_FALSE(fs::exists(dir_.path() / "pack.zip"));
  auto r = T({"audit", "pack", "-f", (Root() / "program.yaml").string(), "-o", "pack.zip",
              "--as-of", "2026-06-15", "--allow-missing"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const fs::path zip = dir_.path() / "pack.zip";

  // Every name is unique and inside evidence/ or the top folder, without backslashes.
  auto [listed, names] = Shell("unzip -Z1 " + Quote(zip.string()));
  ASSERT_EQ(listed, 0) << names;
  std::set<std::string> seen;
  std::istringstream lines(names);
  for (std::string name; std::getline(lines, name);) {
    EXPECT_TRUE(seen.insert(name).second) << "twice: " << name;
    EXPECT_EQ(name.find('\\'), std::string::npos) << name;
    EXPECT_EQ(("/" + name + "/").find("/../"), std::string::npos) << name;
    EXPECT_NE(name.front(), '/') << name;
  }
  EXPECT_EQ(seen.size(), 4u + 3u) << names;  // 4 generated + 3 distinct evidence files

  // Unzipped, it holds nothing from outside the root, and manifest.sha256 checks.
  const fs::path out = dir_.path() / "unpacked";
  auto [unzipped, unzip_out] =
      Shell("unzip -q -o " + Quote(zip.string()) + " -d " + Quote(out.string()) + " 2>&1");
  ASSERT_EQ(unzipped, 0) << unzip_out;
  auto [grep, found] = Shell("grep -rl TOP-SECRET-OUTSIDE " + Quote(out.string()));
  EXPECT_NE(grep, 0) << found;
  EXPECT_FALSE(fs::exists(dir_.path() / "evil.txt"));
  auto [checked, check_out] =
      Shell("cd " + Quote(out.string()) + " && sha256sum -c manifest.sha256 2>&1");
  EXPECT_EQ(checked, 0) << check_out;

  // The manifest says which paths were refused; the others are packed with their bytes.
  auto manifest = json::parse(ReadFile(out / "manifest.json"));
  std::map<std::string, json> by_path;
  for (const auto& m : manifest) by_path[m["path"].get<std::string>()] = m;
  for (const auto& p : kHostile) {
    EXPECT_EQ(by_path[p]["state"], "refused") << p;
    EXPECT_TRUE(by_path[p]["packed_as"].is_null()) << p;
  }
  EXPECT_EQ(by_path["evidence/a.md"]["packed_as"], "evidence/a.md");
  EXPECT_EQ(by_path["./evidence/a.md"]["packed_as"], "evidence/a.md");  // the same file
  EXPECT_EQ(by_path["inside-link.md"]["packed_as"], "evidence/a.md");   // the same file
  EXPECT_EQ(by_path["a.md"]["packed_as"], "evidence/a~2.md");
  EXPECT_EQ(by_path["..\\..\\evil.txt"]["packed_as"], "evidence/.._.._evil.txt");
  EXPECT_EQ(ReadFile(out / "evidence" / "a~2.md"), "a different a\n");
  EXPECT_EQ(ReadFile(out / "evidence" / ".._.._evil.txt"), "backslashes\n");
  EXPECT_NE(r.out.find("5 missing"), std::string::npos) << r.out;
}

TEST_F(EvidencePaths, EvidenceAddRefusesAFileOutsideTheRoot) {
  WriteFile(dir_.path() / "p.yaml", ProgramWithEvidence({}));
  ASSERT_EQ(T({"--db", "ws.db", "apply", (dir_.path() / "p.yaml").string()}).exit_code, 0);
  for (const auto& file : {Outside() / "secret.md", Root() / "leak.md"}) {
    auto r = T({"--db", "ws.db", "audit", "evidence", "add", "requirements", file.string(),
                "--evidence-root", Root().string()});
    EXPECT_EQ(r.exit_code, 2) << file << r.out;
    EXPECT_NE(r.err.find("not under the evidence root"), std::string::npos) << r.err;
  }
  auto ok = T({"--db", "ws.db", "audit", "evidence", "add", "requirements",
               (Root() / "evidence" / "a.md").string(), "--evidence-root", Root().string()});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
}

// Outputs are written to a new temporary of their own and renamed: a planted OUT.tmp link
// (the old fixed temporary name) and a link at OUT itself are not written through.
TEST(OutputFiles, PlantedLinksAreNotWrittenThrough) {
  TempDir dir;
  const fs::path victim = dir.path() / "victim.txt";
  WriteFile(victim, "untouched\n");
  fs::create_symlink(victim, dir.path() / "plan.yaml.tmp");
  auto r =
      Tpmkit({"export", "-f", Example("phoenix.yaml").string(), "-o", "plan.yaml"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(victim), "untouched\n");
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(dir.path() / "plan.yaml")));

  fs::create_symlink(victim, dir.path() / "pack.zip.tmp");
  r = Tpmkit({"audit", "pack", "-f", Example("phoenix.yaml").string(), "-o", "pack.zip", "--as-of",
              "2026-06-15"},
             dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(victim), "untouched\n");
  EXPECT_EQ(Shell("unzip -tq " + Quote((dir.path() / "pack.zip").string())).first, 0);

  // A link at OUT is replaced by the file, not followed.
  fs::create_symlink(victim, dir.path() / "again.yaml");
  r = Tpmkit({"export", "-f", Example("phoenix.yaml").string(), "-o", "again.yaml"}, dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(ReadFile(victim), "untouched\n");
  EXPECT_FALSE(fs::is_symlink(dir.path() / "again.yaml"));

  // No temporary is left behind.
  for (const auto& e : fs::directory_iterator(dir.path())) {
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
  }
}

// Escape sequences and newlines from a file reach the terminal as visible escapes, each
// diagnostic on one line.
TEST(TerminalOutput, ControlCharactersFromAFileAreEscapedInDiagnostics) {
  TempDir dir;
  WriteFile(dir.path() / "evil.yaml",
            "tpmkit: 1\n"
            "program:\n"
            "  id: demo\n"
            "  name: Demo\n"
            "  start: 2026-01-05\n"
            "  \"x\\e]0;pwned\\a\\e[2J\\nfake: error\": 1\n"
            "projects: []\n");
  auto r = Tpmkit({"check", "evil.yaml"}, dir.path());
  EXPECT_EQ(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(r.err.find('\x1b'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\x07'), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("x\\x1b]0;pwned\\x07\\x1b[2J\\nfake: error"), std::string::npos) << r.err;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_TRUE(line.rfind("evil.yaml:", 0) == 0 || line.rfind("tpmkit: ", 0) == 0) << line;
  }
}

TEST(TerminalOutput, ControlCharactersInDataAreEscapedInTextReports) {
  TempDir dir;
  std::string text = ReadFile(Example("phoenix.yaml"));
  const std::string name = "name: ";
  const auto at = text.find(name);
  ASSERT_NE(at, std::string::npos);
  const auto end = text.find('\n', at);
  text.replace(at, end - at, "name: \"Phoenix\\e[31m\\nINJECTED\"");
  WriteFile(dir.path() / "evil.yaml", text);
  for (const std::vector<std::string>& command :
       {std::vector<std::string>{"show", "-f", "evil.yaml"},
        std::vector<std::string>{"risks", "-f", "evil.yaml", "--as-of", "2026-06-15"},
        std::vector<std::string>{"scorecard", "-f", "evil.yaml", "--as-of", "2026-06-15"}}) {
    auto r = Tpmkit(command, dir.path());
    EXPECT_EQ(r.exit_code, 0) << command[0] << r.err;
    EXPECT_EQ(r.out.find('\x1b'), std::string::npos) << command[0] << r.out;
    EXPECT_EQ(r.out.find("\nINJECTED"), std::string::npos) << command[0] << r.out;
  }
}

}  // namespace
}  // namespace tpmkit::e2e
