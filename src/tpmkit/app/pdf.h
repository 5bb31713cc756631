// HTML to PDF through headless Chromium (Debian's `chromium` package), for `status
// --format pdf`. The page is ours (no script, no external asset), written to a private
// temporary folder that Chromium reads and prints; nothing is fetched.
#pragma once

#include <string>

#include "tpmkit/base/error.h"

namespace tpmkit::app {

struct PdfOptions {
  // The browser to run; empty: $TPMKIT_CHROMIUM, else `chromium`, then `chromium-browser`,
  // searched on PATH.
  std::string browser;
  int timeout_seconds = 120;
};

// The PDF's bytes. Errors: kUsage naming the missing package when no browser is found;
// kInternal when it fails or runs past the timeout (its output is not shown to the user).
Result<std::string> HtmlToPdf(const std::string& html, const PdfOptions& options = {});

}  // namespace tpmkit::app
