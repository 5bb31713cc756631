// Excel workbooks (.xlsx, Office Open XML) of Tables, one worksheet per table, written
// with libxlsxwriter. The rules are in docs/formats/xlsx.md.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/base/clock.h"
#include "tpmkit/base/error.h"
#include "tpmkit/base/table.h"

namespace tpmkit::formats {

struct XlsxOptions {
  std::string title;         // the document's title property (the program's name)
  Clock::TimePoint created;  // the document's creation time (the same bytes for the same time)
};

// The workbook's bytes. Each table becomes a worksheet named after its title (cut to
// Excel's 31 characters, []:*?/\ replaced; a repeated name gets " (2)"...), with the
// column titles in a bold header row that stays frozen on scroll, an autofilter over the
// header and the data, column widths from the content, and cells typed by column kind:
// numbers as numbers (integer "0", number "0.00", money "#,##0", percent "0.0%"), dates
// as real Excel dates shown yyyy-mm-dd, text always as a string, never as a formula,
// whatever it begins with; text beyond Excel's 32,767 bytes per cell is cut at a
// character boundary. A cell's tone fills it green, amber or red (Excel's Good, Neutral
// and Bad colours). No author or other property is taken from the system.
// libxlsxwriter writes through a file: a private temporary file in the system's
// temporary folder, removed before this returns.
// Errors: kStorage when the temporary file cannot be written or read. A row with the
// wrong number of cells is a bug (CHECK).
Result<std::string> WriteXlsx(const std::vector<Table>& tables, const XlsxOptions& options);

// Excel's worksheet name for a title: at most 31 characters (not cutting a UTF-8
// sequence), the characters Excel forbids ([ ] : * ? / \) replaced by '_', a leading or
// trailing apostrophe dropped, "Sheet" when nothing is left.
std::string XlsxSheetName(const std::string& title);

}  // namespace tpmkit::formats
