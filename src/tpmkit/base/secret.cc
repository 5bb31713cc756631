#include "tpmkit/base/secret.h"

#include <sodium.h>

#include "tpmkit/base/check.h"

namespace tpmkit {

namespace {

void InitSodium() {
  // sodium_init makes randombytes_buf safe to call from any thread.
  static const bool initialized = sodium_init() >= 0;
  TPMKIT_CHECK(initialized);
}

}  // namespace

std::string RandomBytes(size_t bytes) {
  InitSodium();
  std::string out(bytes, '\0');
  randombytes_buf(out.data(), out.size());
  return out;
}

std::string RandomHex(size_t bytes) {
  const std::string raw = RandomBytes(bytes);
  std::string hex(2 * bytes + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();  // the NUL sodium_bin2hex writes
  return hex;
}

std::string RandomToken(std::string_view prefix, size_t bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  const std::string raw = RandomBytes(bytes);
  std::string encoded(sodium_base64_ENCODED_LEN(bytes, kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(raw.data()), raw.size(), kVariant);
  encoded.pop_back();  // the NUL sodium_bin2base64 writes
  return std::string(prefix) + encoded;
}

bool ConstantTimeEqual(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace tpmkit
