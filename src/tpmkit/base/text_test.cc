#include "tpmkit/base/text.h"

#include <gtest/gtest.h>

#include "tpmkit/base/diagnostic.h"

namespace tpmkit {
namespace {

TEST(EscapeControlsTest, OrdinaryTextIsUnchanged) {
  for (const char* s :
       {"", "Phoenix", "Café – naïve 日本 🙂", "C:\\evidence\\a.md", "a  b ~ {}"}) {
    EXPECT_EQ(EscapeControls(s), s);
    EXPECT_FALSE(HasControls(s));
  }
}

TEST(EscapeControlsTest, C0DelAndEscapeSequencesBecomeVisible) {
  EXPECT_EQ(EscapeControls("a\x1b[2J\x1b]0;pwned\x07z"), "a\\x1b[2J\\x1b]0;pwned\\x07z");
  EXPECT_EQ(EscapeControls("line1\nline2\r\tend"), "line1\\nline2\\r\\tend");
  EXPECT_EQ(EscapeControls(std::string_view("nul\0del\x7f", 8)), "nul\\x00del\\x7f");
  EXPECT_TRUE(HasControls("\x1b"));
}

TEST(EscapeControlsTest, KeepNewlinesOnlyKeepsNewlines) {
  EXPECT_EQ(EscapeControls("a\nb\x1b\r", {.keep_newlines = true}), "a\nb\\x1b\\r");
  EXPECT_FALSE(HasControls("a\nb", {.keep_newlines = true}));
}

TEST(EscapeControlsTest, C1ControlsAndInvalidUtf8AreEscapedPerByte) {
  EXPECT_EQ(EscapeControls("a\xc2\x9b"
                           "31mb"),
            "a\\xc2\\x9b31mb");                                  // CSI as U+009B
  EXPECT_EQ(EscapeControls("\xc2\x85"), "\\xc2\\x85");           // NEL
  EXPECT_EQ(EscapeControls("\xc2\xa0"), "\xc2\xa0");             // NBSP is text
  EXPECT_EQ(EscapeControls("x\x9by"), "x\\x9by");                // a lone C1 byte
  EXPECT_EQ(EscapeControls("\xe9t\xe9"), "\\xe9t\\xe9");         // Latin-1
  EXPECT_EQ(EscapeControls("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(EscapeControls("\xf0\x9f\x99"), "\\xf0\\x9f\\x99");  // truncated
}

TEST(FormatDiagnosticTest, ControlsFromAFileStayOnOneLine) {
  Diagnostic d{"evil\x1b[31m.yaml", 3, 7, "unknown key 'a\nb\x1b]0;x\x07'"};
  EXPECT_EQ(FormatDiagnostic(d), "evil\\x1b[31m.yaml:3:7: unknown key 'a\\nb\\x1b]0;x\\x07'");
  EXPECT_EQ(FormatDiagnostic({"f.yaml", 2, 0, "plain"}), "f.yaml:2: plain");
}

}  // namespace
}  // namespace tpmkit
