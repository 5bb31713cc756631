#include "tpmkit/formats/yaml_tree.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "generate.h"
#include "tpmkit/formats/program_file.h"

namespace tpmkit::formats::internal {
namespace {

namespace fs = std::filesystem;

// The whole tree as text: kind, mark, plain flag and scalar text of every node.
void Dump(const YamlTree& t, const YamlNode& n, std::string& out) {
  out += std::to_string(n.line) + ":" + std::to_string(n.column) + " ";
  switch (n.kind) {
    case YamlKind::kNull:
      out += "null\n";
      return;
    case YamlKind::kScalar:
      out += n.plain ? "plain " : "quoted ";
      out += t.Text(n);
      out += "\n";
      return;
    case YamlKind::kSequence:
      out += "seq\n";
      for (size_t i = 0; i < n.size; ++i) Dump(t, t.Item(n, i), out);
      out += "end\n";
      return;
    case YamlKind::kMap:
      out += "map\n";
      for (size_t i = 0; i < n.size; ++i) {
        Dump(t, t.Key(n, i), out);
        Dump(t, t.Value(n, i), out);
      }
      out += "end\n";
      return;
  }
}

std::string DumpOf(const Result<YamlTree>& r) {
  if (!r.ok()) {
    std::string out = "error";
    for (const auto& d : r.error().diagnostics) out += " " + FormatDiagnostic(d);
    return out;
  }
  std::string out;
  Dump(*r, r->root(), out);
  return out;
}

// When the fast scanner accepts a text, its tree equals yaml-cpp's. Returns whether the
// fast scanner accepted.
bool ExpectSameTree(const std::string& text) {
  auto fast = YamlTree::Parse(text, "t.yaml", YamlParser::kFast);
  if (!fast.ok()) return false;
  auto slow = YamlTree::Parse(text, "t.yaml", YamlParser::kYamlCpp);
  EXPECT_EQ(DumpOf(fast), DumpOf(slow)) << "input:\n" << text;
  return true;
}

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(YamlTreeTest, FastScannerAgreesWithYamlCppOnSnippets) {
  const std::vector<std::string> accepted = {
      "a: 1\n",
      "a:\nb: 1\n",
      "a:\n  - x\n  -\n  - ~\nb:   \n",
      "a: {u: https://x.y/z, v: a:b, w: x y  , z: \"q\"}\n",
      "a: [x:y, é, z]\n",
      "- a: 1\n  b: 2\n- [1]\n",
      "a:\n- 1\n- 2\nb: 3\n",
      "a: {b: 1,\n  c: 2}\n",
      "k: v # c\n# x\n\n",
      "a: -5d\nb: \"x\\ty\\\\ \\\"q\\\" \\x07\"\nc: 'it''s'\n",
      "# lead\n\nx:\n  y:\n    z: [1, [2, {a: b}], {}]\n  w: []\n",
      "a: b#c\nd: e #f\n'q k': 1\n\"r\": 2\n",
      "- x\n-\n",
      "top\n",
      "a: {x: -1, y: [-a, b-]}\n",
      "a:\n    deep: 1\nb: 2\n",
      "a: 'null'\nb: null\nc: Null\nd: ~\ne: \"~\"\n",
  };
  for (const auto& text : accepted) {
    EXPECT_TRUE(ExpectSameTree(text)) << "declined:\n" << text;
  }
  // Outside the subset: yaml-cpp decides (and reports errors).
  const std::vector<std::string> declined = {
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      "a: |\n  text\n",
      "a: x\n  y\n",
      "---\na: 1\n",
      "a:\tb\n",
      "a: [a, ]\n",
      "? a\n: b\n",
      "a: b: c\n",
      "a: \"x\ny\"\n",
      "- - a\n",
      "a: [b\n",
      "a: 'x' y\n",
      "",
      "\xef\xbb\xbf"
      "a: 1\n",
      "a:\r\n  b: 1\r\n",
      "a: {b}\n",
      "a: {b: }\n",
      "  a: 1\n b: 2\n",
      "a:",
      "a: x",
      "a: {b?: 1}\n",
      "a: [:x]\n",
  };
  for (const auto& text : declined) {
    EXPECT_FALSE(YamlTree::Parse(text, "t.yaml", YamlParser::kFast).ok()) << text;
  }
}

TEST(YamlTreeTest, FastScannerAgreesWithYamlCppOnDataFiles) {
  fs::path root = fs::current_path();
  while (!fs::exists(root / "tests" / "data") && root != root.parent_path())
    root = root.parent_path();
  int accepted = 0;
  for (const char* dir : {"tests/data/valid", "tests/data/invalid", "examples"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::directory_iterator(root / dir)) {
      if (e.path().extension() != ".yaml") continue;
      SCOPED_TRACE(e.path().string());
      accepted += ExpectSameTree(ReadText(e.path()));
    }
  }
  EXPECT_GT(accepted, 50);
}

TEST(YamlTreeTest, FastScannerAgreesWithYamlCppOnWrittenPrograms) {
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 200;
    EXPECT_TRUE(ExpectSameTree(WriteProgramFile(testing::GenerateProgram(o)))) << seed;
  }
}

// Random edits of valid files: wherever the fast scanner accepts, it agrees.
TEST(YamlTreeTest, FastScannerAgreesWithYamlCppOnMutations) {
  fs::path root = fs::current_path();
  while (!fs::exists(root / "tests" / "data") && root != root.parent_path())
    root = root.parent_path();
  const std::string bases[] = {ReadText(root / "tests" / "data" / "valid" / "spec_example.yaml"),
                               ReadText(root / "tests" / "data" / "valid" / "canonical.yaml")};
  const std::string alphabet = " \n:-#'\"[]{},?&*!|>~a1.\\";
  // TPMKIT_MUTATIONS raises the count for a longer local run.
  const char* env = std::getenv("TPMKIT_MUTATIONS");
  const int count = env ? std::atoi(env) : 3000;
  std::mt19937_64 rng(env ? std::random_device{}() : 7);
  int accepted = 0;
  for (int i = 0; i < count; ++i) {
    std::string text = bases[i % 2];
    ASSERT_FALSE(text.empty());
    int edits = 1 + static_cast<int>(rng() % 3);
    for (int k = 0; k < edits; ++k) {
      size_t at = rng() % text.size();
      char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<long>(at), c);
          break;
        default:
          text.erase(at, 1);
          break;
      }
    }
    accepted += ExpectSameTree(text);
    // The whole reader copes too: no crash, and every problem has a place.
    auto program = ReadProgramFile(text, "m.yaml");
    if (!program.ok()) {
      for (const auto& d : program.error().diagnostics) {
        EXPECT_GT(d.line, 0) << d.message << "\n" << text;
        EXPECT_GT(d.column, 0) << d.message << "\n" << text;
      }
    }
    if (HasFailure()) break;
  }
  EXPECT_GT(accepted, count / 3);
}

}  // namespace
}  // namespace tpmkit::formats::internal
