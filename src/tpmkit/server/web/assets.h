// The web app's static files (web/app.css, web/favicon.svg and htmx), embedded into the binary at
// build time (cmake/TpmkitWeb.cmake). Each is served at /static/NAME and, for a year's caching, at
// /static/STEM.HASH.EXT, where HASH is from its content: a new build with a changed file
// has a new URL, so no browser keeps a stale copy.
#pragma once

#include <string>
#include <string_view>

namespace tpmkit::server::web {

struct Asset {
  std::string_view name;     // "app.css"
  std::string_view hash;     // 16 hex digits of the SHA-256 of the text
  std::string content_type;  // "text/css; charset=utf-8"
  std::string_view text;
};

struct FoundAsset {
  const Asset* asset = nullptr;  // nullptr: no such file
  bool hashed = false;           // asked for by the hashed name (cacheable for a year)
};

// The asset named `file` (the last segment of /static/FILE): its plain or hashed name.
FoundAsset FindAsset(std::string_view file);

// The URL of asset `name` with its hash ("/static/app.0123456789abcdef.css"). CHECKs that
// the asset exists (a bug otherwise: the names are the program's constants).
std::string AssetUrl(std::string_view name);

}  // namespace tpmkit::server::web
