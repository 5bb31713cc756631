// The workbook's content is read back cell by cell with openpyxl in
// tests/e2e/exports_test.py; here: the bytes, their reproducibility and sheet names.
#include "tpmkit/formats/xlsx.h"

#include <gtest/gtest.h>

#include <string>

namespace tpmkit::formats {
namespace {

std::vector<Table> Tables() {
  Table risks;
  risks.name = "risks";
  risks.title = "Risks";
  risks.columns = {{"ID", ColumnKind::kText},
                   {"Title", ColumnKind::kText},
                   {"Score", ColumnKind::kInteger},
                   {"Exposure (USD)", ColumnKind::kMoney},
                   {"Probability", ColumnKind::kPercent},
                   {"Due", ColumnKind::kDate}};
  risks.rows.push_back({TextCell("R1"), TextCell("=HYPERLINK(\"http://x\")"),
                        NumberCell(16, Tone::kRed), NumberCell(12500), NumberCell(0.5),
                        DateCell(Date::FromYmd(1900, 1, 1))});
  risks.rows.push_back({TextCell("R2"), TextCell(std::string(40000, 'x')),
                        NumberCell(3, Tone::kGreen), BlankCell(), BlankCell(),
                        DateCell(Date::FromYmd(2200, 12, 31))});
  Table empty;
  empty.name = "empty";
  empty.title = "Risks";  // the same title: the sheet gets another name
  empty.columns = {{"Nothing", ColumnKind::kText}};
  return {risks, empty};
}

TEST(XlsxTest, WritesAZipPackage) {
  XlsxOptions options;
  options.title = "Project Phoenix";
  options.created = ParseUtcTimestamp("2026-06-15T09:30:00Z").value();
  auto bytes = WriteXlsx(Tables(), options);
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  ASSERT_GT(bytes->size(), 1000u);
  EXPECT_EQ(bytes->substr(0, 4), std::string("PK\x03\x04", 4));
}

TEST(XlsxTest, TheSameInputAndTimeGiveTheSameBytes) {
  XlsxOptions options;
  options.title = "Project Phoenix";
  options.created = ParseUtcTimestamp("2026-06-15T09:30:00Z").value();
  auto first = WriteXlsx(Tables(), options);
  auto second = WriteXlsx(Tables(), options);
  ASSERT_TRUE(first.ok() && second.ok());
  EXPECT_EQ(*first, *second);
  options.created = ParseUtcTimestamp("2026-06-16T09:30:00Z").value();
  auto later = WriteXlsx(Tables(), options);
  ASSERT_TRUE(later.ok());
  EXPECT_NE(*first, *later) << "the creation time is in the document";
}

TEST(XlsxTest, NoTablesIsStillAWorkbook) {
  auto bytes = WriteXlsx({}, {});
  ASSERT_TRUE(bytes.ok()) << bytes.error().message;
  EXPECT_EQ(bytes->substr(0, 2), "PK");
}

TEST(XlsxTest, SheetNamesFollowExcelsRules) {
  EXPECT_EQ(XlsxSheetName("Risks"), "Risks");
  EXPECT_EQ(XlsxSheetName("a/b\\c?d*e[f]g:h"), "a_b_c_d_e_f_g_h");
  EXPECT_EQ(XlsxSheetName("'quoted'"), "quoted");
  EXPECT_EQ(XlsxSheetName(""), "Sheet");
  EXPECT_EQ(XlsxSheetName(std::string(40, 'x')), std::string(31, 'x'));
  // 31 characters, not 31 bytes, and never half a character.
  std::string wide;
  for (int i = 0; i < 40; ++i) wide += "é";
  std::string expected;
  for (int i = 0; i < 31; ++i) expected += "é";
  EXPECT_EQ(XlsxSheetName(wide), expected);
}

}  // namespace
}  // namespace tpmkit::formats
