// Time-based one-time passwords (RFC 6238) for the server's optional second factor, with
// HMAC-SHA1, 6 digits and 30-second steps by default: what authenticator apps expect.
// Secrets travel as base32 (RFC 4648), the form those apps take.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "tpmkit/base/error.h"

namespace tpmkit {

inline constexpr int kTotpDigits = 6;
inline constexpr int kTotpPeriodSeconds = 30;
// The widest window MatchTotpStep takes, in steps either side of now.
inline constexpr int kMaxTotpWindow = 10;

struct Base32Options {
  // Pad with '=' to a multiple of 8 characters, as RFC 4648 writes it. Authenticator apps
  // and otpauth:// URIs take the secret without padding.
  bool padding = false;
};

// The base32 (RFC 4648 section 6, uppercase A-Z 2-7) of `bytes`.
std::string Base32Encode(std::string_view bytes, Base32Options options = {});

// The bytes of base32 `text`: letters of either case, with or without trailing '='
// padding; spaces are ignored (apps show secrets in groups). kInvalidInput for any other
// character or an impossible length; the message never repeats the text (it is a secret).
Result<std::string> Base32Decode(std::string_view text);

// A new random secret of 20 bytes (RFC 4226's recommended 160 bits), base32 without padding.
std::string NewTotpSecret();

// The code for `unix_time` (seconds since 1970-01-01 UTC): HOTP (RFC 4226) of the step
// floor(unix_time / period), `digits` digits with leading zeros. kInvalidInput when the
// secret is not base32 or empty, digits is not 6 to 8, period is not positive or the time
// is before 1970.
Result<std::string> TotpCode(std::string_view base32_secret, int64_t unix_time,
                             int digits = kTotpDigits, int period = kTotpPeriodSeconds);

// The step (unix_time / 30, give or take `window`) whose 6-digit code is `code`, or
// nullopt when none is (or when window is not 0 to kMaxTotpWindow). Every step of the window is
// computed and compared in constant time, whatever matches. RFC 6238 section 5.2 asks that a code
// be accepted only once: the server stores the step of the last accepted code and refuses a step at
// or before it.
std::optional<int64_t> MatchTotpStep(std::string_view base32_secret, std::string_view code,
                                     int64_t unix_time, int window = 1);

// Whether `code` is the 6-digit code of `unix_time` or of up to `window` steps before or
// after it (clock drift): MatchTotpStep(...).has_value(). False for a bad secret.
bool VerifyTotp(std::string_view base32_secret, std::string_view code, int64_t unix_time,
                int window = 1);

// The otpauth:// URI an authenticator app reads from a QR code:
// otpauth://totp/ISSUER:ACCOUNT?secret=SECRET&issuer=ISSUER&algorithm=SHA1&digits=6&period=30,
// each part percent-encoded (RFC 3986); the issuer is left out when empty.
std::string TotpUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace tpmkit
