// A neutral table of typed cells: what report/ builds from a register and what the
// spreadsheet and CSV writers in formats/ take, so that neither sees the other's types.
// Plain values; no domain types.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "tpmkit/base/date.h"

namespace tpmkit {

// What a column holds, which decides how a writer shows its numbers.
enum class ColumnKind {
  kText,
  kInteger,  // whole numbers
  kNumber,   // real numbers (days, ratios)
  kMoney,    // currency units (the currency belongs in the title)
  kPercent,  // a fraction: 0.25 is 25 %
  kDate,
};

// A colour a cell may carry (a heat map, a red/amber/green rating); kNone: plain.
enum class Tone { kNone, kGreen, kAmber, kRed };

// What a cell holds: nothing, text, a number (every numeric kind) or a date.
enum class CellType { kEmpty, kText, kNumber, kDate };

// One value with its tone. (Plain members rather than a std::variant: g++ 12 reports
// false -Wfree-nonheap-object errors on variants holding strings built in braces.)
struct TableCell {
  CellType type = CellType::kEmpty;
  std::string text;   // kText
  double number = 0;  // kNumber
  Date date;          // kDate
  Tone tone = Tone::kNone;
};

inline TableCell BlankCell() { return {}; }
inline TableCell TextCell(std::string text, Tone tone = Tone::kNone) {
  TableCell c;
  c.type = CellType::kText;
  c.text = std::move(text);
  c.tone = tone;
  return c;
}
inline TableCell NumberCell(double value, Tone tone = Tone::kNone) {
  TableCell c;
  c.type = CellType::kNumber;
  c.number = value;
  c.tone = tone;
  return c;
}
inline TableCell DateCell(Date value, Tone tone = Tone::kNone) {
  TableCell c;
  c.type = CellType::kDate;
  c.date = value;
  c.tone = tone;
  return c;
}

struct TableColumn {
  std::string title;
  ColumnKind kind = ColumnKind::kText;
};

struct Table {
  std::string name;   // a short lower-case name: "risks" (file names, --register)
  std::string title;  // what people see: "Risks" (a sheet's name)
  std::vector<TableColumn> columns;
  // Each row has exactly columns.size() cells; a number's cell is in a numeric column,
  // a date's in a date column (the writers check both).
  std::vector<std::vector<TableCell>> rows;
};

}  // namespace tpmkit
