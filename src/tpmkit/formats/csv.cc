#include "tpmkit/formats/csv.h"

#include <fmt/format.h>

#include <cmath>

#include "tpmkit/base/check.h"

namespace tpmkit::formats {

namespace {

bool NeedsQuotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

std::string Quoted(std::string_view field) {
  if (!NeedsQuotes(field)) return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

// A number as a reader expects it: no exponent, no separator, no trailing zeros beyond
// what the kind needs. Rounding first drops the binary noise of computed values
// (0.35 * 55000 = 19250.000000000004).
std::string NumberField(double value, ColumnKind kind) {
  if (!std::isfinite(value)) return "";
  switch (kind) {
    case ColumnKind::kMoney:
      return fmt::format("{:.2f}", value);
    case ColumnKind::kInteger:
      return fmt::format("{:.0f}", value);
    default:
      break;
  }
  double rounded = std::round(value * 1e4) / 1e4;
  if (rounded == 0) rounded = 0;  // no "-0"
  std::string text = fmt::format("{:.4f}", rounded);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

}  // namespace

std::string CsvTextField(std::string_view text) {
  if (!text.empty() && (text.front() == '=' || text.front() == '+' || text.front() == '-' ||
                        text.front() == '@' || text.front() == '\t' || text.front() == '\r')) {
    return Quoted("'" + std::string(text));
  }
  return Quoted(text);
}

std::string WriteCsv(const Table& table) {
  std::string out;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    if (c > 0) out += ',';
    out += CsvTextField(table.columns[c].title);
  }
  out += "\r\n";
  for (const auto& row : table.rows) {
    TPMKIT_CHECK(row.size() == table.columns.size());
    for (size_t c = 0; c < row.size(); ++c) {
      if (c > 0) out += ',';
      const ColumnKind kind = table.columns[c].kind;
      const TableCell& cell = row[c];
      switch (cell.type) {
        case CellType::kText:
          out += CsvTextField(cell.text);
          break;
        case CellType::kNumber:
          TPMKIT_CHECK(kind != ColumnKind::kText && kind != ColumnKind::kDate);
          out += NumberField(cell.number, kind);
          break;
        case CellType::kDate:
          TPMKIT_CHECK(kind == ColumnKind::kDate);
          out += cell.date.ToString();
          break;
        case CellType::kEmpty:
          break;
      }
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace tpmkit::formats
