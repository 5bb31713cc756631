// SHA-256, the one hash of the project: evidence files, the audit trail's chain and the
// audit pack's manifest all use it (libsodium underneath).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace tpmkit {

// An incremental SHA-256: Update() any number of times, then HexDigest() once.
class Sha256 {
 public:
  Sha256();
  Sha256& Update(std::string_view bytes);
  // Lowercase hex of the 32-byte digest. The hasher must not be updated afterwards.
  std::string HexDigest();

 private:
  alignas(16) std::array<unsigned char, 256> state_;  // crypto_hash_sha256_state
};

// Lowercase hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);
// The standard base64 (padded) of the SHA-256 of `bytes`, as CSP hash sources want it.
std::string Sha256Base64(std::string_view bytes);

}  // namespace tpmkit
