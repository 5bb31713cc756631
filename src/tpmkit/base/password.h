// Passwords of the server's accounts (spec/server.md, "Authentication and sessions"): the
// rules a new password must meet, and argon2id hashing (libsodium underneath).
//
// Hashing is deliberately slow and memory-hungry (kPasswordMemLimit per hash), so every
// hash or verify in the process waits for one of kMaxConcurrentPasswordHashes slots: a
// burst of logins queues instead of exhausting memory. Call these off any thread that
// must stay responsive.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "tpmkit/base/error.h"

namespace tpmkit {

// The length rule, in characters (UTF-8 code points, not bytes).
inline constexpr size_t kMinPasswordLength = 8;
inline constexpr size_t kMaxPasswordLength = 256;

// argon2id cost: OWASP's minimum recommendation (m = 19 MiB, t = 2, p = 1). Raising
// either makes PasswordNeedsRehash true for older hashes, so they are upgraded on login.
inline constexpr uint64_t kPasswordOpsLimit = 2;
inline constexpr size_t kPasswordMemLimit = size_t{19} * 1024 * 1024;

// How many hashes or verifies run at once in the process; the others wait. Bounds the
// memory that password work can take to kMaxConcurrentPasswordHashes * kPasswordMemLimit.
inline constexpr int kMaxConcurrentPasswordHashes = 4;

// Whether `password` may be set for `user_name`: 8 to 256 characters of valid UTF-8, not in
// the list of common passwords shipped with tpmkit (common_passwords.txt), not the user
// name; both comparisons ignore ASCII case. kInvalidInput otherwise; the message never
// repeats the password.
Status CheckPasswordRules(std::string_view password, std::string_view user_name);

// The argon2id hash of `password` in libsodium's string form ("$argon2id$v=19$m=...").
// Fails (kInternal) only when memory for the hash cannot be had.
Result<std::string> HashPassword(std::string_view password);

// HashPassword with other costs. For tests and for checking PasswordNeedsRehash, never for
// storing a real password with less than kPasswordOpsLimit / kPasswordMemLimit.
Result<std::string> HashPasswordWith(std::string_view password, uint64_t ops_limit,
                                     size_t mem_limit);

// Whether `password` matches `hash` (from HashPassword). False as well for a hash that is
// not an argon2id string.
bool VerifyPassword(std::string_view hash, std::string_view password);

// Whether `hash` was made with other costs than today's, or is not an argon2id hash at
// all: then, after a successful login, store HashPassword(password) in its place.
bool PasswordNeedsRehash(std::string_view hash);

// Does the work of one VerifyPassword and throws the answer away: a login for an unknown
// user calls it so that it takes as long as one for a known user with a wrong password.
// The hash it verifies against is made once per process, on first use.
void BurnPasswordVerify(std::string_view password);

}  // namespace tpmkit
