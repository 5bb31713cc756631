#include "tpmkit/base/password.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace tpmkit {
namespace {

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

void ExpectRefused(std::string_view password, std::string_view user = "ana") {
  const Status status = CheckPasswordRules(password, user);
  ASSERT_FALSE(status.ok()) << password;
  EXPECT_EQ(status.error().code, ErrorCode::kInvalidInput);
  if (!password.empty()) {
    EXPECT_EQ(status.error().message.find(password), std::string::npos) << "echoes the password";
  }
}

TEST(PasswordRulesTest, Length) {
  ExpectRefused("");
  ExpectRefused("kx7#Qv2");
  EXPECT_TRUE(CheckPasswordRules("kx7#Qv2m", "ana").ok());
  EXPECT_TRUE(CheckPasswordRules(Repeat("kx7#", 64), "ana").ok());
  ExpectRefused(Repeat("kx7#", 64) + "m");
  EXPECT_NE(CheckPasswordRules("kx7#Qv2", "ana").error().message.find("8 to 256 characters"),
            std::string::npos);
}

TEST(PasswordRulesTest, CountsCharactersNotBytes) {
  ExpectRefused(Repeat("é", 7));  // 14 bytes, 7 characters
  EXPECT_TRUE(CheckPasswordRules(Repeat("é", 8), "ana").ok());
  EXPECT_TRUE(CheckPasswordRules(Repeat("\xF0\x9F\x94\x91", 8), "ana").ok());  // U+1F511
  EXPECT_TRUE(CheckPasswordRules(Repeat("€", 256), "ana").ok());               // 768 bytes
  ExpectRefused(Repeat("€", 257));
}

TEST(PasswordRulesTest, RefusesInvalidUtf8) {
  ExpectRefused("abcdefgh\xFF");
  ExpectRefused(
      "\xC0\xAF"
      "abcdefgh");  // overlong '/'
  ExpectRefused(
      "\xED\xA0\x80"
      "abcdefgh");                    // surrogate
  ExpectRefused("abcdefgh\xE2\x82");  // truncated '€'
  ExpectRefused("abcdefgh\x80");      // stray continuation byte
}

TEST(PasswordRulesTest, RefusesCommonPasswordsWhateverTheCase) {
  EXPECT_FALSE(CheckPasswordRules("password", "ana").ok());  // the message says "password"
  for (std::string_view common : {"Password123", "PASSWORD1", "12345678", "qwerty123", "iLoveYou",
                                  "!@#$%^&*", "zzzzzzzz", "Trustno1"}) {
    ExpectRefused(common);
  }
  EXPECT_NE(CheckPasswordRules("Password123", "ana").error().message.find("common"),
            std::string::npos);
}

TEST(PasswordRulesTest, RefusesTheUserName) {
  ExpectRefused("Ana.Lopez-1985", "ana.lopez-1985");
  ExpectRefused("ana.lopez-1985", "ANA.LOPEZ-1985");
  EXPECT_TRUE(CheckPasswordRules("ana.lopez-1985!", "ana.lopez-1985").ok());
}

TEST(PasswordHashTest, RoundTrip) {
  const auto hash = HashPassword("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_EQ(hash->rfind("$argon2id$", 0), 0u);
  EXPECT_NE(hash->find("m=19456,t=2,"), std::string::npos);
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery staple"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse battery stapler"));
  EXPECT_FALSE(PasswordNeedsRehash(*hash));
}

TEST(PasswordHashTest, OlderCostsNeedRehash) {
  const auto weak = HashPasswordWith("correct horse battery staple", 1, 8 * 1024 * 1024);
  ASSERT_TRUE(weak.ok());
  EXPECT_TRUE(VerifyPassword(*weak, "correct horse battery staple"));
  EXPECT_TRUE(PasswordNeedsRehash(*weak));
}

TEST(PasswordHashTest, GarbageHashes) {
  for (std::string_view bad : {std::string_view(""), std::string_view("$argon2id$nonsense"),
                               std::string_view("plain text"), std::string_view("a\0b", 3)}) {
    EXPECT_FALSE(VerifyPassword(bad, "plain text"));
    EXPECT_TRUE(PasswordNeedsRehash(bad));
  }
  EXPECT_FALSE(VerifyPassword(std::string(1000, '$'), "x"));
}

TEST(PasswordHashTest, ConcurrentVerifiesAllAnswer) {
  // Cheap costs: this checks that the slots are taken and given back, not the speed.
  const std::string hash = HashPasswordWith("kx7#Qv2m", 1, 8192).value();
  std::atomic<int> right = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 3 * kMaxConcurrentPasswordHashes; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 4; ++i) right += VerifyPassword(hash, "kx7#Qv2m") ? 1 : 0;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(right, 12 * kMaxConcurrentPasswordHashes);
}

TEST(PasswordHashTest, BurnVerifyReturns) {
  BurnPasswordVerify("whatever the user typed");
  BurnPasswordVerify("");
}

}  // namespace
}  // namespace tpmkit
