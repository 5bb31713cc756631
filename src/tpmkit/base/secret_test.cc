#include "tpmkit/base/secret.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace tpmkit {
namespace {

TEST(SecretTest, RandomBytesHasTheLength) {
  EXPECT_EQ(RandomBytes(0).size(), 0u);
  EXPECT_EQ(RandomBytes(32).size(), 32u);
  EXPECT_NE(RandomBytes(32), RandomBytes(32));
}

TEST(SecretTest, RandomHexIsLowercaseHex) {
  EXPECT_EQ(RandomHex(0), "");
  const std::string hex = RandomHex(32);
  EXPECT_EQ(hex.size(), 64u);
  EXPECT_EQ(hex.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(hex, RandomHex(32));
}

TEST(SecretTest, RandomTokenIsPrefixAndUnpaddedBase64Url) {
  const std::string token = RandomToken("tpm_", 32);
  ASSERT_EQ(token.size(), 4u + 43u);  // ceil(32 * 4 / 3), no padding
  EXPECT_EQ(token.substr(0, 4), "tpm_");
  EXPECT_EQ(token.find_first_not_of(
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4),
            std::string::npos);
  EXPECT_EQ(RandomToken("", 3).size(), 4u);
  EXPECT_EQ(RandomToken("x", 1).size(), 3u);
  EXPECT_EQ(RandomToken("p_", 0), "p_");
}

TEST(SecretTest, RandomTokensAreUnique) {
  std::set<std::string> tokens;
  for (int i = 0; i < 1000; ++i) tokens.insert(RandomToken("tpm_", 32));
  EXPECT_EQ(tokens.size(), 1000u);
}

TEST(SecretTest, ConstantTimeEqual) {
  EXPECT_TRUE(ConstantTimeEqual("", ""));
  EXPECT_TRUE(ConstantTimeEqual("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEqual("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEqual("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEqual("", "a"));
  EXPECT_TRUE(ConstantTimeEqual(std::string_view("a\0b", 3), std::string_view("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEqual(std::string_view("a\0b", 3), std::string_view("a\0c", 3)));
}

}  // namespace
}  // namespace tpmkit
