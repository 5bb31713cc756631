#include <cstdio>
#include <cstdlib>

#include "tpmkit/base/check.h"
#include "tpmkit/base/diagnostic.h"

namespace tpmkit {

std::string FormatDiagnostic(const Diagnostic& d) {
  std::string out = d.file;
  if (d.line > 0) {
    out += ":" + std::to_string(d.line);
    if (d.column > 0) out += ":" + std::to_string(d.column);
  }
  if (!out.empty()) out += ": ";
  return out + d.message;
}

namespace internal {
void CheckFailed(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "internal error: CHECK(%s) failed at %s:%d\n", expr, file, line);
  std::abort();
}
}  // namespace internal

}  // namespace tpmkit
