#include "tpmkit/report/markdown_html.h"

#include <algorithm>
#include <sstream>
#include <string_view>
#include <vector>

#include "tpmkit/report/html.h"

namespace tpmkit::report {

namespace {

// **bold** and `code` inside one line, the rest escaped.
std::string Inline(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 2) == "**") {
      const size_t end = text.find("**", i + 2);
      if (end != std::string_view::npos && end > i + 2) {
        out += "<strong>" + Inline(text.substr(i + 2, end - i - 2)) + "</strong>";
        i = end + 2;
        continue;
      }
    } else if (text[i] == '`') {
      const size_t end = text.find('`', i + 1);
      if (end != std::string_view::npos && end > i + 1) {
        out += "<code>" + EscapeHtml(std::string(text.substr(i + 1, end - i - 1))) + "</code>";
        i = end + 1;
        continue;
      }
    }
    // Up to the next marker, escaped as one piece.
    size_t next = text.find_first_of("*`", i + 1);
    if (next == std::string_view::npos) next = text.size();
    out += EscapeHtml(std::string(text.substr(i, next - i)));
    i = next;
  }
  return out;
}

std::vector<std::string_view> Cells(std::string_view row) {
  if (row.starts_with('|')) row.remove_prefix(1);
  if (row.ends_with('|')) row.remove_suffix(1);
  std::vector<std::string_view> cells;
  size_t start = 0;
  for (size_t i = 0; i <= row.size(); ++i) {
    if (i == row.size() || row[i] == '|') {
      std::string_view cell = row.substr(start, i - start);
      while (cell.starts_with(' ')) cell.remove_prefix(1);
      while (cell.ends_with(' ')) cell.remove_suffix(1);
      cells.push_back(cell);
      start = i + 1;
    }
  }
  return cells;
}

bool IsRule(std::string_view line) {
  return line.starts_with('|') && std::all_of(line.begin(), line.end(), [](char c) {
           return c == '|' || c == '-' || c == ':' || c == ' ';
         });
}

}  // namespace

std::string MarkdownHtml(const std::string& markdown, int heading_shift) {
  std::vector<std::string_view> lines;
  std::string_view rest = markdown;
  while (!rest.empty()) {
    const size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
  }
  std::string out;
  size_t i = 0;
  while (i < lines.size()) {
    const std::string_view line = lines[i];
    if (line.empty()) {
      ++i;
    } else if (line.starts_with('#')) {
      const size_t level = line.find_first_not_of('#');
      if (level != std::string_view::npos && line[level] == ' ' && level <= 6) {
        const int h = std::min(6, static_cast<int>(level) + std::max(0, heading_shift));
        out += "<h" + std::to_string(h) + ">" + Inline(line.substr(level + 1)) + "</h" +
               std::to_string(h) + ">\n";
      } else {
        out += "<p>" + Inline(line) + "</p>\n";
      }
      ++i;
    } else if (line.starts_with("- ")) {
      out += "<ul>\n";
      for (; i < lines.size() && lines[i].starts_with("- "); ++i) {
        out += "<li>" + Inline(lines[i].substr(2)) + "</li>\n";
      }
      out += "</ul>\n";
    } else if (line.starts_with('|')) {
      out += "<table>\n";
      const bool header = i + 1 < lines.size() && IsRule(lines[i + 1]);
      for (; i < lines.size() && lines[i].starts_with('|'); ++i) {
        if (IsRule(lines[i])) continue;
        const bool head = header && out.ends_with("<table>\n");
        out += "<tr>";
        for (const auto& cell : Cells(lines[i])) {
          out += head ? "<th scope=\"col\">" + Inline(cell) + "</th>"
                      : "<td>" + Inline(cell) + "</td>";
        }
        out += "</tr>\n";
      }
      out += "</table>\n";
    } else {
      // A paragraph: the lines up to a blank line or another block.
      std::string text;
      for (; i < lines.size() && !lines[i].empty() && !lines[i].starts_with('#') &&
             !lines[i].starts_with("- ") && !lines[i].starts_with('|');
           ++i) {
        if (!text.empty()) text += ' ';
        text += lines[i];
      }
      out += "<p>" + Inline(text) + "</p>\n";
    }
  }
  return out;
}

}  // namespace tpmkit::report
