// A light, read-only YAML tree with 1-based line/column marks. Built by a fast scanner
// for the YAML that program files use (block and flow collections, plain and quoted
// one-line scalars, comments), and by yaml-cpp's event API for everything else and for
// syntax errors: yaml-cpp's scanner is too slow for 100k-task files (~10 MB/s), and
// YAML::Load's Node graph slower still. Both give identical trees (yaml_tree_test).
// Private to formats/; no yaml-cpp type appears here.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::formats::internal {

enum class YamlKind : uint8_t { kNull, kScalar, kSequence, kMap };

struct YamlNode {
  YamlKind kind = YamlKind::kNull;
  bool plain = true;   // a scalar written without quotes and without a tag
  int line = 0;        // 1-based
  int column = 0;      // 1-based
  uint32_t begin = 0;  // scalar: offset of its text; sequence/map: first entry in children
  uint32_t size = 0;   // scalar: bytes; sequence: items; map: key/value pairs
};

enum class YamlParser {
  kAuto,     // the fast scanner; yaml-cpp when the text is outside its subset
  kFast,     // the fast scanner only: an Error when it declines (for tests)
  kYamlCpp,  // yaml-cpp only (for tests)
};

class YamlTree {
 public:
  // Parses the single YAML document of `text`. A syntax error (or a second document,
  // or an alias) is returned as one Diagnostic in an kInvalidInput Error. An empty
  // text gives a tree whose root is a null node at line 1, column 1. Linear time.
  static Result<YamlTree> Parse(std::string_view text, const std::string& file_name,
                                YamlParser parser = YamlParser::kAuto);

  const YamlNode& root() const { return nodes_[root_]; }
  std::string_view Text(const YamlNode& scalar) const {
    return std::string_view(text_).substr(scalar.begin, scalar.size);
  }
  const YamlNode& Item(const YamlNode& seq, size_t i) const {
    return nodes_[children_[seq.begin + i]];
  }
  const YamlNode& Key(const YamlNode& map, size_t i) const {
    return nodes_[children_[map.begin + 2 * i]];
  }
  const YamlNode& Value(const YamlNode& map, size_t i) const {
    return nodes_[children_[map.begin + 2 * i + 1]];
  }
  // Stable identity of a node (for marking nodes from outside).
  uint32_t IdOf(const YamlNode& node) const { return static_cast<uint32_t>(&node - nodes_.data()); }

 private:
  friend class TreeBuilder;
  friend class FastScanner;
  std::vector<YamlNode> nodes_;
  std::vector<uint32_t> children_;
  std::string text_;  // all scalar texts, back to back
  uint32_t root_ = 0;
};

}  // namespace tpmkit::formats::internal
