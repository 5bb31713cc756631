#include <cstdio>
#include <cstdlib>

#include "tpmkit/base/check.h"
#include "tpmkit/base/diagnostic.h"
#include "tpmkit/base/text.h"

namespace tpmkit {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.column > 0) out += ":" + std::to_string(d.column);
  }
  if (!out.empty()) out += ": ";
  // File names and messages quote data: nothing in them may move the terminal's cursor,
  // change its colours or start a new line.
  return EscapeControls(out + d.message);
}

namespace internal {
void CheckFailed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "internal error: CHECK(%s) failed at %s:%d\n", expr, file, line);
  std::abort();
}
}  // namespace internal

}  // namespace tpmkit
