#include "tpmkit/base/sha256.h"

#include <sodium.h>

namespace tpmkit {

namespace {
static_assert(sizeof(crypto_hash_sha256_state) <= 256, "Sha256::state_ is too small");

crypto_hash_sha256_state* State(std::array<unsigned char, 256>& storage) {
  return reinterpret_cast<crypto_hash_sha256_state*>(storage.data());
}
}  // namespace

Sha256::Sha256() { crypto_hash_sha256_init(State(state_)); }

Sha256& Sha256::Update(std::string_view bytes) {
  crypto_hash_sha256_update(State(state_), reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
  return *this;
}

std::string Sha256::HexDigest() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(State(state_), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * sizeof digest, '0');
  for (size_t i = 0; i < sizeof digest; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return out;
}

std::string Sha256Hex(std::string_view bytes) { return Sha256().Update(bytes).HexDigest(); }

std::string Sha256Base64(std::string_view bytes) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char out[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
  sodium_bin2base64(out, sizeof out, digest, sizeof digest, sodium_base64_VARIANT_ORIGINAL);
  return out;
}

}  // namespace tpmkit
