#include "tpmkit/formats/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>

namespace tpmkit::formats::internal {

namespace {

// An istream over caller-owned memory, without copying it.
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

// Thrown from event callbacks for YAML we refuse (aliases, extra documents).
struct Refused {
  YAML::Mark mark;
  std::string message;
};

}  // namespace

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(YamlTree& tree) : tree_(tree) {}

  bool saw_document() const { return saw_document_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (saw_document_) {
      throw Refused{mark, "a program file holds a single YAML document"};
    }
    saw_document_ = true;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    Leaf(mark, YamlKind::kNull, true, {});
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{mark, "aliases are not supported in a program file"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    // yaml-cpp tags a plain scalar "?" and a quoted one "!".
    Leaf(mark, YamlKind::kScalar, tag == "?", value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    Open(mark, YamlKind::kSequence);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    Open(mark, YamlKind::kMap);
  }
  void OnMapEnd() override { Close(); }

 private:
  uint32_t NewNode(const YAML::Mark& mark, YamlKind kind, bool plain) {
    YamlNode n;
    n.kind = kind;
    n.plain = plain;
    n.line = mark.line + 1;
    n.column = mark.column + 1;
    auto id = static_cast<uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back(n);
    if (open_.empty()) {
      tree_.root_ = id;
    } else {
      pending_.push_back(id);
    }
    return id;
  }
  void Leaf(const YAML::Mark& mark, YamlKind kind, bool plain, const std::string& value) {
    uint32_t id = NewNode(mark, kind, plain);
    auto& n = tree_.nodes_[id];
    n.begin = static_cast<uint32_t>(tree_.text_.size());
    n.size = static_cast<uint32_t>(value.size());
    tree_.text_ += value;
  }
  void Open(const YAML::Mark& mark, YamlKind kind) {
    uint32_t id = NewNode(mark, kind, true);
    open_.push_back({id, pending_.size()});
  }
  void Close() {
    auto [id, start] = open_.back();
    open_.pop_back();
    auto& n = tree_.nodes_[id];
    n.begin = static_cast<uint32_t>(tree_.children_.size());
    size_t count = pending_.size() - start;
    n.size = static_cast<uint32_t>(n.kind == YamlKind::kMap ? count / 2 : count);
    tree_.children_.insert(tree_.children_.end(), pending_.begin() + static_cast<long>(start),
                           pending_.end());
    pending_.resize(start);
  }

  struct Open_ {
    uint32_t id;
    size_t start;
  };
  YamlTree& tree_;
  std::vector<Open_> open_;
  std::vector<uint32_t> pending_;  // children of the open containers, innermost last
  bool saw_document_ = false;
};

// Defined in yaml_fast.cc: fills `tree` and returns true, or returns false when `text`
// is outside the fast subset (then `tree` is garbage).
bool ParseFast(std::string_view text, YamlTree& tree);

Result<YamlTree> YamlTree::Parse(std::string_view text, const std::string& file_name,
                                 YamlParser parser) {
  if (parser != YamlParser::kYamlCpp) {
    YamlTree fast;
    if (ParseFast(text, fast)) return fast;
    if (parser == YamlParser::kFast) {
      return Error::Invalid("outside the fast YAML subset: " + file_name);
    }
  }
  YamlTree tree;
  // Rough sizes for a program file (one node per ~8 bytes) avoid regrowth.
  tree.nodes_.reserve(text.size() / 8 + 16);
  tree.children_.reserve(text.size() / 8 + 16);
  tree.text_.reserve(text.size() / 2 + 16);
  auto fail = [&](const YAML::Mark& mark, std::string message) {
    Diagnostic d{file_name, mark.is_null() ? 0 : mark.line + 1,
                 mark.is_null() ? 0 : mark.column + 1, std::move(message)};
    Error e = Error::Invalid("1 error in " + file_name);
    e.diagnostics.push_back(std::move(d));
    return e;
  };
  MemoryBuffer buffer(text);
  std::istream in(&buffer);
  TreeBuilder builder(tree);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Refused& r) {
    return fail(r.mark, r.message);
  } catch (const YAML::Exception& e) {
    return fail(e.mark, "YAML syntax error: " + e.msg);
  }
  if (!builder.saw_document()) {
    YamlNode n;
    n.line = 1;
    n.column = 1;
    tree.nodes_.push_back(n);
    tree.root_ = static_cast<uint32_t>(tree.nodes_.size() - 1);
  }
  return tree;
}

}  // namespace tpmkit::formats::internal
