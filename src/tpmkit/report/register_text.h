// Shared pieces of the text reports (registers, schedule, forecast): the options the
// register reports take, UTF-8 aware padding and cutting, and an aligned plain-text table
// with optional ANSI colour.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tpmkit::report {

struct RegisterTextOptions {
  bool color = false;  // ANSI colour escapes; the CLI turns it on for a terminal only
};

namespace register_text {

// ANSI SGR codes used by the reports.
inline constexpr std::string_view kRed = "31";
inline constexpr std::string_view kYellow = "33";
inline constexpr std::string_view kGreen = "32";
inline constexpr std::string_view kBold = "1";

// `text` wrapped in the SGR code when colour is on (and the code is not empty).
std::string Paint(std::string_view text, std::string_view sgr, const RegisterTextOptions& o);

// Display width: the number of UTF-8 code points.
size_t Width(std::string_view text);
// `text` padded with spaces to `width` on the right (left-aligned) or the left.
std::string PadRight(std::string_view text, size_t width);
std::string PadLeft(std::string_view text, size_t width);
// At most `width` code points, with "~" marking a cut.
std::string Fit(std::string_view text, size_t width);

struct Cell {
  std::string text;
  std::string_view sgr;  // colour of the cell's text when colour is on
};

struct Table {
  std::vector<std::string> header;
  std::vector<bool> right_aligned;  // per column; missing entries are left-aligned
  std::vector<std::vector<Cell>> rows;
};

// The table as lines: the header, then the rows; columns separated by two spaces and
// padded to the widest cell; no trailing spaces. Each line ends with '\n'.
std::string Render(const Table& table, const RegisterTextOptions& o);

// "-" for an empty text.
std::string OrDash(std::string_view text);

}  // namespace register_text
}  // namespace tpmkit::report
