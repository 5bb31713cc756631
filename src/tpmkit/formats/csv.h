// CSV (RFC 4180) of a Table: one header row of column titles, then one record per row.
// The rules are in docs/formats/csv.md.
#pragma once

#include <string>
#include <string_view>

#include "tpmkit/base/table.h"

namespace tpmkit::formats {

// The table as CSV text, UTF-8 without a byte order mark, every record (the last too)
// ended by CRLF. A field is quoted when it holds a comma, a double quote, CR or LF, or
// begins or ends with a space; quotes inside are doubled. Numbers are written with at
// most four decimals and no thousands separator (money with two, percentages as
// fractions: 0.25), dates as YYYY-MM-DD, empty cells as nothing.
// Text that a spreadsheet would run as a formula (CsvTextField) is defused.
// Linear in the size of the table. A row with the wrong number of cells is a bug (CHECK).
std::string WriteCsv(const Table& table);

// One text cell as a CSV field, quoted when needed. A text beginning with '=', '+', '-',
// '@', TAB or CR is written with a single quote in front ("=1+1" -> "'=1+1"), as OWASP's
// advice on CSV injection has it, so that a spreadsheet opening the file shows the text
// instead of running it; the quote is visible in a plain reader, which is the price.
std::string CsvTextField(std::string_view text);

}  // namespace tpmkit::formats
