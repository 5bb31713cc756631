#include "tpmkit/report/svg/heat_map.h"

#include <fmt/format.h>

#include <algorithm>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kIdFont = 9;
constexpr double kIdLine = 11;
constexpr size_t kMaxIdsConsidered = 64;  // a cell never shows more; the rest is "+N"
constexpr int kMaxIdChars = 12;           // one long id must not crowd out the others

std::string_view BandColor(HeatBand b) {
  switch (b) {
    case HeatBand::kLow:
      return palette::kLow;
    case HeatBand::kModerate:
      return palette::kModerate;
    case HeatBand::kHigh:
      return palette::kHigh;
    case HeatBand::kCritical:
      return palette::kCritical;
  }
  return palette::kLow;
}

std::string_view TextColor(HeatBand b) {
  return b == HeatBand::kCritical ? palette::kOnDark : palette::kInk;
}

// The first `shown` ids laid out in lines of at most `chars` code points, followed by
// "+N" for the others; empty when they do not fit in `max_lines`.
std::vector<std::string> IdLines(const std::vector<std::string>& ids, size_t shown, int chars,
                                 int max_lines) {
  std::vector<std::string> lines;
  auto place = [&](const std::string& piece) {
    if (!lines.empty() && CodePoints(lines.back()) + 2 + CodePoints(piece) <= chars) {
      lines.back() += ", " + piece;
      return true;
    }
    if (static_cast<int>(lines.size()) >= max_lines) return false;
    lines.push_back(piece);
    return true;
  };
  for (size_t i = 0; i < shown; ++i) {
    if (!place(Shorten(ids[i], std::min(chars, kMaxIdChars)))) return {};
  }
  if (shown < ids.size()) {
    std::string more = fmt::format("+{}", ids.size() - shown);
    // "+N" joins its line with a space rather than a comma: it is not an id.
    if (!lines.empty() && CodePoints(lines.back()) + 1 + CodePoints(more) <= chars) {
      lines.back() += " " + more;
    } else if (static_cast<int>(lines.size()) < max_lines) {
      lines.push_back(more);
    } else {
      return {};
    }
  }
  return lines;
}

std::vector<std::string> FitIds(const std::vector<std::string>& ids, int chars, int max_lines) {
  if (ids.empty() || max_lines < 1) return {};
  size_t most = std::min(ids.size(), kMaxIdsConsidered);
  for (size_t shown = most + 1; shown-- > 0;) {
    auto lines = IdLines(ids, shown, chars, max_lines);
    if (!lines.empty()) return lines;
  }
  return {};
}

std::string Description(const HeatMapInput& in) {
  int total = 0;
  std::array<int, 4> per_band{};
  std::string cells;
  for (int l = 5; l >= 1; --l) {
    for (int s = 5; s >= 1; --s) {
      int n = std::max(0, in.counts[l - 1][s - 1]);
      if (n == 0) continue;
      total += n;
      per_band[static_cast<int>(HeatBandOf(l * s))] += n;
      cells += fmt::format(" Likelihood {}, severity {}: {}.", l, s, n);
    }
  }
  if (total == 0) return "No open risks.";
  return fmt::format(
      "{} open risk{} by likelihood and severity: {} critical, {} high, {} moderate, {} low.{}",
      total, total == 1 ? "" : "s", per_band[3], per_band[2], per_band[1], per_band[0], cells);
}

}  // namespace

HeatBand HeatBandOf(int score) {
  if (score <= 4) return HeatBand::kLow;
  if (score <= 9) return HeatBand::kModerate;
  if (score <= 16) return HeatBand::kHigh;
  return HeatBand::kCritical;
}

std::string_view HeatBandName(HeatBand band) {
  switch (band) {
    case HeatBand::kLow:
      return "Low";
    case HeatBand::kModerate:
      return "Moderate";
    case HeatBand::kHigh:
      return "High";
    case HeatBand::kCritical:
      return "Critical";
  }
  return "Low";
}

std::string HeatMap(const HeatMapInput& input, const ChartOptions& options) {
  const auto [width, height] = SizeOf(options);
  Writer w({width, height, ChartId(options.id, "heat-map"),
            options.title.empty() ? "Risk heat map" : options.title, Description(input)});

  // The legend takes the right side when there is room for it.
  const double legend_width = width >= 400 ? 124 : 0;
  PlotArea grid{44, 10, width - 10 - legend_width, height - 38};
  const double cw = grid.width() / 5;
  const double ch = grid.height() / 5;

  int total = 0;
  w.Open("g", {{"text-anchor", "middle"}});
  for (int l = 1; l <= 5; ++l) {
    for (int s = 1; s <= 5; ++s) {
      HeatBand band = HeatBandOf(l * s);
      double x = grid.left + (s - 1) * cw;
      double y = grid.top + (5 - l) * ch;
      int n = std::max(0, input.counts[l - 1][s - 1]);
      // A cell with risks may link to them; its name says where the link goes.
      const std::string href = n > 0 && input.link ? input.link(l, s) : "";
      if (!href.empty()) {
        w.Open("a", {{"href", href},
                     {"aria-label", fmt::format("Likelihood {}, severity {}: {} risk{}", l, s, n,
                                                n == 1 ? "" : "s")}});
      }
      w.Empty("rect", {{"x", x},
                       {"y", y},
                       {"width", cw},
                       {"height", ch},
                       {"fill", BandColor(band)},
                       {"stroke", palette::kBackground},
                       {"stroke-width", 2}});
      total += n;
      const auto& ids = input.ids[l - 1][s - 1];
      int max_lines = static_cast<int>((ch - 24) / kIdLine);
      auto lines = FitIds(ids, CharsThatFit(cw - 8, kIdFont), max_lines);
      double cx = x + cw / 2;
      if (n > 0) {
        double count_y = lines.empty() ? y + ch / 2 + 5 : y + 17;
        w.Text({{"x", cx},
                {"y", count_y},
                {"font-size", 14},
                {"font-weight", "bold"},
                {"fill", TextColor(band)}},
               std::to_string(n));
      }
      for (size_t i = 0; i < lines.size(); ++i) {
        w.Text({{"x", cx},
                {"y", y + 30 + static_cast<double>(i) * kIdLine},
                {"font-size", kIdFont},
                {"fill", TextColor(band)}},
               lines[i]);
      }
      if (!href.empty()) w.Close();
    }
  }
  w.Close();

  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}, {"text-anchor", "middle"}});
  for (int l = 1; l <= 5; ++l) {
    w.Text({{"x", grid.left - 10}, {"y", grid.top + (5 - l) * ch + ch / 2 + 4}}, std::to_string(l));
  }
  for (int s = 1; s <= 5; ++s) {
    w.Text({{"x", grid.left + (s - 0.5) * cw}, {"y", grid.bottom + 14}}, std::to_string(s));
  }
  const double mid_y = (grid.top + grid.bottom) / 2;
  w.Text({{"x", 14}, {"y", mid_y}, {"transform", "rotate(-90 14 " + Num(mid_y) + ")"}},
         "Likelihood");
  w.Text({{"x", (grid.left + grid.right) / 2}, {"y", grid.bottom + 30}}, "Severity");
  w.Close();

  if (legend_width > 0) {
    const double lx = grid.right + 16;
    w.Open("g", {{"font-size", kLabelFont}});
    w.Text({{"x", lx}, {"y", grid.top + 10}, {"font-weight", "bold"}}, "Score band");
    struct Row {
      HeatBand band;
      std::string_view range;
    };
    const Row rows[] = {{HeatBand::kCritical,
                         "20\xe2\x80\x93"
                         "25"},
                        {HeatBand::kHigh,
                         "10\xe2\x80\x93"
                         "16"},
                        {HeatBand::kModerate,
                         "5\xe2\x80\x93"
                         "9"},
                        {HeatBand::kLow,
                         "1\xe2\x80\x93"
                         "4"}};
    double ly = grid.top + 20;
    for (const Row& r : rows) {
      w.Empty("rect",
              {{"x", lx}, {"y", ly}, {"width", 12}, {"height", 12}, {"fill", BandColor(r.band)}});
      w.Text({{"x", lx + 18}, {"y", ly + 10}},
             std::string(HeatBandName(r.band)) + " " + std::string(r.range));
      ly += 18;
    }
    w.Text({{"x", lx}, {"y", ly + 14}, {"fill", palette::kMuted}}, "Score = likelihood");
    w.Text({{"x", lx}, {"y", ly + 27}, {"fill", palette::kMuted}}, "\xc3\x97 severity");
    w.Text({{"x", lx}, {"y", ly + 46}, {"fill", palette::kMuted}},
           fmt::format("{} open risk{}", total, total == 1 ? "" : "s"));
    w.Close();
  }
  return w.Finish();
}

}  // namespace tpmkit::report::svg
