#include "tpmkit/base/limits.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace tpmkit::limits {
namespace {

TEST(LimitsTest, TheTable) {
  EXPECT_EQ(kMinDate.ToString(), "1900-01-01");
  EXPECT_EQ(kMaxDate.ToString(), "2200-12-31");
  EXPECT_TRUE(InDateRange(kMinDate));
  EXPECT_FALSE(InDateRange(kMinDate - 1));
  EXPECT_TRUE(InDateRange(kMaxDate));
  EXPECT_FALSE(InDateRange(kMaxDate + 1));
  EXPECT_TRUE(InDaysRange(13000));
  EXPECT_TRUE(InDaysRange(-13000));
  EXPECT_FALSE(InDaysRange(13000.5));
  EXPECT_FALSE(InDaysRange(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(InDaysRange(std::numeric_limits<double>::quiet_NaN()));
  // Totals of 9,000 amounts at the limit still fit in int64 minor units.
  EXPECT_LT(kMaxMoneyCents, std::numeric_limits<int64_t>::max() / 9000);
}

TEST(LimitsTest, ValidTextPasses) {
  for (const char* text : {"", "plain ascii", "caf\xC3\xA9", "\xE2\x9C\x93", "\xF0\x9F\x9A\x80",
                           "\xEF\xBF\xBD", "\xF4\x8F\xBF\xBD", "tab\tnewline\n"}) {
    EXPECT_FALSE(CheckText(text).has_value()) << text;
    EXPECT_EQ(ReplaceInvalidText(text), text);
  }
}

TEST(LimitsTest, InvalidTextIsFoundAndReplaced) {
  struct Case {
    std::string text;
    size_t offset;
    std::string message;
    std::string replaced;
  };
  const std::string fffd = "\xEF\xBF\xBD";
  for (const Case& c : std::vector<Case>{
           {"a\xff", 1, "invalid UTF-8 byte 0xFF", "a" + fffd},
           {"\xC0\xAF", 0, "invalid UTF-8 byte 0xC0", fffd + fffd},                    // overlong
           {"\xE0\x80\xAF", 0, "invalid UTF-8 byte 0xE0", fffd + fffd + fffd},         // overlong
           {"x\xED\xA0\x80", 1, "invalid UTF-8 byte 0xED", "x" + fffd + fffd + fffd},  // surrogate
           {"\xF4\x90\x80\x80", 0, "invalid UTF-8 byte 0xF4", fffd + fffd + fffd + fffd},
           {"caf\xC3", 3, "invalid UTF-8 byte 0xC3", "caf" + fffd},  // truncated
           {"\xEF\xBF\xBE", 0, "non-character U+FFFE", fffd},
           {"ab\xEF\xBF\xBF", 2, "non-character U+FFFF", "ab" + fffd},
           {"\xEF\xB7\x90", 0, "non-character U+FDD0", fffd},
           {"\xF0\x9F\xBF\xBF", 0, "non-character U+1FFFF", fffd},
       }) {
    auto problem = CheckText(c.text);
    ASSERT_TRUE(problem.has_value()) << c.message;
    EXPECT_EQ(problem->offset, c.offset) << c.message;
    EXPECT_EQ(problem->message, c.message);
    EXPECT_EQ(ReplaceInvalidText(c.text), c.replaced) << c.message;
    EXPECT_FALSE(CheckText(ReplaceInvalidText(c.text)).has_value());
  }
}

}  // namespace
}  // namespace tpmkit::limits
