#include "tpmkit/report/svg/svg_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/base/check.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMaxMagnitude = 1e9;
constexpr double kMinWidth = 200;
constexpr double kMinHeight = 120;
constexpr double kMaxSide = 10'000;

// The length of the valid UTF-8 sequence that starts at text[i], or 0 when the bytes there
// are not one (stray continuation, overlong form, surrogate, beyond U+10FFFF, truncated).
size_t Utf8Length(std::string_view text, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t len = 0;
  unsigned int cp = 0;
  if (c >= 0xc2 && c <= 0xdf) {
    len = 2;
    cp = c & 0x1f;
  } else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    cp = c & 0x0f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  for (size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3f);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) return 0;  // overlong
  if (cp >= 0xd800 && cp <= 0xdfff) return 0;                            // surrogate
  if (cp > 0x10ffff) return 0;
  // U+FFFE and U+FFFF are not XML characters.
  if (cp == 0xfffe || cp == 0xffff) return 0;
  return len;
}

// The byte length of the code point at text[i] for counting: invalid bytes count alone.
size_t StepLength(std::string_view text, size_t i) {
  size_t len = Utf8Length(text, i);
  return len == 0 ? 1 : len;
}

bool IsSafeName(std::string_view name) {
  if (name.empty()) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == ':' || c == '_';
  });
}

}  // namespace

ChartSize SizeOf(const ChartOptions& options) {
  ChartSize size;
  if (std::isfinite(options.width)) size.width = std::clamp(options.width, kMinWidth, kMaxSide);
  if (std::isfinite(options.height)) {
    size.height = std::clamp(options.height, kMinHeight, kMaxSide);
  }
  return size;
}

std::string Num(double v) {
  if (!std::isfinite(v)) v = 0;
  v = std::clamp(v, -kMaxMagnitude, kMaxMagnitude);
  std::string s = fmt::format("{:.2f}", v);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char c = text[i];
    switch (c) {
      case '&':
        out += "&amp;";
        ++i;
        continue;
      case '<':
        out += "&lt;";
        ++i;
        continue;
      case '>':
        out += "&gt;";
        ++i;
        continue;
      case '"':
        out += "&quot;";
        ++i;
        continue;
      case '\'':
        out += "&apos;";
        ++i;
        continue;
      default:
        break;
    }
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20) {
      out += (c == '\t' || c == '\n') ? c : ' ';
      ++i;
      continue;
    }
    size_t len = Utf8Length(text, i);
    if (len == 0) {
      out += "\xef\xbf\xbd";  // U+FFFD
      ++i;
      continue;
    }
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

int CodePoints(std::string_view text) {
  int n = 0;
  for (size_t i = 0; i < text.size(); i += StepLength(text, i)) ++n;
  return n;
}

std::string Shorten(std::string_view text, int max_chars) {
  max_chars = std::max(max_chars, 1);
  if (CodePoints(text) <= max_chars) return std::string(text);
  size_t i = 0;
  for (int n = 0; n < max_chars - 1; ++n) i += StepLength(text, i);
  std::string out(text.substr(0, i));
  // A cut right after a space would leave "word …"; the ellipsis reads better attached.
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\xe2\x80\xa6";  // U+2026
}

double TextWidth(std::string_view text, double font_size) {
  return CodePoints(text) * font_size * 0.6;
}

int CharsThatFit(double width, double font_size) {
  if (!(width > 0) || !(font_size > 0)) return 1;
  return std::max(1, static_cast<int>(std::floor(width / (font_size * 0.6))));
}

std::string Points(const std::vector<Point>& points) {
  std::string out;
  for (const Point& p : points) {
    if (!out.empty()) out += ' ';
    out += Num(p.x);
    out += ',';
    out += Num(p.y);
  }
  return out;
}

std::string ChartId(std::string_view id, std::string_view fallback) {
  std::string out(id.empty() ? fallback : id);
  for (char& c : out) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) c = '-';
  }
  // An XML id starts with a letter or '_'.
  if (out.empty() ||
      !((out[0] >= 'a' && out[0] <= 'z') || (out[0] >= 'A' && out[0] <= 'Z') || out[0] == '_')) {
    out = "chart-" + out;
  }
  return out;
}

Writer::Writer(const DocumentInfo& info) {
  double w = std::isfinite(info.width) ? std::max(info.width, kMinWidth) : 640;
  double h = std::isfinite(info.height) ? std::max(info.height, kMinHeight) : 320;
  std::string id = ChartId(info.id, "chart");
  Open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
               {"width", w},
               {"height", h},
               {"viewBox", "0 0 " + Num(w) + " " + Num(h)},
               {"role", "img"},
               {"aria-labelledby", id + "-title"},
               {"aria-describedby", id + "-desc"},
               {"id", id},
               {"font-family", "Helvetica, Arial, sans-serif"},
               {"font-size", 11},
               {"fill", palette::kInk}});
  WithText("title", {{"id", id + "-title"}}, info.title);
  WithText("desc", {{"id", id + "-desc"}}, info.desc);
  Empty("rect", {{"width", w}, {"height", h}, {"fill", palette::kBackground}});
}

void Writer::StartTag(std::string_view name, std::initializer_list<Attr> attrs) {
  TPMKIT_CHECK(IsSafeName(name) && name != "script" && name != "style");
  out_.append(open_.size() * 2, ' ');
  out_ += '<';
  out_ += name;
  for (const Attr& a : attrs) {
    TPMKIT_CHECK(IsSafeName(a.name) && a.name != "style" && a.name.substr(0, 2) != "on");
    out_ += ' ';
    out_ += a.name;
    out_ += "=\"";
    out_ += Escape(a.value);
    out_ += '"';
  }
}

Writer& Writer::Open(std::string_view name, std::initializer_list<Attr> attrs) {
  StartTag(name, attrs);
  out_ += ">\n";
  open_.emplace_back(name);
  return *this;
}

Writer& Writer::Close() {
  TPMKIT_CHECK(!open_.empty());
  std::string name = std::move(open_.back());
  open_.pop_back();
  out_.append(open_.size() * 2, ' ');
  out_ += "</" + name + ">\n";
  return *this;
}

Writer& Writer::Empty(std::string_view name, std::initializer_list<Attr> attrs) {
  StartTag(name, attrs);
  out_ += "/>\n";
  return *this;
}

Writer& Writer::WithText(std::string_view name, std::initializer_list<Attr> attrs,
                         std::string_view text) {
  StartTag(name, attrs);
  out_ += '>';
  out_ += Escape(text);
  out_ += "</";
  out_ += name;
  out_ += ">\n";
  return *this;
}

std::string Writer::Finish() {
  while (!open_.empty()) Close();
  return std::move(out_);
}

}  // namespace tpmkit::report::svg
