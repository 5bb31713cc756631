// Text from data made safe for a terminal: control characters shown as visible escapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tpmkit {

struct EscapeOptions {
  // Keep '\n' as is, for a text that is multi-line by design (a note printed as a block).
  bool keep_newlines = false;
};

// `text` with every byte a terminal could act on replaced by a visible escape: C0 controls
// as \n, \r, \t or \xNN (ESC is \x1b), DEL as \x7f, C1 controls (U+0080..U+009F) and bytes
// that are not part of valid UTF-8 as \xNN per byte. Everything else, backslashes and
// valid UTF-8 included, is unchanged, so ordinary text comes back byte-identical.
// Linear in the text; returns a copy even when nothing needed escaping.
std::string EscapeControls(std::string_view text, EscapeOptions options = {});

// The number of code points of `text`, or nullopt when it is not valid UTF-8 (stray
// continuation bytes, overlong forms, surrogates, beyond U+10FFFF, truncated).
std::optional<size_t> CodePointCount(std::string_view text);

// Whether EscapeControls would change `text`.
bool HasControls(std::string_view text, EscapeOptions options = {});

}  // namespace tpmkit
