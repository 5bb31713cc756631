// Laying out sentences for plain text: word wrap with a first-line prefix.
#pragma once

#include <cstddef>
#include <string>

namespace tpmkit::report {

// Greedy word wrap at `width` columns; `first` starts the first line, `indent` the
// continuation lines. Ends with a newline.
std::string Wrap(const std::string& text, size_t width, const std::string& first = "",
                 const std::string& indent = "");

}  // namespace tpmkit::report
