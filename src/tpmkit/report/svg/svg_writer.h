// The small SVG writer under every chart of report/svg: an element builder whose attribute
// values and text are always escaped, whose numbers are deterministic, and whose root is
// accessible (<title>, <desc>, role="img"). It writes no <script>, no <style> and no
// style="" attribute (the web app's CSP forbids inline styles): presentation attributes only.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace tpmkit::report::svg {

// Options every chart takes. The size is in CSS pixels (also the viewBox); see SizeOf.
struct ChartOptions {
  double width = 640;
  double height = 320;
  // The id of the chart in its page (the <title> and <desc> ids derive from it); charts
  // that share a page need distinct ids. Empty: the chart's own default ("finish-chart").
  // Characters other than ASCII letters, digits, '-' and '_' become '-'.
  std::string id;
  // The accessible title; empty: the chart's own default ("Finish date forecast").
  std::string title;
};

// The size a chart takes from `options`: at least 200 x 120, so that the plot area never
// collapses, and at most 10,000 x 10,000; a value that is not finite is the default
// (640 or 320).
struct ChartSize {
  double width = 640;
  double height = 320;
};
ChartSize SizeOf(const ChartOptions& options);

// `v` as an SVG number: fixed point, at most two decimals, trailing zeros dropped, never
// "-0" and never an exponent; independent of the locale. A value that is not finite is
// written "0" and magnitudes are capped at 1e9, so no output ever holds NaN or inf.
std::string Num(double v);

// `text` made safe for XML text and attribute values: & < > " ' become entities, control
// characters other than tab and newline become spaces (XML 1.0 cannot hold them), and
// bytes that are not valid UTF-8 become U+FFFD. Linear in the text.
std::string Escape(std::string_view text);

// `text` cut to at most `max_chars` code points, the last of them "…" when it was cut;
// unchanged when it fits. `max_chars` below 1 is taken as 1. Invalid UTF-8 bytes count as
// one code point each (Escape replaces them later).
std::string Shorten(std::string_view text, int max_chars);

// The number of code points of `text` (invalid bytes count one each).
int CodePoints(std::string_view text);

// A layout estimate of the width of `text` at `font_size` px in the charts' sans-serif
// face (an average glyph of 0.6 em, on the generous side so that labels do not touch).
double TextWidth(std::string_view text, double font_size);

// The code points of `text` that fit in `width` px at `font_size` (at least 1).
int CharsThatFit(double width, double font_size);

// One attribute. The name is a constant of the caller's; the value is escaped on output.
struct Attr {
  Attr(std::string_view n, std::string_view v) : name(n), value(v) {}
  Attr(std::string_view n, const char* v) : name(n), value(v) {}
  Attr(std::string_view n, const std::string& v) : name(n), value(v) {}
  Attr(std::string_view n, double v) : name(n), value(Num(v)) {}
  Attr(std::string_view n, int v) : name(n), value(std::to_string(v)) {}
  std::string_view name;
  std::string value;
};

// What the <svg> root says about itself.
struct DocumentInfo {
  double width = 640;
  double height = 320;
  std::string id;     // made a valid XML id, see ChartOptions::id
  std::string title;  // <title>, the accessible name
  std::string desc;   // <desc>, the accessible description (the numbers in words)
};

// Writes one SVG document, one element per line, indented by depth, so that golden files
// diff well. Elements left open are closed by Finish().
class Writer {
 public:
  // The size is raised to 200 x 120 when below (and taken as 640 x 320 when not finite),
  // but not capped: a roadmap may grow past SizeOf's limit.
  // Opens <svg> with xmlns, width, height, viewBox, role="img", aria-labelledby,
  // aria-describedby and the default font, then writes <title>, <desc> and a white
  // background (PDF and email clients would otherwise show the page behind the chart).
  explicit Writer(const DocumentInfo& info);

  // <name attrs...> ... until Close(). Names and attribute names are the caller's
  // constants; "script", "style" and "style=" are refused by CHECK (a bug, never input).
  Writer& Open(std::string_view name, std::initializer_list<Attr> attrs = {});
  Writer& Close();
  // <name attrs.../>
  Writer& Empty(std::string_view name, std::initializer_list<Attr> attrs);
  // <name attrs...>text</name>, the text escaped.
  Writer& WithText(std::string_view name, std::initializer_list<Attr> attrs, std::string_view text);
  // <text attrs...>text</text>.
  Writer& Text(std::initializer_list<Attr> attrs, std::string_view text) {
    return WithText("text", attrs, text);
  }

  // The document, every open element closed. The writer is spent afterwards.
  std::string Finish();

 private:
  void StartTag(std::string_view name, std::initializer_list<Attr> attrs);

  std::string out_;
  std::vector<std::string> open_;
};

// An SVG points list "x1,y1 x2,y2 ..." for <polyline>/<polygon>.
struct Point {
  double x = 0;
  double y = 0;
};
std::string Points(const std::vector<Point>& points);

// The valid XML id for `id`, or `fallback` when `id` is empty.
std::string ChartId(std::string_view id, std::string_view fallback);

}  // namespace tpmkit::report::svg
