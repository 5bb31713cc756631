// A light, read-only YAML tree with 1-based line/column marks (columns in bytes), built
// from libyaml's event API: libyaml parses a 100k-task file in a fraction of a second,
// where yaml-cpp's scanner (~10 MB/s) and its Node graph were too slow. Private to
// formats/; no libyaml type appears here.
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

class YamlTree {
 public:
  // Parses the single YAML document of `text`. A syntax error (or invalid UTF-8, a
  // second document, an alias) is returned as one Diagnostic in a kInvalidInput Error.
  // An empty text gives a tree whose root is a null node at line 1, column 1. Marks: a
  // block mapping at its first key, a block sequence at its first '-', a flow
  // collection at its bracket, a scalar at its first character (or quote, tag, anchor),
  // an empty value right after its indicator (`key:`, `-`). Plain `~`, `null`, `Null`,
  // `NULL` and empty values are null nodes. Linear time.
  static Result<YamlTree> Parse(std::string_view text, const std::string& file_name);

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
  std::vector<YamlNode> nodes_;
  std::vector<uint32_t> children_;
  std::string text_;  // all scalar texts, back to back
  uint32_t root_ = 0;
};

}  // namespace tpmkit::formats::internal
