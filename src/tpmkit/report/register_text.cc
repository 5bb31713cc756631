#include "tpmkit/report/register_text.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/base/text.h"

namespace tpmkit::report::register_text {

std::string Paint(std::string_view text, std::string_view sgr, const RegisterTextOptions& o) {
  if (!o.color || sgr.empty()) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", sgr, text);
}

size_t Width(std::string_view text) {
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  }
  return n;
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out(text);
  const size_t w = Width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string PadLeft(std::string_view text, size_t width) {
  const size_t w = Width(text);
  std::string out = w < width ? std::string(width - w, ' ') : std::string();
  out += text;
  return out;
}

std::string Fit(std::string_view text, size_t width) {
  if (Width(text) <= width) return std::string(text);
  std::string out;
  size_t n = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++n > width - 1) break;
    out += c;
  }
  return out + "~";
}

std::string Render(const Table& table, const RegisterTextOptions& o) {
  const size_t cols = table.header.size();
  std::vector<size_t> widths(cols, 0);
  for (size_t c = 0; c < cols; ++c) widths[c] = Width(table.header[c]);
  for (const auto& row : table.rows) {
    for (size_t c = 0; c < cols && c < row.size(); ++c) {
      widths[c] = std::max(widths[c], Width(EscapeControls(row[c].text)));
    }
  }
  auto right = [&](size_t c) { return c < table.right_aligned.size() && table.right_aligned[c]; };
  auto line = [&](const std::vector<Cell>& cells, bool header) {
    std::string out;
    for (size_t c = 0; c < cols; ++c) {
      // Cells quote data (names, titles, notes): escaped, so a row stays one line.
      const std::string text = c < cells.size() ? EscapeControls(cells[c].text) : "";
      const bool last = c + 1 == cols;
      std::string padded = right(c) ? PadLeft(text, widths[c])
                           : last   ? text
                                    : PadRight(text, widths[c]);
      if (!header && c < cells.size() && !cells[c].sgr.empty() && o.color) {
        // Colour only the text, so that padding keeps the columns aligned.
        const size_t pad = padded.size() - text.size();
        padded = right(c) ? std::string(pad, ' ') + Paint(text, cells[c].sgr, o)
                          : Paint(text, cells[c].sgr, o) + std::string(pad, ' ');
      }
      if (c > 0) out += "  ";
      out += padded;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<Cell> head;
  for (const auto& h : table.header) head.push_back({h, {}});
  std::string out = line(head, true);
  for (const auto& row : table.rows) out += line(row, false);
  return out;
}

std::string OrDash(std::string_view text) { return text.empty() ? "-" : std::string(text); }

}  // namespace tpmkit::report::register_text
