#include "tpmkit/server/multipart.h"

#include <boost/beast/core/string.hpp>

namespace tpmkit::server {

namespace {

constexpr size_t kMaxHeaderLine = 1024;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && boost::beast::iequals(s.substr(0, prefix.size()), prefix);
}

// The parameters of a header value after its first ';' ("form-data; name="a";
// filename="b.txt""), by lower-case key. Browsers percent-encode '"', CR and LF inside
// the quoted names (HTML's "multipart/form-data encoding algorithm"), so a quoted value
// ends at the next '"'.
std::vector<std::pair<std::string, std::string>> Parameters(std::string_view value) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    const size_t eq = value.find('=', i);
    if (eq == std::string_view::npos) break;
    std::string key(Trim(value.substr(i, eq - i)));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t j = eq + 1;
    std::string v;
    if (j < value.size() && value[j] == '"') {
      const size_t close = value.find('"', j + 1);
      if (close == std::string_view::npos) break;
      v = std::string(value.substr(j + 1, close - j - 1));
      j = close + 1;
    } else {
      const size_t semi = value.find(';', j);
      v = std::string(Trim(value.substr(j, semi == std::string_view::npos ? semi : semi - j)));
      j = semi == std::string_view::npos ? value.size() : semi;
    }
    out.emplace_back(std::move(key), std::move(v));
    i = value.find(';', j);
  }
  return out;
}

// Reads the headers of one part into `part`; false when one is malformed or the part
// has no form-data Content-Disposition with a name.
bool ReadHeaders(std::string_view headers, MultipartPart& part) {
  bool named = false;
  while (!headers.empty()) {
    const size_t end = headers.find("\r\n");
    const std::string_view line = headers.substr(0, end);
    headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
    if (line.size() > kMaxHeaderLine) return false;
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) return false;
    const std::string_view name = Trim(line.substr(0, colon));
    const std::string_view value = Trim(line.substr(colon + 1));
    if (boost::beast::iequals(name, "Content-Disposition")) {
      if (!StartsWithNoCase(value, "form-data")) return false;
      for (auto& [key, v] : Parameters(value)) {
        if (key == "name") {
          part.name = std::move(v);
          named = true;
        } else if (key == "filename") {
          part.filename = std::move(v);
        }
      }
    } else if (boost::beast::iequals(name, "Content-Type")) {
      part.content_type = std::string(value);
    }
  }
  return named;
}

}  // namespace

const MultipartPart* MultipartForm::Find(std::string_view name) const {
  for (const auto& p : parts) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

std::string MultipartForm::Value(std::string_view name) const {
  const auto* p = Find(name);
  return p ? p->data : std::string();
}

std::optional<std::string> MultipartBoundary(std::string_view content_type) {
  const std::string_view media = Trim(content_type.substr(0, content_type.find(';')));
  if (!boost::beast::iequals(media, "multipart/form-data")) return std::nullopt;
  for (auto& [key, value] : Parameters(content_type)) {
    if (key == "boundary") {
      if (value.empty() || value.size() > 70) return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

bool IsMultipartPost(const HttpRequest& request) {
  return MultipartBoundary(request[boost::beast::http::field::content_type]).has_value();
}

std::optional<MultipartForm> ParseMultipart(std::string_view body, std::string_view boundary,
                                            size_t max_parts) {
  if (boundary.empty()) return std::nullopt;
  const std::string delimiter = "--" + std::string(boundary);
  const std::string next_delimiter = "\r\n" + delimiter;
  size_t pos = 0;
  if (!body.starts_with(delimiter)) {
    // A preamble before the first delimiter is allowed and ignored.
    const size_t found = body.find(next_delimiter);
    if (found == std::string_view::npos) return std::nullopt;
    pos = found + 2;
  }
  MultipartForm form;
  while (true) {
    size_t at = pos + delimiter.size();
    if (body.substr(at, 2) == "--") return form;  // the closing delimiter; an epilogue is ignored
    while (at < body.size() && (body[at] == ' ' || body[at] == '\t')) ++at;
    if (body.substr(at, 2) != "\r\n") return std::nullopt;
    at += 2;
    if (form.parts.size() >= max_parts) return std::nullopt;
    MultipartPart part;
    size_t data_start = 0;
    if (body.substr(at, 2) == "\r\n") {
      data_start = at + 2;
    } else {
      const size_t blank = body.find("\r\n\r\n", at);
      if (blank == std::string_view::npos) return std::nullopt;
      if (!ReadHeaders(body.substr(at, blank - at), part)) return std::nullopt;
      data_start = blank + 4;
    }
    if (part.name.empty() && !part.filename) return std::nullopt;
    const size_t end = body.find(next_delimiter, data_start);
    if (end == std::string_view::npos) return std::nullopt;
    part.data = std::string(body.substr(data_start, end - data_start));
    form.parts.push_back(std::move(part));
    pos = end + 2;
  }
}

}  // namespace tpmkit::server
