#include "tpmkit/server/web/assets.h"

#include <array>

#include "tpmkit/base/check.h"

namespace tpmkit::server::web {

namespace {

struct EmbeddedAsset {
  const char* name;
  const char* hash;
  const char* type;
  std::string_view text;
};

// Raw string literals with the text of each file; see cmake/TpmkitWeb.cmake.
constexpr EmbeddedAsset kEmbedded[] = {
#include "tpmkit_web_assets.inc"
};

const std::array<Asset, std::size(kEmbedded)>& Assets() {
  static const auto assets = [] {
    std::array<Asset, std::size(kEmbedded)> out;
    for (size_t i = 0; i < std::size(kEmbedded); ++i) {
      const auto& e = kEmbedded[i];
      out[i] = {e.name, e.hash, std::string(e.type) + "; charset=utf-8", e.text};
    }
    return out;
  }();
  return assets;
}

// "app.css" + hash -> "app.HASH.css".
std::string HashedName(const Asset& a) {
  const auto dot = a.name.find('.');
  return std::string(a.name.substr(0, dot)) + "." + std::string(a.hash) +
         std::string(a.name.substr(dot));
}

}  // namespace

FoundAsset FindAsset(std::string_view file) {
  for (const auto& a : Assets()) {
    if (file == a.name) return {&a, false};
    if (file == HashedName(a)) return {&a, true};
  }
  return {};
}

std::string AssetUrl(std::string_view name) {
  for (const auto& a : Assets()) {
    if (a.name == name) return "/static/" + HashedName(a);
  }
  TPMKIT_CHECK(false && "unknown asset");
  return "";
}

}  // namespace tpmkit::server::web
