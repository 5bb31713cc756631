// The fast scanner of yaml_tree.h: a subset of YAML 1.2 that covers program files as
// people and WriteProgramFile write them. Anything outside the subset (anchors, tags,
// block scalars, multi-line plain or quoted scalars, tabs, CR, directives, documents
// markers, complex keys, rare escapes, errors of any kind) makes it decline, and
// yaml-cpp parses the text instead, so that results never depend on which one ran.
// Marks follow yaml-cpp: a block mapping at its first key, a block sequence at its
// first '-', a flow collection at its bracket, a scalar at its first character (or
// quote), and an empty value at the next token (or the end of the text).
#include <cstdint>
#include <string_view>

#include "tpmkit/formats/yaml_tree.h"

namespace tpmkit::formats::internal {

namespace {

// Bytes the scanner does not handle, and invalid UTF-8, send the text to yaml-cpp.
bool PlainBytes(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n') || c == 0x7f) return false;
      ++i;
      continue;
    }
    size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc2 ? 2 : 0;
    if (len == 0 || c > 0xf4 || i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
    }
    // NEL, LS, PS and BOM: line breaks or marks to some YAML readers.
    if (c == 0xc2 && p[i + 1] == 0x85) return false;
    if (c == 0xe2 && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 || p[i + 2] == 0xa9)) return false;
    if (c == 0xef && p[i + 1] == 0xbb && p[i + 2] == 0xbf) return false;
    i += len;
  }
  return true;
}

bool IsNullWord(std::string_view s) {
  return s == "~" || s == "null" || s == "Null" || s == "NULL";
}

struct Decline {};

}  // namespace

class FastScanner {
 public:
  FastScanner(std::string_view s, YamlTree& tree) : s_(s), t_(tree) {}

  bool Run() {
    // yaml-cpp marks an empty value at the very end oddly when the last line has no
    // line break; such texts are rare, so they take the slow path.
    if (s_.empty() || s_.back() != '\n' || !PlainBytes(s_)) return false;
    t_.nodes_.reserve(s_.size() / 8 + 16);
    t_.children_.reserve(s_.size() / 8 + 16);
    t_.text_.reserve(s_.size() / 2 + 16);
    try {
      if (!NextContent()) return false;  // no document: yaml-cpp decides
      BlockNode(-1);
      if (pos_ < s_.size()) return false;
    } catch (const Decline&) {
      return false;
    }
    return true;
  }

 private:
  [[noreturn]] static void No() { throw Decline{}; }
  char Peek(size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }
  int Col() const { return static_cast<int>(pos_ - line_start_); }
  // A blank, a line break or the end follows position pos_+k.
  bool BlankAt(size_t k) const {
    char c = Peek(k);
    return c == ' ' || c == '\n' || c == '\0';
  }

  // Skips spaces, comments and line breaks; false at the end of the text. Callers are at
  // a line start or after a blank, so '#' always starts a comment here.
  bool NextContent() {
    const size_t n = s_.size();
    while (pos_ < n) {
      char c = s_[pos_];
      if (c == ' ') {
        ++pos_;
      } else if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
      } else if (c == '#') {
        while (pos_ < n && s_[pos_] != '\n') ++pos_;
      } else {
        if (pos_ == line_start_) {
          // Directives and document markers.
          if (c == '%') No();
          if ((c == '-' || c == '.') && Peek(1) == c && Peek(2) == c && BlankAt(3)) No();
        }
        return true;
      }
    }
    return false;
  }

  // The rest of the line must be blanks and an optional comment.
  void EndOfLine() {
    const size_t n = s_.size();
    while (pos_ < n && s_[pos_] == ' ') ++pos_;
    if (pos_ < n && s_[pos_] == '#') {
      if (pos_ == 0 || s_[pos_ - 1] != ' ') No();
      while (pos_ < n && s_[pos_] != '\n') ++pos_;
    }
    if (pos_ < n && s_[pos_] != '\n') No();
  }

  uint32_t NewNode(int line, int col, YamlKind kind, bool plain) {
    YamlNode n;
    n.kind = kind;
    n.plain = plain;
    n.line = line + 1;
    n.column = col + 1;
    auto id = static_cast<uint32_t>(t_.nodes_.size());
    t_.nodes_.push_back(n);
    if (depth_ == 0 && !root_set_) {
      t_.root_ = id;
      root_set_ = true;
    } else {
      pending_.push_back(id);
    }
    return id;
  }
  void Scalar(int line, int col, std::string_view text, bool plain) {
    if (plain && IsNullWord(text)) {
      NewNode(line, col, YamlKind::kNull, true);
      return;
    }
    uint32_t id = NewNode(line, col, YamlKind::kScalar, plain);
    auto& node = t_.nodes_[id];
    node.begin = static_cast<uint32_t>(t_.text_.size());
    node.size = static_cast<uint32_t>(text.size());
    t_.text_ += text;
  }
  void QuotedScalar(int line, int col, const std::string& text) {
    uint32_t id = NewNode(line, col, YamlKind::kScalar, false);
    auto& node = t_.nodes_[id];
    node.begin = static_cast<uint32_t>(t_.text_.size());
    node.size = static_cast<uint32_t>(text.size());
    t_.text_ += text;
  }
  // An empty value: yaml-cpp marks it at the next token.
  void EmptyValue() { NewNode(line_, Col(), YamlKind::kNull, true); }
  size_t Open(YamlKind kind, int line, int col) {
    open_ids_.push_back(NewNode(line, col, kind, true));
    if (++depth_ > 64) No();
    return pending_.size();
  }
  void Close(size_t start) {
    uint32_t id = open_ids_.back();
    open_ids_.pop_back();
    --depth_;
    auto& n = t_.nodes_[id];
    n.begin = static_cast<uint32_t>(t_.children_.size());
    size_t count = pending_.size() - start;
    n.size = static_cast<uint32_t>(n.kind == YamlKind::kMap ? count / 2 : count);
    t_.children_.insert(t_.children_.end(), pending_.begin() + static_cast<long>(start),
                        pending_.end());
    pending_.resize(start);
  }

  // A node in block context at the current content position.
  void BlockNode(int parent_indent) {
    (void)parent_indent;
    if (Peek() == '-' && BlankAt(1)) return BlockSequence(Col());
    if (KeyAhead()) return BlockMapping(Col());
    InlineValue();
    EndOfLine();
    NextContent();
  }

  // Whether the current line holds "key:" (a one-line plain or quoted key).
  bool KeyAhead() const {
    size_t i = pos_;
    const size_t n = s_.size();
    char c = s_[i];
    if (c == '"' || c == '\'') {
      ++i;
      while (i < n && s_[i] != '\n') {
        if (c == '"' && s_[i] == '\\') {
          i += 2;
          continue;
        }
        if (s_[i] == c) {
          if (c == '\'' && i + 1 < n && s_[i + 1] == '\'') {
            i += 2;
            continue;
          }
          break;
        }
        ++i;
      }
      if (i >= n || s_[i] != c) return false;
      ++i;
      while (i < n && s_[i] == ' ') ++i;
      return i < n && s_[i] == ':' && (i + 1 == n || s_[i + 1] == ' ' || s_[i + 1] == '\n');
    }
    if (c == '[' || c == '{') return false;
    for (; i < n && s_[i] != '\n'; ++i) {
      if (s_[i] == '#' && i > pos_ && s_[i - 1] == ' ') return false;
      if (s_[i] == ':' && (i + 1 == n || s_[i + 1] == ' ' || s_[i + 1] == '\n')) return true;
    }
    return false;
  }

  // Reads "key:" and leaves pos_ after the ':'.
  void Key() {
    const int line = line_, col = Col();
    char c = Peek();
    if (c == '"' || c == '\'') {
      QuotedScalar(line, col, c == '"' ? DoubleQuoted() : SingleQuoted());
      while (Peek() == ' ') ++pos_;
    } else {
      CheckPlainStart(/*flow=*/false);
      size_t start = pos_;
      while (!(s_[pos_] == ':' && BlankAt(1))) ++pos_;
      size_t end = pos_;
      while (end > start && s_[end - 1] == ' ') --end;
      std::string_view key = s_.substr(start, end - start);
      if (key.size() > 1000 || IsNullWord(key)) No();
      Scalar(line, col, key, true);
    }
    if (Peek() != ':') No();
    ++pos_;
  }

  void BlockMapping(int indent) {
    const size_t start = Open(YamlKind::kMap, line_, indent);
    while (true) {
      Key();
      while (Peek() == ' ') ++pos_;
      if (Peek() == '#' || Peek() == '\n' || Peek() == '\0') {
        EndOfLine();
        if (!NextContent()) {
          EmptyValue();
          break;
        }
        int c = Col();
        if (c > indent) {
          BlockNode(indent);
        } else if (c == indent && Peek() == '-' && BlankAt(1)) {
          BlockSequence(indent);
        } else {
          EmptyValue();
        }
      } else {
        InlineValue();
        EndOfLine();
        NextContent();
      }
      if (pos_ >= s_.size()) break;
      int c = Col();
      if (c < indent) break;
      if (c > indent) No();
      if (Peek() == '-' && BlankAt(1)) No();
      if (!KeyAhead()) No();
    }
    Close(start);
  }

  void BlockSequence(int indent) {
    const size_t start = Open(YamlKind::kSequence, line_, indent);
    while (true) {
      ++pos_;  // the '-'
      while (Peek() == ' ') ++pos_;
      if (Peek() == '#' || Peek() == '\n' || Peek() == '\0') {
        EndOfLine();
        if (!NextContent()) {
          EmptyValue();
          break;
        }
        if (Col() > indent) {
          BlockNode(indent);
        } else {
          EmptyValue();
        }
      } else if (Peek() == '-' && BlankAt(1)) {
        No();  // "- - x": a compact nested sequence
      } else if (KeyAhead()) {
        BlockMapping(Col());
      } else {
        InlineValue();
        EndOfLine();
        NextContent();
      }
      if (pos_ >= s_.size()) break;
      int c = Col();
      if (c > indent) No();
      if (c < indent || !(Peek() == '-' && BlankAt(1))) break;
    }
    Close(start);
  }

  void CheckPlainStart(bool flow) const {
    char c = Peek();
    switch (c) {
      case '&':
      case '*':
      case '!':
      case '|':
      case '>':
      case '%':
      case '@':
      case '`':
      case ',':
      case ']':
      case '}':
      case '#':
      case '\0':
      case '\n':
      case ' ':
      case '[':
      case '{':
      case '"':
      case '\'':
        No();
      case '?':
        No();
      case '-':
      case ':':
        if (BlankAt(1)) No();
        if (flow) {
          char d = Peek(1);
          if (c == ':' || d == ',' || d == '[' || d == ']' || d == '{' || d == '}') No();
        }
        break;
      default:
        break;
    }
  }

  // A value on the current line in block context: flow collection, quoted or plain.
  void InlineValue() {
    const int line = line_, col = Col();
    char c = Peek();
    if (c == '[' || c == '{') return Flow();
    if (c == '"') return QuotedScalar(line, col, DoubleQuoted());
    if (c == '\'') return QuotedScalar(line, col, SingleQuoted());
    CheckPlainStart(/*flow=*/false);
    const size_t n = s_.size();
    size_t start = pos_;
    while (pos_ < n && s_[pos_] != '\n') {
      char ch = s_[pos_];
      if (ch == '#' && s_[pos_ - 1] == ' ') break;
      // ": " inside a value would be a nested mapping (an error); let yaml-cpp say so.
      if (ch == ':' && BlankAt(1)) No();
      ++pos_;
    }
    size_t end = pos_;
    while (end > start && s_[end - 1] == ' ') --end;
    Scalar(line, col, s_.substr(start, end - start), true);
  }

  // Blanks, line breaks and comments inside a flow collection. Continuation lines must
  // be indented (yaml-cpp's rule differs in corner cases: decline them).
  void FlowSpace() {
    const size_t n = s_.size();
    while (pos_ < n) {
      char c = s_[pos_];
      if (c == ' ') {
        ++pos_;
      } else if (c == '\n') {
        ++pos_;
        ++line_;
        line_start_ = pos_;
        size_t p = pos_;
        while (p < n && s_[p] == ' ') ++p;
        if (p == pos_ && p < n && s_[p] != '\n') No();
      } else if (c == '#' && (pos_ == line_start_ || s_[pos_ - 1] == ' ')) {
        while (pos_ < n && s_[pos_] != '\n') ++pos_;
      } else {
        return;
      }
    }
  }

  void Flow() {
    const char close = Peek() == '[' ? ']' : '}';
    const bool map = close == '}';
    const size_t start = Open(map ? YamlKind::kMap : YamlKind::kSequence, line_, Col());
    ++pos_;
    FlowSpace();
    if (Peek() == close) {
      ++pos_;
      Close(start);
      return;
    }
    while (true) {
      if (map) {
        FlowScalarOrCollection(/*key=*/true);
        FlowSpace();
        if (Peek() != ':') No();
        ++pos_;
        if (!BlankAt(0)) No();
        FlowSpace();
        if (Peek() == ',' || Peek() == '}') No();  // empty value
        FlowScalarOrCollection(/*key=*/false);
      } else {
        FlowScalarOrCollection(/*key=*/false);
      }
      FlowSpace();
      if (Peek() == ',') {
        ++pos_;
        FlowSpace();
        if (Peek() == close) No();  // trailing comma
        continue;
      }
      if (Peek() != close) No();
      ++pos_;
      break;
    }
    Close(start);
  }

  void FlowScalarOrCollection(bool key) {
    const int line = line_, col = Col();
    char c = Peek();
    if (c == '[' || c == '{') {
      if (key) No();
      return Flow();
    }
    if (c == '"') return QuotedScalar(line, col, DoubleQuoted());
    if (c == '\'') return QuotedScalar(line, col, SingleQuoted());
    CheckPlainStart(/*flow=*/true);
    const size_t n = s_.size();
    size_t start = pos_;
    while (pos_ < n) {
      char ch = s_[pos_];
      if (ch == '\n' || ch == ',' || ch == ']' || ch == '}') break;
      // yaml-cpp ends a flow scalar at '?' too; and ":[" / ":{" are ambiguous.
      if (ch == '[' || ch == '{' || ch == '?') No();
      if (ch == ':') {
        char d = Peek(1);
        if (d == '[' || d == '{') No();
        if (d == ' ' || d == '\n' || d == '\0' || d == ',' || d == ']' || d == '}') break;
      }
      if (ch == '#' && s_[pos_ - 1] == ' ') break;
      ++pos_;
    }
    size_t end = pos_;
    while (end > start && s_[end - 1] == ' ') --end;
    std::string_view text = s_.substr(start, end - start);
    if (key && IsNullWord(text)) No();
    Scalar(line, col, text, true);
  }

  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  std::string DoubleQuoted() {
    std::string out;
    ++pos_;
    const size_t n = s_.size();
    while (true) {
      if (pos_ >= n || s_[pos_] == '\n') No();
      char c = s_[pos_++];
      if (c == '"') break;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= n) No();
      char e = s_[pos_++];
      switch (e) {
        case '\\':
          out += '\\';
          break;
        case '"':
          out += '"';
          break;
        case '/':
          out += '/';
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case '0':
          out += '\0';
          break;
        case 'x': {
          int hi = Hex(Peek()), lo = Hex(Peek(1));
          if (hi < 0 || lo < 0 || hi > 7) No();  // beyond ASCII: yaml-cpp encodes UTF-8
          out += static_cast<char>(hi * 16 + lo);
          pos_ += 2;
          break;
        }
        default:
          No();
      }
    }
    return out;
  }

  std::string SingleQuoted() {
    std::string out;
    ++pos_;
    const size_t n = s_.size();
    while (true) {
      if (pos_ >= n || s_[pos_] == '\n') No();
      char c = s_[pos_++];
      if (c == '\'') {
        if (Peek() == '\'') {
          out += '\'';
          ++pos_;
          continue;
        }
        break;
      }
      out += c;
    }
    return out;
  }

  std::string_view s_;
  YamlTree& t_;
  size_t pos_ = 0;
  int line_ = 0;
  size_t line_start_ = 0;
  int depth_ = 0;
  bool root_set_ = false;
  std::vector<uint32_t> open_ids_;
  std::vector<uint32_t> pending_;
};

bool ParseFast(std::string_view text, YamlTree& tree) { return FastScanner(text, tree).Run(); }

}  // namespace tpmkit::formats::internal
