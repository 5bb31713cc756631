#include "tpmkit/base/json_text.h"

#include <gtest/gtest.h>

namespace tpmkit {
namespace {

TEST(JsonTextTest, PlainTextIsQuoted) {
  EXPECT_EQ(JsonString(""), "\"\"");
  EXPECT_EQ(JsonString("Phoenix"), "\"Phoenix\"");
}

TEST(JsonTextTest, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(JsonString("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
}

// RFC 8785: the short forms where JSON has them, else \u00xx in lowercase hex. The audit
// trail's hashes depend on exactly this text.
TEST(JsonTextTest, EscapesControlCharactersAsRfc8785) {
  EXPECT_EQ(JsonString("\b\f\n\r\t"), "\"\\b\\f\\n\\r\\t\"");
  EXPECT_EQ(JsonString(std::string("\x00\x01\x1f", 3)), "\"\\u0000\\u0001\\u001f\"");
  EXPECT_EQ(JsonString("\x1b"), "\"\\u001b\"");
}

TEST(JsonTextTest, KeepsUtf8AndDeleteAsIs) {
  EXPECT_EQ(JsonString("é \u2028 \x7f /"), "\"é \u2028 \x7f /\"");
}

TEST(JsonTextTest, AppendsToWhatIsThere) {
  std::string out = "[";
  AppendJsonString(out, "x");
  out += ',';
  AppendJsonString(out, "y");
  out += ']';
  EXPECT_EQ(out, "[\"x\",\"y\"]");
}

}  // namespace
}  // namespace tpmkit
