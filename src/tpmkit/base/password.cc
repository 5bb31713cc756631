#include "tpmkit/base/password.h"

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <semaphore>
#include <vector>

#include "tpmkit/base/check.h"
#include "tpmkit/base/text.h"

namespace tpmkit {

namespace {

static_assert(kPasswordOpsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN);
static_assert(kPasswordMemLimit >= crypto_pwhash_argon2id_MEMLIMIT_MIN);

// The list as written in common_passwords.txt, made into a raw string literal by
// CMakeLists.txt.
constexpr std::string_view kCommonPasswordsText =
#include "tpmkit_common_passwords.inc"
    ;

void InitSodium() {
  // sodium_init picks the fastest argon2 implementation and seeds the generator of salts.
  static const bool initialized = sodium_init() >= 0;
  TPMKIT_CHECK(initialized);
}

// The slots of kMaxConcurrentPasswordHashes, held for the duration of one hash or verify.
class HashSlot {
 public:
  HashSlot() { Semaphore().acquire(); }
  ~HashSlot() { Semaphore().release(); }
  HashSlot(const HashSlot&) = delete;
  HashSlot& operator=(const HashSlot&) = delete;

 private:
  using CountingSemaphore = std::counting_semaphore<kMaxConcurrentPasswordHashes>;
  static CountingSemaphore& Semaphore() {
    static CountingSemaphore semaphore(kMaxConcurrentPasswordHashes);
    return semaphore;
  }
};

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) { return AsciiLower(x) == AsciiLower(y); });
}

// The common passwords, lowercase and sorted, parsed once from kCommonPasswordsText.
const std::vector<std::string_view>& CommonPasswords() {
  static const std::vector<std::string_view> list = [] {
    std::vector<std::string_view> words;
    std::string_view rest = kCommonPasswordsText;
    while (!rest.empty()) {
      const size_t end = std::min(rest.find('\n'), rest.size());
      std::string_view line = rest.substr(0, end);
      rest.remove_prefix(std::min(end + 1, rest.size()));
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line.empty() || line.front() == '#') continue;
      words.push_back(line);
    }
    std::ranges::sort(words);
    return words;
  }();
  return list;
}

bool IsCommonPassword(std::string_view password) {
  std::string lower(password);
  std::ranges::transform(lower, lower.begin(), AsciiLower);
  const bool found = std::ranges::binary_search(CommonPasswords(), std::string_view(lower));
  sodium_memzero(lower.data(), lower.size());
  return found;
}

}  // namespace

Status CheckPasswordRules(std::string_view password, std::string_view user_name) {
  const std::optional<size_t> length = CodePointCount(password);
  if (!length) return Error::Invalid("the password is not valid UTF-8 text");
  if (*length < kMinPasswordLength || *length > kMaxPasswordLength) {
    return Error::Invalid("a password must have " + std::to_string(kMinPasswordLength) + " to " +
                          std::to_string(kMaxPasswordLength) + " characters, this one has " +
                          std::to_string(*length));
  }
  if (EqualIgnoringAsciiCase(password, user_name)) {
    return Error::Invalid("the password must not be the user name");
  }
  if (IsCommonPassword(password)) {
    return Error::Invalid("the password is one of the most common passwords; choose another");
  }
  return OkStatus();
}

Result<std::string> HashPassword(std::string_view password) {
  return HashPasswordWith(password, kPasswordOpsLimit, kPasswordMemLimit);
}

Result<std::string> HashPasswordWith(std::string_view password, uint64_t ops_limit,
                                     size_t mem_limit) {
  InitSodium();
  if (password.size() > crypto_pwhash_argon2id_PASSWD_MAX) {
    return Error::Invalid("the password is too long");
  }
  char out[crypto_pwhash_argon2id_STRBYTES];
  int rc;
  {
    HashSlot slot;
    rc = crypto_pwhash_argon2id_str(out, password.data(), password.size(), ops_limit, mem_limit);
  }
  if (rc != 0) {
    return Error{ErrorCode::kInternal, "not enough memory to hash the password", {}};
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  InitSodium();
  // libsodium reads the hash as a NUL-terminated string.
  if (hash.size() >= crypto_pwhash_argon2id_STRBYTES || hash.find('\0') != std::string_view::npos) {
    return false;
  }
  const std::string hash_z(hash);
  HashSlot slot;
  return crypto_pwhash_argon2id_str_verify(hash_z.c_str(), password.data(), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view hash) {
  InitSodium();
  if (hash.size() >= crypto_pwhash_argon2id_STRBYTES) return true;
  const std::string hash_z(hash);
  // 1: other costs; -1: not an argon2id hash at all (an older algorithm, say).
  return crypto_pwhash_argon2id_str_needs_rehash(hash_z.c_str(), kPasswordOpsLimit,
                                                 kPasswordMemLimit) != 0;
}

void BurnPasswordVerify(std::string_view password) {
  // If memory ran out on first use the hash is empty and the burn is short: logins then
  // fail anyway.
  static const std::string burn_hash = [] {
    Result<std::string> hash = HashPassword("tpmkit: no such user");
    return hash.ok() ? std::move(hash).value() : std::string();
  }();
  (void)VerifyPassword(burn_hash, password);
}

}  // namespace tpmkit
