// A problem found in some input, located in a file (line and column are 1-based;
// 0 means unknown). Printed as FILE:LINE:COLUMN: message.
#pragma once

#include <string>

namespace tpmkit {

struct Diagnostic {
  std::string file;
  int line = 0;
  int column = 0;
  std::string message;

  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

// "FILE:LINE:COLUMN: message" (the parts that are known), on one line: control characters
// in the file name or the message (which may quote data) are shown escaped (EscapeControls).
std::string FormatDiagnostic(const Diagnostic& d);

}  // namespace tpmkit
