// Random secrets for the server: session ids, API tokens, CSRF tokens (libsodium's
// generator underneath), and their comparison in constant time.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tpmkit {

// `bytes` random bytes.
std::string RandomBytes(size_t bytes);

// Lowercase hex of `bytes` random bytes (2 * bytes characters).
std::string RandomHex(size_t bytes);

// `prefix` followed by the URL-safe base64 of `bytes` random bytes, without padding
// (RFC 4648 section 5: A-Z a-z 0-9 - _), e.g. RandomToken("tpm_", 32) for an API token.
std::string RandomToken(std::string_view prefix, size_t bytes);

// Whether `a` and `b` are equal, in a time that depends on their lengths only (which are
// not secret: a token's length is public), never on where they first differ.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace tpmkit
