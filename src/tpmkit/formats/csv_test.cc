#include "tpmkit/formats/csv.h"

#include <gtest/gtest.h>

namespace tpmkit::formats {
namespace {

Table Sample() {
  Table t;
  t.name = "sample";
  t.title = "Sample";
  t.columns = {{"ID", ColumnKind::kText},       {"Cost (USD)", ColumnKind::kMoney},
               {"Share", ColumnKind::kPercent}, {"Days", ColumnKind::kNumber},
               {"Count", ColumnKind::kInteger}, {"Due", ColumnKind::kDate}};
  return t;
}

TEST(CsvTest, HeaderThenRecordsEachEndedByCrlf) {
  Table t = Sample();
  t.rows.push_back({TextCell("R1"), NumberCell(19250.000000000004), NumberCell(0.625),
                    NumberCell(2.5), NumberCell(3), DateCell(Date::FromYmd(2026, 6, 15))});
  t.rows.push_back(
      {TextCell("R2"), BlankCell(), BlankCell(), NumberCell(-0.00001), BlankCell(), BlankCell()});
  EXPECT_EQ(WriteCsv(t),
            "ID,Cost (USD),Share,Days,Count,Due\r\n"
            "R1,19250.00,0.625,2.5,3,2026-06-15\r\n"
            "R2,,,0,,\r\n");
}

TEST(CsvTest, QuotesFieldsThatNeedIt) {
  EXPECT_EQ(CsvTextField("plain"), "plain");
  EXPECT_EQ(CsvTextField(""), "");
  EXPECT_EQ(CsvTextField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvTextField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvTextField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvTextField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvTextField(" padded "), "\" padded \"");
  EXPECT_EQ(CsvTextField("Zoë Müller"), "Zoë Müller");
}

TEST(CsvTest, DefusesWhatASpreadsheetWouldRun) {
  EXPECT_EQ(CsvTextField("=1+1"), "'=1+1");
  EXPECT_EQ(CsvTextField("+31 20 555"), "'+31 20 555");
  EXPECT_EQ(CsvTextField("-5 days"), "'-5 days");
  EXPECT_EQ(CsvTextField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvTextField("\tx"), "'\tx");
  EXPECT_EQ(CsvTextField("\rx"), "\"'\rx\"");
  // Quoting still applies to the defused text.
  EXPECT_EQ(CsvTextField("=HYPERLINK(\"http://x\",\"y\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  // Only the first character counts.
  EXPECT_EQ(CsvTextField("a=b"), "a=b");
}

TEST(CsvTest, NegativeNumbersStayNumbers) {
  Table t;
  t.columns = {{"Float", ColumnKind::kInteger}, {"Value", ColumnKind::kMoney}};
  t.rows.push_back({NumberCell(-3), NumberCell(-1234.5)});
  EXPECT_EQ(WriteCsv(t), "Float,Value\r\n-3,-1234.50\r\n");
}

TEST(CsvTest, HeaderTitlesAreFieldsToo) {
  Table t;
  t.columns = {{"Cost, total", ColumnKind::kText}, {"=x", ColumnKind::kText}};
  EXPECT_EQ(WriteCsv(t), "\"Cost, total\",'=x\r\n");
}

}  // namespace
}  // namespace tpmkit::formats
