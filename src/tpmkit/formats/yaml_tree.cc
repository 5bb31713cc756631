#include "tpmkit/formats/yaml_tree.h"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tpmkit/base/check.h"
#include "tpmkit/base/limits.h"

namespace tpmkit::formats::internal {

namespace {

// libyaml's marks count characters; diagnostics count bytes. Converts a mark to a 1-based
// line and byte column of `text` (valid UTF-8 up to any mark libyaml hands out). A
// cursor moves through the text, so converting the marks of a document in order costs
// about one pass over it; all-ASCII texts need no conversion at all.
class MarkMapper {
 public:
  explicit MarkMapper(std::string_view text)
      : text_(text), ascii_(std::all_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) < 0x80;
        })) {}

  std::pair<int, int> operator()(const yaml_mark_t& mark) {
    // At the end of a text without a final line break, libyaml ends the last line itself
    // (its stream end is on the next line, column 0): a line the file does not have. The
    // end is reported where it is, just after the last character of the last line.
    if (mark.column == 0 && mark.line > 0 && !text_.empty() && text_.back() != '\n' &&
        text_.back() != '\r' && mark.index >= Characters()) {
      return AtOffset(text_.size());
    }
    int line = static_cast<int>(mark.line) + 1;
    if (ascii_) return {line, static_cast<int>(mark.column) + 1};
    // The start of the line is looked up once per line: marks on a long line of
    // flow items then cost no more than the text between them.
    size_t line_index = mark.index - mark.column;
    if (line_index != line_index_) {
      line_index_ = line_index;
      line_byte_ = ByteOf(line_index);
    }
    size_t at = ByteOf(mark.index);
    return {line, static_cast<int>(at - line_byte_) + 1};
  }

  // For reader errors, which come with a byte offset instead of a mark.
  std::pair<int, int> AtOffset(size_t offset) const {
    offset = std::min(offset, text_.size());
    int line = 1;
    size_t line_start = 0;
    for (size_t i = 0; i < offset; ++i) {
      if (text_[i] == '\n' ||
          (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
        ++line;
        line_start = i + 1;
      }
    }
    return {line, static_cast<int>(offset - line_start) + 1};
  }

 private:
  static bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xc0) == 0x80; }

  // The characters of the text (libyaml's unit), counted once when first needed.
  size_t Characters() {
    if (!characters_) {
      characters_ =
          ascii_ ? text_.size()
                 : static_cast<size_t>(std::count_if(text_.begin(), text_.end(),
                                                     [](char c) { return !IsContinuation(c); }));
    }
    return *characters_;
  }

  size_t ByteOf(size_t index) {
    while (index_ < index && byte_ < text_.size()) {
      ++byte_;
      while (byte_ < text_.size() && IsContinuation(text_[byte_])) ++byte_;
      ++index_;
    }
    while (index_ > index && byte_ > 0) {
      --byte_;
      while (byte_ > 0 && IsContinuation(text_[byte_])) --byte_;
      --index_;
    }
    return byte_;
  }

  std::string_view text_;
  bool ascii_;
  size_t index_ = 0;  // the cursor: a character index and its byte offset
  size_t byte_ = 0;
  size_t line_index_ = 0;  // the line of the last mark: its character index, byte offset
  size_t line_byte_ = 0;
  std::optional<size_t> characters_;
};

bool IsNullWord(std::string_view s) {
  return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct TooDeep {
  int line = 1;    // 1-based
  int column = 1;  // 1-based, in bytes
};

// Where the collections of `text` first nest deeper than limits::kMaxYamlDepth, found
// in one pass before libyaml (quadratic in flow nesting) sees the text. A rough
// tokenizer that errs towards counting too much: every '[' and '{' outside quoted
// scalars, comments and block scalars is a flow level; outside flow collections, each
// '-' indicator and the first content of a line open a block level at their column,
// closed by a later line indented no deeper. Linear in the text.
std::optional<TooDeep> FindTooDeep(std::string_view text) {
  const size_t n = text.size();
  std::vector<size_t> block;  // columns of the open block levels
  int flow = 0;
  char quote = 0;  // the open quote, 0 outside quoted scalars
  bool in_block_scalar = false;
  size_t block_scalar_parent = 0;  // the indentation of the line holding its '|' or '>'
  int line = 1;
  size_t i = 0;
  auto too_deep = [&](size_t at, size_t line_start) {
    return TooDeep{line, static_cast<int>(at - line_start) + 1};
  };
  auto is_break = [](char c) { return c == '\n' || c == '\r'; };
  auto is_blank_or_end = [&](size_t at) {
    return at >= n || text[at] == ' ' || text[at] == '\t' || is_break(text[at]);
  };
  // From a break (or the end) to the start of the next line; CR LF is one break.
  auto next_line = [&] {
    if (i >= n) return;
    if (text[i] == '\r' && i + 1 < n && text[i + 1] == '\n') ++i;
    ++i;
    ++line;
  };
  while (i < n) {
    const size_t line_start = i;
    size_t indent = 0;
    while (i < n && text[i] == ' ') ++i, ++indent;
    const bool empty = i == n || is_break(text[i]) || text[i] == '#';
    if (in_block_scalar && (empty || indent > block_scalar_parent)) {
      while (i < n && !is_break(text[i])) ++i;
      next_line();
      continue;
    }
    in_block_scalar = false;
    bool at_node = true;  // where a node (and so a quote or block scalar) may start
    if (quote == 0 && flow == 0 && !empty) {
      while (!block.empty() && block.back() >= indent) block.pop_back();
      // "- - x": each indicator opens a level, then the content opens one (a mapping,
      // or a scalar that a later line closes).
      for (;;) {
        if (i < n && (text[i] == '-' || text[i] == '?') && is_blank_or_end(i + 1)) {
          block.push_back(i - line_start);
          if (block.size() > static_cast<size_t>(limits::kMaxYamlDepth)) {
            return too_deep(i, line_start);
          }
          ++i;
          while (i < n && text[i] == ' ') ++i;
          continue;
        }
        break;
      }
      if (i < n && !is_break(text[i]) && text[i] != '#' && text[i] != '[' && text[i] != '{') {
        block.push_back(i - line_start);
        if (block.size() > static_cast<size_t>(limits::kMaxYamlDepth)) {
          return too_deep(i, line_start);
        }
      }
    }
    for (; i < n && !is_break(text[i]); ++i) {
      const char c = text[i];
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < n && text[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      if (quote == '"') {
        if (c == '\\' && i + 1 < n && !is_break(text[i + 1])) {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (c == ' ' || c == '\t') continue;
      if (c == '#' && (i == line_start || text[i - 1] == ' ' || text[i - 1] == '\t')) {
        while (i + 1 < n && !is_break(text[i + 1])) ++i;
        continue;
      }
      if (at_node && (c == '\'' || c == '"')) {
        quote = c;
        at_node = false;
        continue;
      }
      if (at_node && flow == 0 && (c == '|' || c == '>')) {
        in_block_scalar = true;
        block_scalar_parent = indent;
        while (i + 1 < n && !is_break(text[i + 1])) ++i;
        continue;
      }
      // A bracket opens a collection where a node starts, or anywhere inside a flow
      // collection (whose plain scalars cannot hold one); elsewhere it is text.
      if ((c == '[' || c == '{') && (at_node || flow > 0)) {
        ++flow;
        if (block.size() + static_cast<size_t>(flow) > static_cast<size_t>(limits::kMaxYamlDepth)) {
          return too_deep(i, line_start);
        }
        at_node = true;
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
        at_node = false;
      } else if (c == ',' || ((c == ':' || c == '-' || c == '?') && is_blank_or_end(i + 1))) {
        at_node = true;
      } else {
        at_node = false;
      }
    }
    next_line();
  }
  return std::nullopt;
}

struct Parser {
  Parser() { TPMKIT_CHECK(yaml_parser_initialize(&parser)); }
  ~Parser() { yaml_parser_delete(&parser); }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  yaml_parser_t parser;
};

struct Event {
  Event() { std::memset(&event, 0, sizeof(event)); }
  ~Event() { yaml_event_delete(&event); }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  yaml_event_t event;
};

}  // namespace

// Builds the tree from libyaml's events.
class TreeBuilder {
 public:
  TreeBuilder(YamlTree& tree, std::string_view text) : tree_(tree), marks_(text) {}

  // Returns the message and mark of YAML we refuse, or nothing.
  std::optional<std::pair<std::string, yaml_mark_t>> Add(const yaml_event_t& e) {
    switch (e.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (saw_document_) {
          return std::pair{std::string("a program file holds a single YAML document"),
                           e.start_mark};
        }
        saw_document_ = true;
        break;
      case YAML_ALIAS_EVENT:
        return std::pair{std::string("aliases are not supported in a program file"), e.start_mark};
      case YAML_SCALAR_EVENT: {
        const auto& s = e.data.scalar;
        std::string_view value(reinterpret_cast<const char*>(s.value), s.length);
        // Quoted, literal or tagged scalars are never null.
        bool plain = s.style == YAML_PLAIN_SCALAR_STYLE && s.tag == nullptr;
        if (plain && IsNullWord(value)) {
          // An empty value is marked right after its indicator (`key:`, `-`).
          NewNode(e.start_mark, YamlKind::kNull, true);
        } else {
          uint32_t id = NewNode(e.start_mark, YamlKind::kScalar, plain);
          auto& n = tree_.nodes_[id];
          n.begin = static_cast<uint32_t>(tree_.text_.size());
          n.size = static_cast<uint32_t>(value.size());
          tree_.text_ += value;
        }
        break;
      }
      case YAML_SEQUENCE_START_EVENT:
        Open(e.start_mark, YamlKind::kSequence);
        break;
      case YAML_MAPPING_START_EVENT:
        Open(e.start_mark, YamlKind::kMap);
        break;
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        Close();
        break;
      default:
        break;
    }
    return std::nullopt;
  }

  bool saw_document() const { return saw_document_; }
  MarkMapper& marks() { return marks_; }

 private:
  uint32_t NewNode(const yaml_mark_t& mark, YamlKind kind, bool plain) {
    YamlNode n;
    n.kind = kind;
    n.plain = plain;
    std::tie(n.line, n.column) = marks_(mark);
    auto id = static_cast<uint32_t>(tree_.nodes_.size());
    tree_.nodes_.push_back(n);
    if (open_.empty()) {
      tree_.root_ = id;
    } else {
      pending_.push_back(id);
    }
    return id;
  }
  void Open(const yaml_mark_t& mark, YamlKind kind) {
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

  struct OpenNode {
    uint32_t id;
    size_t start;
  };
  YamlTree& tree_;
  MarkMapper marks_;
  std::vector<OpenNode> open_;
  std::vector<uint32_t> pending_;  // children of the open containers, innermost last
  bool saw_document_ = false;
};

Result<YamlTree> YamlTree::Parse(std::string_view text, const std::string& file_name) {
  // Program files are UTF-8; a byte order mark is skipped and not counted in columns.
  if (text.starts_with("\xef\xbb\xbf")) text.remove_prefix(3);
  auto fail = [&](std::pair<int, int> at, std::string message) {
    Error e = Error::Invalid("1 error in " + file_name);
    e.diagnostics.push_back({file_name, at.first, at.second, std::move(message)});
    return e;
  };
  if (text.size() > limits::kMaxFileBytes) {
    return fail({1, 1}, fmt::format("file is larger than {} MiB ({} bytes)",
                                    limits::kMaxFileBytes >> 20, text.size()));
  }
  if (auto deep = FindTooDeep(text)) {
    return fail({deep->line, deep->column},
                fmt::format("nesting deeper than {} levels", limits::kMaxYamlDepth));
  }
  YamlTree tree;
  // Rough sizes for a program file (one node per ~8 bytes) avoid regrowth.
  tree.nodes_.reserve(text.size() / 8 + 16);
  tree.children_.reserve(text.size() / 8 + 16);
  tree.text_.reserve(text.size() / 2 + 16);
  TreeBuilder builder(tree, text);

  Parser p;
  yaml_parser_set_encoding(&p.parser, YAML_UTF8_ENCODING);
  yaml_parser_set_input_string(&p.parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  for (;;) {
    Event e;
    if (!yaml_parser_parse(&p.parser, &e.event)) {
      const yaml_parser_t& y = p.parser;
      const char* problem = y.problem ? y.problem : "unknown error";
      switch (y.error) {
        case YAML_MEMORY_ERROR:
          return Error::Invalid("out of memory reading " + file_name);
        case YAML_READER_ERROR:
          // Invalid UTF-8 or a control character, at a byte offset.
          return fail(builder.marks().AtOffset(y.problem_offset),
                      y.problem_value >= 0 ? fmt::format("YAML syntax error: {} (0x{:02x})",
                                                         problem, y.problem_value)
                                           : fmt::format("YAML syntax error: {}", problem));
        default: {
          // libyaml's own words, and where the construct it was reading started.
          std::string message = fmt::format("YAML syntax error: {}", problem);
          auto at = builder.marks()(y.problem_mark);
          if (y.context) {
            auto context_at = builder.marks()(y.context_mark);
            if (context_at != at) {
              message += fmt::format(" ({} started at {}:{})", y.context, context_at.first,
                                     context_at.second);
            }
          }
          return fail(at, std::move(message));
        }
      }
    }
    if (auto refused = builder.Add(e.event)) {
      return fail(builder.marks()(refused->second), std::move(refused->first));
    }
    if (e.event.type == YAML_STREAM_END_EVENT) break;
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
