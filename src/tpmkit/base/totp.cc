#include "tpmkit/base/totp.h"

#include <sodium.h>

#include <array>
#include <cstddef>

#include "tpmkit/base/secret.h"

namespace tpmkit {

namespace {

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

// SHA-1 (FIPS 180-4), only for HMAC-SHA1 in TOTP: libsodium has no SHA-1, and
// authenticator apps default to it. HMAC-SHA1 is still sound as a MAC; SHA-1 is not used
// for anything else in tpmkit.
using Sha1Digest = std::array<unsigned char, 20>;

uint32_t RotateLeft(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }

void Sha1Block(std::array<uint32_t, 5>& h, const unsigned char* block) {
  std::array<uint32_t, 80> w;
  for (int i = 0; i < 16; ++i) {
    w[i] = uint32_t{block[4 * i]} << 24 | uint32_t{block[4 * i + 1]} << 16 |
           uint32_t{block[4 * i + 2]} << 8 | uint32_t{block[4 * i + 3]};
  }
  for (int i = 16; i < 80; ++i) w[i] = RotateLeft(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
  uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
  for (int i = 0; i < 80; ++i) {
    uint32_t f, k;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const uint32_t t = RotateLeft(a, 5) + f + e + k + w[i];
    e = d;
    d = c;
    c = RotateLeft(b, 30);
    b = a;
    a = t;
  }
  h[0] += a;
  h[1] += b;
  h[2] += c;
  h[3] += d;
  h[4] += e;
}

Sha1Digest Sha1(std::string_view message) {
  std::array<uint32_t, 5> h = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0};
  // The message, a 0x80 byte, zeros up to 56 mod 64, and the length in bits (big-endian).
  std::string padded(message);
  padded.push_back(static_cast<char>(0x80));
  while (padded.size() % 64 != 56) padded.push_back('\0');
  const uint64_t bits = uint64_t{message.size()} * 8;
  for (int i = 7; i >= 0; --i) padded.push_back(static_cast<char>(bits >> (8 * i)));
  for (size_t i = 0; i < padded.size(); i += 64) {
    Sha1Block(h, reinterpret_cast<const unsigned char*>(padded.data() + i));
  }
  sodium_memzero(padded.data(), padded.size());
  Sha1Digest digest;
  for (int i = 0; i < 20; ++i)
    digest[i] = static_cast<unsigned char>(h[i / 4] >> (24 - 8 * (i % 4)));
  return digest;
}

// HMAC (RFC 2104) with SHA-1.
Sha1Digest HmacSha1(std::string_view key, std::string_view message) {
  constexpr size_t kBlock = 64;
  std::string k(key);
  if (k.size() > kBlock) {
    const Sha1Digest hashed = Sha1(k);
    k.assign(hashed.begin(), hashed.end());
  }
  k.resize(kBlock, '\0');
  std::string inner(kBlock, '\0'), outer(kBlock, '\0');
  for (size_t i = 0; i < kBlock; ++i) {
    inner[i] = static_cast<char>(k[i] ^ 0x36);
    outer[i] = static_cast<char>(k[i] ^ 0x5c);
  }
  inner.append(message);
  const Sha1Digest inner_digest = Sha1(inner);
  outer.append(inner_digest.begin(), inner_digest.end());
  const Sha1Digest digest = Sha1(outer);
  sodium_memzero(k.data(), k.size());
  sodium_memzero(inner.data(), inner.size());
  sodium_memzero(outer.data(), outer.size());
  return digest;
}

// HOTP (RFC 4226 section 5.3) of `step`, `digits` digits with leading zeros.
std::string Hotp(std::string_view key, uint64_t step, int digits) {
  std::string counter(8, '\0');
  for (int i = 0; i < 8; ++i) counter[i] = static_cast<char>(step >> (56 - 8 * i));
  const Sha1Digest mac = HmacSha1(key, counter);
  const int offset = mac[19] & 0xf;
  const uint32_t binary = (uint32_t{mac[offset]} & 0x7f) << 24 | uint32_t{mac[offset + 1]} << 16 |
                          uint32_t{mac[offset + 2]} << 8 | uint32_t{mac[offset + 3]};
  uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  code.insert(0, static_cast<size_t>(digits) - code.size(), '0');
  return code;
}

bool IsUnreserved(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// RFC 3986 percent-encoding of everything but the unreserved characters.
std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : text) {
    if (IsUnreserved(c)) {
      out += c;
    } else {
      const auto b = static_cast<unsigned char>(c);
      out += '%';
      out += kHex[b >> 4];
      out += kHex[b & 0xf];
    }
  }
  return out;
}

}  // namespace

std::string Base32Encode(std::string_view bytes, Base32Options options) {
  std::string out;
  out.reserve((bytes.size() + 4) / 5 * 8);
  uint32_t buffer = 0;
  int bits = 0;
  for (const char c : bytes) {
    buffer = (buffer << 8) | static_cast<unsigned char>(c);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += kBase32Alphabet[(buffer >> bits) & 0x1f];
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 0x1f];
  if (options.padding) {
    while (out.size() % 8 != 0) out += '=';
  }
  return out;
}

Result<std::string> Base32Decode(std::string_view text) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  size_t symbols = 0;
  bool padding = false;
  for (const char c : text) {
    if (c == ' ') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    const size_t value = kBase32Alphabet.find(upper);
    if (value == std::string_view::npos || padding) {
      return Error::Invalid("the secret is not base32 (letters A-Z and digits 2-7)");
    }
    buffer = (buffer << 5) | static_cast<uint32_t>(value);
    bits += 5;
    ++symbols;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  // 1, 3 or 6 symbols after the last full group of 8 encode no whole number of bytes.
  const size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) {
    return Error::Invalid("the secret is not base32: its length is impossible");
  }
  return out;
}

std::string NewTotpSecret() { return Base32Encode(RandomBytes(20)); }

Result<std::string> TotpCode(std::string_view base32_secret, int64_t unix_time, int digits,
                             int period) {
  if (digits < 6 || digits > 8) return Error::Invalid("a TOTP code has 6 to 8 digits");
  if (period <= 0) return Error::Invalid("the TOTP period must be positive");
  if (unix_time < 0) return Error::Invalid("the time is before 1970");
  TPMKIT_ASSIGN_OR_RETURN(std::string key, Base32Decode(base32_secret));
  if (key.empty()) return Error::Invalid("the TOTP secret is empty");
  std::string code = Hotp(key, static_cast<uint64_t>(unix_time / period), digits);
  sodium_memzero(key.data(), key.size());
  return code;
}

std::optional<int64_t> MatchTotpStep(std::string_view base32_secret, std::string_view code,
                                     int64_t unix_time, int window) {
  if (unix_time < 0 || window < 0 || window > kMaxTotpWindow) return std::nullopt;
  Result<std::string> key = Base32Decode(base32_secret);
  if (!key.ok() || key->empty()) return std::nullopt;
  const int64_t now = unix_time / kTotpPeriodSeconds;
  std::optional<int64_t> match;
  for (int64_t step = now - window; step <= now + window; ++step) {
    if (step < 0) continue;
    // No early exit: the time taken does not tell which step matched.
    if (ConstantTimeEqual(Hotp(*key, static_cast<uint64_t>(step), kTotpDigits), code)) {
      match = step;
    }
  }
  sodium_memzero(key->data(), key->size());
  return match;
}

bool VerifyTotp(std::string_view base32_secret, std::string_view code, int64_t unix_time,
                int window) {
  return MatchTotpStep(base32_secret, code, unix_time, window).has_value();
}

std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  std::string uri = "otpauth://totp/";
  if (!issuer.empty()) uri += PercentEncode(issuer) + ":";
  uri += PercentEncode(account);
  uri += "?secret=" + PercentEncode(secret);
  if (!issuer.empty()) uri += "&issuer=" + PercentEncode(issuer);
  uri += "&algorithm=SHA1&digits=" + std::to_string(kTotpDigits) +
         "&period=" + std::to_string(kTotpPeriodSeconds);
  return uri;
}

}  // namespace tpmkit
