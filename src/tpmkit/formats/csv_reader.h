// Reading CSV (RFC 4180) one record at a time, with the line and column of every field,
// for the importers of spreadsheet-shaped exports (Jira). Writing is formats/csv.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/base/error.h"

namespace tpmkit::formats {

// One field of a record. `value` is unquoted (a doubled quote inside a quoted field is one
// quote) and stays valid until the next call to CsvReader::Next.
struct CsvField {
  std::string_view value;
  int line = 0;    // 1-based, where the field begins
  int column = 0;  // 1-based, in characters (UTF-8 sequences count one)
};

// Fields are separated by commas and records by LF, CRLF or a lone CR; a field in double
// quotes may hold commas, doubled quotes and line breaks (kept as written and counted, so
// the line numbers of later records stay right). A UTF-8 byte order mark at the start is
// skipped; blank lines between records are skipped. A quote inside an unquoted field is
// taken literally, as spreadsheets do.
class CsvReader {
 public:
  // `text` must outlive the reader; `file_name` names it in errors.
  CsvReader(std::string_view text, std::string file_name);

  // Reads the next record into `fields` (replacing what it held). Returns false at the end
  // of the input. Errors (kInvalidInput, "FILE:LINE:COLUMN: message", also as a
  // Diagnostic): a quoted field that is never closed (located at its opening quote);
  // anything but a comma or a line break after a closing quote. Linear in the record.
  Result<bool> Next(std::vector<CsvField>& fields);

  // The line on which the next record begins.
  int line() const { return line_; }

 private:
  // A field of the record being read: either a slice of the text or, when it held
  // doubled quotes, a slice of `scratch_` (views are made once the record is complete,
  // because `scratch_` may move while it grows).
  struct Span {
    bool scratch = false;
    size_t begin = 0;
    size_t size = 0;
    int line = 0;
    int column = 0;
  };
  Error ErrorAt(int line, int column, const std::string& message) const;
  // Moves past one byte, keeping the line and column.
  void Advance();

  std::string_view text_;
  std::string file_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  std::string scratch_;
  std::vector<Span> spans_;
};

}  // namespace tpmkit::formats
