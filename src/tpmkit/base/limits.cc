#include "tpmkit/base/limits.h"

#include <fmt/format.h>

namespace tpmkit::limits {

namespace {

// One decoded sequence: the code point and its length, or length 0 when the bytes at
// `i` are not well-formed UTF-8 (RFC 3629: shortest form, no surrogates, <= U+10FFFF).
struct Decoded {
  char32_t cp = 0;
  size_t len = 0;
};

Decoded DecodeAt(std::string_view s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1};
  // Lead byte: the length, its payload bits and the smallest code point of that length.
  size_t len = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
  } else {
    return {};
  }
  static constexpr unsigned char kPayload[5] = {0, 0, 0x1F, 0x0F, 0x07};
  static constexpr char32_t kMin[5] = {0, 0, 0x80, 0x800, 0x10000};
  char32_t cp = b0 & kPayload[len];
  const char32_t min = kMin[len];
  if (i + len > s.size()) return {};
  for (size_t k = 1; k < len; ++k) {
    unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {};
  return {cp, len};
}

bool IsNonCharacter(char32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

}  // namespace

std::optional<TextProblem> CheckText(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    Decoded d = DecodeAt(text, i);
    if (d.len == 0) {
      return TextProblem{
          i, fmt::format("invalid UTF-8 byte 0x{:02X}", static_cast<unsigned char>(text[i]))};
    }
    if (IsNonCharacter(d.cp)) {
      return TextProblem{i, fmt::format("non-character U+{:04X}", static_cast<uint32_t>(d.cp))};
    }
    i += d.len;
  }
  return std::nullopt;
}

std::string ReplaceInvalidText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Decoded d = DecodeAt(text, i);
    if (d.len == 0 || IsNonCharacter(d.cp)) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      i += d.len == 0 ? 1 : d.len;
      continue;
    }
    out.append(text.substr(i, d.len));
    i += d.len;
  }
  return out;
}

}  // namespace tpmkit::limits
