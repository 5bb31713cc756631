#include "tpmkit/base/totp.h"

#include <gtest/gtest.h>

#include <string>

namespace tpmkit {
namespace {

// "12345678901234567890" in ASCII, the SHA1 secret of RFC 6238 Appendix B.
constexpr std::string_view kRfcSecret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

TEST(Base32Test, Rfc4648Vectors) {
  const std::pair<std::string_view, std::string_view> vectors[] = {
      {"", ""},
      {"f", "MY======"},
      {"fo", "MZXQ===="},
      {"foo", "MZXW6==="},
      {"foob", "MZXW6YQ="},
      {"fooba", "MZXW6YTB"},
      {"foobar", "MZXW6YTBOI======"},
  };
  for (const auto& [bytes, text] : vectors) {
    EXPECT_EQ(Base32Encode(bytes, {.padding = true}), text) << bytes;
    std::string unpadded(text);
    while (!unpadded.empty() && unpadded.back() == '=') unpadded.pop_back();
    EXPECT_EQ(Base32Encode(bytes), unpadded) << bytes;
    auto decoded = Base32Decode(text);
    ASSERT_TRUE(decoded.ok()) << text;
    EXPECT_EQ(*decoded, bytes);
    decoded = Base32Decode(unpadded);
    ASSERT_TRUE(decoded.ok()) << unpadded;
    EXPECT_EQ(*decoded, bytes);
  }
}

TEST(Base32Test, DecodeIgnoresCaseAndSpaces) {
  auto decoded = Base32Decode("mzxw 6ytb oi");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, "foobar");
}

TEST(Base32Test, DecodeRefusesBadText) {
  for (std::string_view bad : {"MZXW1", "MZXW6YT!", "MY=A", "M", "MZX", "MZXW6Y"}) {
    const auto decoded = Base32Decode(bad);
    ASSERT_FALSE(decoded.ok()) << bad;
    EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidInput);
    EXPECT_EQ(decoded.error().message.find(bad), std::string::npos);
  }
}

TEST(Base32Test, RoundTripsEveryByte) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (size_t n = 0; n <= bytes.size(); n += 37) {
    const auto decoded = Base32Decode(Base32Encode(bytes.substr(0, n)));
    ASSERT_TRUE(decoded.ok());
    EXPECT_EQ(*decoded, bytes.substr(0, n));
  }
}

TEST(TotpTest, Rfc6238AppendixBSha1) {
  const std::pair<int64_t, std::string_view> vectors[] = {
      {59, "94287082"},         {1111111109, "07081804"}, {1111111111, "14050471"},
      {1234567890, "89005924"}, {2000000000, "69279037"}, {20000000000, "65353130"},
  };
  for (const auto& [time, code] : vectors) {
    const auto got = TotpCode(kRfcSecret, time, 8);
    ASSERT_TRUE(got.ok()) << time;
    EXPECT_EQ(*got, code) << time;
  }
}

TEST(TotpTest, Rfc4226AppendixDHotp) {
  // TOTP of step N is HOTP of counter N.
  const std::string_view codes[] = {"755224", "287082", "359152", "969429", "338314",
                                    "254676", "287922", "162583", "399871", "520489"};
  for (int counter = 0; counter < 10; ++counter) {
    const auto got = TotpCode(kRfcSecret, int64_t{counter} * 30 + 29);
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, codes[counter]) << counter;
  }
}

TEST(TotpTest, KeysOfEveryLengthClass) {
  // Expected values from Python's hmac module: keys shorter than, as long as and longer
  // than SHA-1's 64-byte block (hashed first), with SHA-1 padding edge cases.
  const struct {
    size_t length;
    std::string_view at_59, at_1111111109;
  } cases[] = {
      {1, "12458948", "06118995"},   {55, "01016136", "02702251"},  {56, "26646774", "25371021"},
      {63, "96924813", "90407929"},  {64, "48689130", "23991743"},  {65, "98319609", "02669032"},
      {80, "40050368", "57370157"},  {119, "86556521", "45175587"}, {120, "92662698", "27175623"},
      {128, "61947995", "53380265"}, {200, "18865133", "63230918"},
  };
  for (const auto& c : cases) {
    std::string key;
    for (size_t i = 0; i < c.length; ++i) key += static_cast<char>((i * 7 + 3) & 0xff);
    const std::string secret = Base32Encode(key);
    EXPECT_EQ(TotpCode(secret, 59, 8).value(), c.at_59) << c.length;
    EXPECT_EQ(TotpCode(secret, 1111111109, 8).value(), c.at_1111111109) << c.length;
  }
}

TEST(TotpTest, RefusesBadArguments) {
  EXPECT_FALSE(TotpCode("", 59).ok());
  EXPECT_FALSE(TotpCode("not base32!", 59).ok());
  EXPECT_FALSE(TotpCode(kRfcSecret, 59, 5).ok());
  EXPECT_FALSE(TotpCode(kRfcSecret, 59, 9).ok());
  EXPECT_FALSE(TotpCode(kRfcSecret, 59, 6, 0).ok());
  EXPECT_FALSE(TotpCode(kRfcSecret, -1).ok());
}

TEST(TotpTest, VerifyAcceptsTheWindowOnly) {
  const int64_t now = 1111111111;  // step 37037037
  const std::string current = TotpCode(kRfcSecret, now).value();
  const std::string previous = TotpCode(kRfcSecret, now - 30).value();
  const std::string next = TotpCode(kRfcSecret, now + 30).value();
  const std::string two_ahead = TotpCode(kRfcSecret, now + 60).value();
  EXPECT_TRUE(VerifyTotp(kRfcSecret, current, now));
  EXPECT_TRUE(VerifyTotp(kRfcSecret, previous, now));
  EXPECT_TRUE(VerifyTotp(kRfcSecret, next, now));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, two_ahead, now));
  EXPECT_TRUE(VerifyTotp(kRfcSecret, two_ahead, now, 2));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, previous, now, 0));
  EXPECT_EQ(MatchTotpStep(kRfcSecret, current, now), 37037037);
  EXPECT_EQ(MatchTotpStep(kRfcSecret, previous, now), 37037036);
}

TEST(TotpTest, VerifyRefusesMalformedInput) {
  const int64_t now = 1111111111;
  const std::string current = TotpCode(kRfcSecret, now).value();
  EXPECT_FALSE(VerifyTotp(kRfcSecret, "", now));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, current + "0", now));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, current.substr(0, 5), now));
  EXPECT_FALSE(VerifyTotp("", current, now));
  EXPECT_FALSE(VerifyTotp("bad secret!", current, now));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, current, now, -1));
  EXPECT_FALSE(VerifyTotp(kRfcSecret, current, now, kMaxTotpWindow + 1));
}

TEST(TotpTest, NewSecretIsTwentyRandomBytes) {
  const std::string a = NewTotpSecret();
  EXPECT_EQ(a.size(), 32u);  // 160 bits, no padding
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"), std::string::npos);
  EXPECT_EQ(Base32Decode(a).value().size(), 20u);
  EXPECT_NE(a, NewTotpSecret());
  EXPECT_TRUE(VerifyTotp(a, TotpCode(a, 1700000000).value(), 1700000000));
}

TEST(TotpTest, UriIsPercentEncoded) {
  EXPECT_EQ(TotpUri("ACME tpmkit", "ana@example.com", "JBSWY3DPEHPK3PXP"),
            "otpauth://totp/ACME%20tpmkit:ana%40example.com?secret=JBSWY3DPEHPK3PXP"
            "&issuer=ACME%20tpmkit&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpUri("", "bo:b&c", "JBSWY3DP"),
            "otpauth://totp/bo%3Ab%26c?secret=JBSWY3DP&algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(TotpUri("Ü", "x", "A"),
            "otpauth://totp/%C3%9C:x?secret=A&issuer=%C3%9C&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace tpmkit
