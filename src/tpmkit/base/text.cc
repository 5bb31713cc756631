#include "tpmkit/base/text.h"

#include <cstddef>
#include <cstdint>

namespace tpmkit {

namespace {

// The length of the valid UTF-8 sequence starting at text[i] (1..4), or 0 when the bytes
// there are not valid UTF-8 (stray continuation, overlong form, surrogate, beyond U+10FFFF,
// truncated).
size_t Utf8Length(std::string_view text, size_t i) {
  const auto b = [&](size_t k) { return static_cast<uint8_t>(text[i + k]); };
  const uint8_t c = b(0);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint8_t lo = 0x80, hi = 0xbf;  // the allowed range of the second byte
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (b(1) < lo || b(1) > hi) return 0;
  for (size_t k = 2; k < n; ++k) {
    if ((b(k) & 0xc0) != 0x80) return 0;
  }
  return n;
}

// Whether the sequence of `n` bytes at text[i] is one a terminal acts on.
bool IsControl(std::string_view text, size_t i, size_t n, EscapeOptions options) {
  const auto c = static_cast<uint8_t>(text[i]);
  if (n == 1) return (c < 0x20 && !(options.keep_newlines && c == '\n')) || c == 0x7f;
  // C1 controls: U+0080..U+009F, encoded C2 80..C2 9F.
  return n == 2 && c == 0xc2 && static_cast<uint8_t>(text[i + 1]) <= 0x9f;
}

void AppendHex(std::string& out, uint8_t c) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out += "\\x";
  out += kDigits[c >> 4];
  out += kDigits[c & 0xf];
}

}  // namespace

bool HasControls(std::string_view text, EscapeOptions options) {
  for (size_t i = 0; i < text.size();) {
    const size_t n = Utf8Length(text, i);
    if (n == 0 || IsControl(text, i, n, options)) return true;
    i += n;
  }
  return false;
}

std::string EscapeControls(std::string_view text, EscapeOptions options) {
  if (!HasControls(text, options)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size();) {
    const size_t n = Utf8Length(text, i);
    if (n != 0 && !IsControl(text, i, n, options)) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    const size_t bad = n == 0 ? 1 : n;
    for (size_t k = 0; k < bad; ++k) {
      const auto c = static_cast<uint8_t>(text[i + k]);
      switch (c) {
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          AppendHex(out, c);
      }
    }
    i += bad;
  }
  return out;
}

std::optional<size_t> CodePointCount(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    const size_t n = Utf8Length(text, i);
    if (n == 0) return std::nullopt;
    i += n;
  }
  return count;
}

}  // namespace tpmkit
