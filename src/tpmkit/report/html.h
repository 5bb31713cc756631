// HTML text: the one escaper of the report pages (status, portfolio, the audit pack's
// index). SVG charts escape through report/svg/svg_writer.h.
#pragma once

#include <string>

namespace tpmkit::report {

// `text` with & < > " ' as character references, safe in element content and in quoted
// attribute values.
std::string EscapeHtml(const std::string& text);

}  // namespace tpmkit::report
