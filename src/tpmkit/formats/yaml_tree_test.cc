#include "tpmkit/formats/yaml_tree.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "generate.h"
#include "tpmkit/base/limits.h"
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

std::string DumpOf(std::string_view text) {
  auto r = YamlTree::Parse(text, "t.yaml");
  if (!r.ok()) {
    std::string out = "error";
    for (const auto& d : r.error().diagnostics) out += " " + FormatDiagnostic(d);
    return out;
  }
  std::string out;
  Dump(*r, r->root(), out);
  return out;
}

std::string ReadText(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path SourceRoot() {
  fs::path root = fs::current_path();
  while (!fs::exists(root / "tests" / "data") && root != root.parent_path())
    root = root.parent_path();
  return root;
}

struct Case {
  std::string text;
  std::string tree;
};

// Marks: a block mapping at its first key, a block sequence at its first '-' (also when
// not indented), a flow collection at its bracket, a scalar at its first character or
// quote, an empty value at the next token.
TEST(YamlTreeTest, KindsTextsAndMarks) {
  const std::vector<Case> cases = {
      {"a: 1\n", "1:1 map\n1:1 plain a\n1:4 plain 1\nend\n"},
      {"a:\nb: 1\n", "1:1 map\n1:1 plain a\n1:3 null\n2:1 plain b\n2:4 plain 1\nend\n"},
      {"a:\n  - x\n  -\n  - ~\nb:   \n",
       "1:1 map\n1:1 plain a\n2:3 seq\n2:5 plain x\n3:4 null\n4:5 null\nend\n5:1 plain b\n"
       "5:3 null\nend\n"},
      {"a:\n- 1\n- 2\nb: 3\n",
       "1:1 map\n1:1 plain a\n2:1 seq\n2:3 plain 1\n3:3 plain 2\nend\n4:1 plain b\n"
       "4:4 plain 3\nend\n"},
      {"x:\n  y: {u: https://x.y/z, v: a:b, z: \"q\"}\n  w: []\n",
       "1:1 map\n1:1 plain x\n2:3 map\n2:3 plain y\n2:6 map\n2:7 plain u\n2:10 plain "
       "https://x.y/z\n2:25 plain v\n2:28 plain a:b\n2:33 plain z\n2:36 quoted q\nend\n"
       "3:3 plain w\n3:6 seq\nend\nend\nend\n"},
      {"- a: 1\n  b: 2\n- [1, {}]\n",
       "1:1 seq\n1:3 map\n1:3 plain a\n1:6 plain 1\n2:3 plain b\n2:6 plain 2\nend\n"
       "3:3 seq\n3:4 plain 1\n3:7 map\nend\nend\nend\n"},
      {"a: -5d\nb: \"x\\ty \\\"q\\\" \\x07\"\nc: 'it''s'\n",
       "1:1 map\n1:1 plain a\n1:4 plain -5d\n2:1 plain b\n2:4 quoted x\ty \"q\" \x07\n"
       "3:1 plain c\n3:4 quoted it's\nend\n"},
      {"a: 'null'\nb: null\nc: Null\nd: NULL\ne: \"~\"\nf: nil\n",
       "1:1 map\n1:1 plain a\n1:4 quoted null\n2:1 plain b\n2:4 null\n3:1 plain c\n3:4 null\n"
       "4:1 plain d\n4:4 null\n5:1 plain e\n5:4 quoted ~\n6:1 plain f\n6:4 plain nil\nend\n"},
      {"a: b#c\nd: e #f\n# x\n'q k': 1\n",
       "1:1 map\n1:1 plain a\n1:4 plain b#c\n2:1 plain d\n"
       "2:4 plain e\n4:1 quoted q k\n4:8 plain 1\nend\n"},
      // Tagged scalars are not plain; anchors are allowed (only aliases are refused).
      {"a: !!str 1\nb: &x 2\n",
       "1:1 map\n1:1 plain a\n1:4 quoted 1\n2:1 plain b\n2:4 plain 2\nend\n"},
      // Block scalars and multi-line plain scalars.
      {"a: |\n  one\n  two\nb: x\n  y\n",
       "1:1 map\n1:1 plain a\n1:4 quoted one\ntwo\n\n4:1 plain b\n4:4 plain x y\nend\n"},
      // Columns count bytes, not characters; a byte order mark is not counted.
      {"a: [\xc3\xa9t\xc3\xa9, z]\n",
       "1:1 map\n1:1 plain a\n1:4 seq\n1:5 plain \xc3\xa9t\xc3\xa9\n1:12 plain z\nend\nend\n"},
      {"\xef\xbb\xbf"
       "a: 1\n",
       "1:1 map\n1:1 plain a\n1:4 plain 1\nend\n"},
      {"a:\r\n  b: 1\r\n", "1:1 map\n1:1 plain a\n2:3 map\n2:3 plain b\n2:6 plain 1\nend\nend\n"},
      {"top\n", "1:1 plain top\n"},
      {"a: x", "1:1 map\n1:1 plain a\n1:4 plain x\nend\n"},
      {"a:", "1:1 map\n1:1 plain a\n1:3 null\nend\n"},
      {"", "1:1 null\n"},
      {"# nothing\n", "1:1 null\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DumpOf(c.text), c.tree) << "input:\n" << c.text;
  }
}

TEST(YamlTreeTest, RefusedYamlIsOneDiagnostic) {
  const std::vector<Case> cases = {
      {"a: &x 1\nb: *x\n", "error t.yaml:2:4: aliases are not supported in a program file"},
      {"a: 1\n---\nb: 2\n", "error t.yaml:2:1: a program file holds a single YAML document"},
      {"a: b: c\n",
       "error t.yaml:1:5: YAML syntax error: mapping values are not allowed in "
       "this context"},
      {"a: [b\n",
       "error t.yaml:2:1: YAML syntax error: did not find expected ',' or ']' (while parsing a "
       "flow sequence started at 1:4)"},
      {"a:\n  b: 1\n c: 2\n",
       "error t.yaml:3:2: YAML syntax error: did not find expected key (while parsing a block "
       "mapping started at 1:1)"},
      // A tab in indentation.
      {"a:\n\tb: 1\n",
       "error t.yaml:2:1: YAML syntax error: found character that cannot start any token"},
      // Columns in bytes after multi-byte characters.
      {"\xc3\xa9: [\xc3\xa9, b: c: d]\n",
       "error t.yaml:1:14: YAML syntax error: did not find expected ',' or ']' (while parsing a "
       "flow sequence started at 1:5)"},
      // Invalid UTF-8 and control characters are refused at their byte.
      {"a: ok\nb: x\xff\n",
       "error t.yaml:2:5: YAML syntax error: invalid leading UTF-8 octet (0xff)"},
      {"a: \x01\n",
       "error t.yaml:1:4: YAML syntax error: control characters are not allowed (0x01)"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DumpOf(c.text), c.tree) << "input:\n" << c.text;
  }
}

// Nesting beyond limits::kMaxYamlDepth is refused before libyaml sees the text (its
// scanner is quadratic in flow nesting: 80 KB of '[' took 10 s), at the bracket or
// indicator that goes one level too deep; brackets inside quotes and comments do not count.
TEST(YamlTreeTest, DeepNestingIsRefusedAtItsPlace) {
  const std::vector<Case> cases = {
      {"a: " + std::string(64, '[') + std::string(64, ']') + "\n",
       "error t.yaml:1:67: nesting deeper than 64 levels"},
      {"a: " + std::string(63, '{') + "[1]" + std::string(63, '}') + "\n",
       "error t.yaml:1:67: nesting deeper than 64 levels"},
      {"a:\n  b: '" + std::string(100, '[') + "'\n  c: \"" + std::string(100, '{') + "\" # " +
           std::string(100, '[') + "\n",
       "1:1 map\n1:1 plain a\n2:3 map\n2:3 plain b\n2:6 quoted " + std::string(100, '[') +
           "\n3:3 plain c\n3:6 quoted " + std::string(100, '{') + "\nend\nend\n"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(DumpOf(c.text), c.tree) << "input:\n" << c.text;
  }
  // The map and 63 brackets: 64 levels.
  EXPECT_TRUE(
      YamlTree::Parse("a: " + std::string(63, '[') + std::string(63, ']') + "\n", "t.yaml").ok());
  // Block nesting: 64 levels read, 65 refused at the key that opens the 65th.
  auto block = [](int depth) {
    std::string text;
    for (int i = 0; i < depth; ++i) text += std::string(static_cast<size_t>(i), ' ') + "k:\n";
    return text;
  };
  EXPECT_TRUE(YamlTree::Parse(block(64), "t.yaml").ok());
  EXPECT_EQ(DumpOf(block(65)), "error t.yaml:65:65: nesting deeper than 64 levels");
  std::string dashes;
  for (int i = 0; i < 65; ++i) dashes += "- ";
  EXPECT_EQ(DumpOf(dashes + "x\n"), "error t.yaml:1:129: nesting deeper than 64 levels");
  // Literal block text is not nesting, however it is indented.
  std::string literal = "a: |\n";
  for (int i = 1; i <= 100; ++i) literal += std::string(static_cast<size_t>(i), ' ') + "x\n";
  EXPECT_TRUE(YamlTree::Parse(literal, "t.yaml").ok());
}

// The hostile file of issue 14: 80 KB of nested flow sequences, refused at the 65th level
// before libyaml sees it (its time: hostile_inputs_benchmark.cc).
TEST(YamlTreeTest, DeepFlowFileIsRefused) {
  const std::string text = "a: " + std::string(40'000, '[') + std::string(40'000, ']') + "\n";
  EXPECT_EQ(DumpOf(text), "error t.yaml:1:67: nesting deeper than 64 levels");
}

// Brackets inside plain text are not nesting, however many lines hold one.
TEST(YamlTreeTest, BracketsInPlainTextAreNotNesting) {
  std::string text = "items:\n";
  for (int i = 0; i < 100; ++i) text += "  - name: Phase " + std::to_string(i) + " [draft\n";
  EXPECT_TRUE(YamlTree::Parse(text, "t.yaml").ok());
}

TEST(YamlTreeTest, FileSizeIsLimited) {
  const std::string text(limits::kMaxFileBytes + 1, '#');
  EXPECT_EQ(DumpOf(text), "error t.yaml:1:1: file is larger than 256 MiB (268435457 bytes)");
}

TEST(YamlTreeTest, ReadsDataFilesAndWrittenPrograms) {
  const fs::path root = SourceRoot();
  int read = 0;
  for (const char* dir : {"tests/data/valid", "examples"}) {
    if (!fs::exists(root / dir)) continue;
    for (const auto& e : fs::directory_iterator(root / dir)) {
      if (e.path().extension() != ".yaml") continue;
      SCOPED_TRACE(e.path().string());
      EXPECT_TRUE(YamlTree::Parse(ReadText(e.path()), "t.yaml").ok());
      ++read;
    }
  }
  EXPECT_GT(read, 3);
  for (uint64_t seed = 1; seed <= 10; ++seed) {
    testing::GenerateOptions o;
    o.seed = seed;
    o.tasks = 200;
    auto tree = YamlTree::Parse(WriteProgramFile(testing::GenerateProgram(o)), "t.yaml");
    ASSERT_TRUE(tree.ok()) << seed;
    EXPECT_EQ(tree->root().kind, YamlKind::kMap);
  }
}

// Random edits of valid files: the whole reader copes (no crash), and every problem has a
// place in the file.
TEST(YamlTreeTest, MutationsGivePlacedDiagnostics) {
  const fs::path root = SourceRoot();
  const std::string bases[] = {ReadText(root / "tests" / "data" / "valid" / "spec_example.yaml"),
                               ReadText(root / "tests" / "data" / "valid" / "canonical.yaml")};
  const std::string alphabet = " \n:-#'\"[]{},?&*!|>~a1.\\\t\xc3\xa9";
  // TPMKIT_MUTATIONS raises the count for a longer local run.
  const char* env = std::getenv("TPMKIT_MUTATIONS");
  const int count = env ? std::atoi(env) : 3000;
  std::mt19937_64 rng(env ? std::random_device{}() : 7);
  int read = 0;
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
    auto tree = YamlTree::Parse(text, "m.yaml");
    read += tree.ok();
    auto program = ReadProgramFile(text, "m.yaml");
    if (!program.ok()) {
      for (const auto& d : program.error().diagnostics) {
        EXPECT_GT(d.line, 0) << d.message << "\n" << text;
        EXPECT_GT(d.column, 0) << d.message << "\n" << text;
        EXPECT_LE(d.line, 1 + std::count(text.begin(), text.end(), '\n')) << d.message << "\n"
                                                                          << text;
      }
    }
    if (HasFailure()) break;
  }
  EXPECT_GT(read, count / 3);
}

}  // namespace
}  // namespace tpmkit::formats::internal
