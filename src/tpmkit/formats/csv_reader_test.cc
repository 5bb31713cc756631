#include "tpmkit/formats/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace tpmkit::formats {
namespace {

// A field as "value@line:column", so that one comparison checks all three.
using Record = std::vector<std::string>;

std::vector<Record> ReadAll(std::string_view text) {
  CsvReader reader(text, "t.csv");
  std::vector<Record> out;
  std::vector<CsvField> fields;
  for (;;) {
    auto more = reader.Next(fields);
    EXPECT_TRUE(more.ok()) << (more.ok() ? "" : more.error().message);
    if (!more.ok() || !*more) break;
    Record r;
    for (const auto& f : fields) {
      r.push_back(std::string(f.value) + "@" + std::to_string(f.line) + ":" +
                  std::to_string(f.column));
    }
    out.push_back(std::move(r));
  }
  return out;
}

Error FirstError(std::string_view text) {
  CsvReader reader(text, "t.csv");
  std::vector<CsvField> fields;
  for (;;) {
    auto more = reader.Next(fields);
    if (!more.ok()) return more.error();
    if (!*more) break;
  }
  ADD_FAILURE() << "no error in: " << text;
  return Error{};
}

TEST(CsvReaderTest, PlainFieldsAndRecords) {
  EXPECT_EQ(ReadAll("a,b,c\n1,,3\n"),
            (std::vector<Record>{{"a@1:1", "b@1:3", "c@1:5"}, {"1@2:1", "@2:3", "3@2:4"}}));
}

TEST(CsvReaderTest, LastRecordWithoutLineBreakAndTrailingEmptyField) {
  EXPECT_EQ(ReadAll("a,\nb"), (std::vector<Record>{{"a@1:1", "@1:3"}, {"b@2:1"}}));
}

TEST(CsvReaderTest, QuotedFieldsHoldCommasDoubledQuotesAndLineBreaks) {
  const auto records = ReadAll("k,v\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,1\n");
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[1], (Record{"x, y@2:1", "say \"hi\"@2:8"}));
  EXPECT_EQ(records[2], (Record{"two\nlines@3:1", "z@4:8"}));
  // The record after one that spans two lines starts on the right line.
  EXPECT_EQ(records[3], (Record{"last@5:1", "1@5:6"}));
}

TEST(CsvReaderTest, EmptyQuotedFieldAndQuoteOnlyField) {
  EXPECT_EQ(ReadAll("\"\",\"\"\"\"\n"), (std::vector<Record>{{"@1:1", "\"@1:4"}}));
}

TEST(CsvReaderTest, ByteOrderMarkIsSkippedAndColumnsCountCharacters) {
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFResumen,Estimaci\xC3\xB3n original,X\n"),
            (std::vector<Record>{{"Resumen@1:1", "Estimaci\xC3\xB3n original@1:9", "X@1:29"}}));
}

TEST(CsvReaderTest, CrLfAndLoneCrEndRecords) {
  EXPECT_EQ(ReadAll("a,b\r\nc,d\re\r\n"),
            (std::vector<Record>{{"a@1:1", "b@1:3"}, {"c@2:1", "d@2:3"}, {"e@3:1"}}));
  // CRLF inside quotes is kept as written, and counts one line.
  EXPECT_EQ(ReadAll("\"x\r\ny\",z\r\nw\r\n"),
            (std::vector<Record>{{"x\r\ny@1:1", "z@2:4"}, {"w@3:1"}}));
}

TEST(CsvReaderTest, BlankLinesAreSkipped) {
  EXPECT_EQ(ReadAll("\n\na\n\r\n\nb\n"), (std::vector<Record>{{"a@3:1"}, {"b@6:1"}}));
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_TRUE(ReadAll("\xEF\xBB\xBF").empty());
}

TEST(CsvReaderTest, RepeatedColumnsAreKeptInOrder) {
  EXPECT_EQ(ReadAll("Sprint,Sprint,Sprint\nS1,,S3\n")[1], (Record{"S1@2:1", "@2:4", "S3@2:5"}));
}

TEST(CsvReaderTest, AQuoteInsideAnUnquotedFieldIsLiteral) {
  EXPECT_EQ(ReadAll("5\" disk,x\n"), (std::vector<Record>{{"5\" disk@1:1", "x@1:9"}}));
}

TEST(CsvReaderTest, UnterminatedQuoteIsLocatedAtItsOpeningQuote) {
  Error e = FirstError("a,b\nc,\"never\nclosed,\n");
  EXPECT_EQ(e.code, ErrorCode::kInvalidInput);
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_EQ(e.diagnostics[0].line, 2);
  EXPECT_EQ(e.diagnostics[0].column, 3);
  EXPECT_EQ(e.message,
            "t.csv:2:3: this quoted field is never closed (a quote inside a field is written "
            "twice)");
}

TEST(CsvReaderTest, TextAfterAClosingQuoteIsAnError) {
  Error e = FirstError("a\n\"multi\nline\"x,y\n");
  ASSERT_EQ(e.diagnostics.size(), 1u);
  EXPECT_EQ(e.diagnostics[0].line, 3);
  EXPECT_EQ(e.diagnostics[0].column, 6);
  EXPECT_NE(e.message.find("a closing quote must be followed by a comma"), std::string::npos);
}

TEST(CsvReaderTest, LineReportsWhereTheNextRecordBegins) {
  CsvReader reader("a\n\"b\nc\"\nd\n", "t.csv");
  std::vector<CsvField> fields;
  EXPECT_EQ(reader.line(), 1);
  ASSERT_TRUE(*reader.Next(fields));
  EXPECT_EQ(reader.line(), 2);
  ASSERT_TRUE(*reader.Next(fields));
  EXPECT_EQ(reader.line(), 4);
  ASSERT_TRUE(*reader.Next(fields));
  EXPECT_EQ(fields[0].value, "d");
  EXPECT_FALSE(*reader.Next(fields));
}

TEST(CsvReaderTest, ManyLongRecordsReadInOnePass) {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "\"key, " + std::to_string(i) + "\",x,\"y\"\"z\"\n";
  CsvReader reader(text, "big.csv");
  std::vector<CsvField> fields;
  int records = 0;
  while (*reader.Next(fields)) {
    ASSERT_EQ(fields.size(), 3u);
    ASSERT_EQ(fields[0].line, records + 1);
    ASSERT_EQ(fields[2].value, "y\"z");
    ++records;
  }
  EXPECT_EQ(records, 20000);
}

}  // namespace
}  // namespace tpmkit::formats
