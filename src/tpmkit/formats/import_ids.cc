#include "tpmkit/formats/import_ids.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "tpmkit/base/limits.h"

namespace tpmkit::formats {

std::string Slug(std::string_view text) {
  std::string out;
  bool dash = false;
  for (unsigned char c : text) {
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(c));
    } else if (c == '_' && !out.empty()) {
      if (dash) out += '-';
      dash = false;
      out += '_';
    } else {
      dash = true;
    }
  }
  return out;
}

bool IsSlug(std::string_view s) {
  if (s.empty()) return false;
  auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(s[0])) return false;
  return std::all_of(s.begin(), s.end(),
                     [&](char c) { return ok_first(c) || c == '_' || c == '-'; });
}

bool IsPlainId(std::string_view s) {
  if (s.empty() || s.size() > 200 || limits::CheckText(s)) return false;
  return std::none_of(s.begin(), s.end(), [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7f || c == '.';
  });
}

std::string FileStem(const std::string& file_name) {
  std::string_view s = file_name;
  auto slash = s.find_last_of("/\\");
  if (slash != std::string_view::npos) s = s.substr(slash + 1);
  auto dot = s.rfind('.');
  if (dot != std::string_view::npos && dot > 0) s = s.substr(0, dot);
  return std::string(s);
}

std::string IdPool::Take(const std::string& wanted) {
  if (used_.insert(wanted).second) return wanted;
  for (int i = 2;; ++i) {
    std::string id = fmt::format("{}-{}", wanted, i);
    if (used_.insert(id).second) return id;
  }
}

}  // namespace tpmkit::formats
