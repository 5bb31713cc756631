#include "tpmkit/report/prose.h"

#include <sstream>

namespace tpmkit::report {

std::string Wrap(const std::string& text, size_t width, const std::string& first,
                 const std::string& indent) {
  std::string out = first, word;
  size_t col = first.size();
  std::istringstream in(text);
  bool line_empty = true;
  while (in >> word) {
    if (!line_empty && col + 1 + word.size() > width) {
      out += "\n" + indent;
      col = indent.size();
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++col;
    }
    out += word;
    col += word.size();
    line_empty = false;
  }
  return out + "\n";
}

}  // namespace tpmkit::report
