#include "tpmkit/report/svg/tornado_chart.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "tpmkit/report/svg/chart_parts.h"
#include "tpmkit/report/svg/palette.h"

namespace tpmkit::report::svg {
namespace {

constexpr double kMinRow = 16;
constexpr double kMaxRow = 28;
constexpr double kRowFont = 10;

std::string Signed(double v) { return (v > 0 ? "+" : "") + fmt::format("{:.2f}", v); }

std::vector<TornadoBar> Ranked(const TornadoInput& in) {
  std::vector<TornadoBar> bars;
  for (const TornadoBar& b : in.bars) {
    if (std::isfinite(b.value) && b.value != 0)
      bars.push_back({b.label, std::clamp(b.value, -1.0, 1.0)});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const TornadoBar& a, const TornadoBar& b) {
    return std::abs(a.value) > std::abs(b.value);
  });
  return bars;
}

std::string Description(const std::vector<TornadoBar>& bars, size_t shown) {
  if (bars.empty()) return "No task moves the finish.";
  std::string d = fmt::format("The {} task{} whose durations move the finish most:", shown,
                              shown == 1 ? "" : "s");
  for (size_t i = 0; i < shown; ++i) {
    d += fmt::format("{} {} {}", i == 0 ? "" : ";", bars[i].label, Signed(bars[i].value));
  }
  d += ".";
  if (shown < bars.size()) d += fmt::format(" {} more left out.", bars.size() - shown);
  return d;
}

}  // namespace

std::string TornadoChart(const TornadoInput& input, const ChartOptions& options) {
  const double width = SizeOf(options).width;
  const std::vector<TornadoBar> bars = Ranked(input);
  const size_t shown = std::min(bars.size(), static_cast<size_t>(std::max(1, input.max_bars)));

  double widest = 0;
  for (size_t i = 0; i < shown; ++i) widest = std::max(widest, TextWidth(bars[i].label, kRowFont));
  const double label_width = std::clamp(widest, 40.0, width / 3);
  PlotArea plot{label_width + 16, 12, width - 16, 0};
  const double n = static_cast<double>(std::max<size_t>(shown, 3));
  const double bottom_room = shown < bars.size() ? 54 : 40;  // the axis, and the note
  // Rows of kMaxRow while they fit in options.height, less down to kMinRow, then the
  // chart grows.
  const double row_h =
      std::clamp((SizeOf(options).height - plot.top - bottom_room) / n, kMinRow, kMaxRow);
  const double height = std::max(120.0, plot.top + n * row_h + bottom_room);
  plot.bottom = height - bottom_room;

  Writer w({width, height, ChartId(options.id, "tornado"),
            options.title.empty() ? "Sensitivity of the finish" : options.title,
            Description(bars, shown)});

  // A symmetric scale from -m to m, m a tenth at least, so that a weak correlation does
  // not look as strong as a full one.
  double m = 0.1;
  for (size_t i = 0; i < shown; ++i)
    m = std::max(m, std::ceil(std::abs(bars[i].value) * 10 - 1e-9) / 10);
  // Room each side for the value written beside its bar.
  const double value_room = TextWidth("+0.00", kLabelFont) + 6;
  Scale x{-m, m, plot.left + value_room, plot.right - value_room};

  // Ticks at -m, -m/2, 0, m/2, m.
  w.Open("g", {{"font-size", kTickFont}, {"fill", palette::kMuted}, {"text-anchor", "middle"}});
  for (double t : {-m, -m / 2, 0.0, m / 2, m}) {
    const double tx = x(t);
    w.Empty("line", {{"x1", tx},
                     {"y1", plot.top},
                     {"x2", tx},
                     {"y2", plot.bottom},
                     {"stroke", t == 0 ? palette::kMuted : palette::kGrid},
                     {"stroke-width", 1}});
    w.Text({{"x", tx}, {"y", plot.bottom + 15}}, t == 0 ? "0" : Signed(t));
  }
  w.Text({{"x", x(0)}, {"y", plot.bottom + 31}}, input.axis_label);
  w.Close();

  if (shown == 0) {
    DrawNote(w, plot, "No task moves the finish");
    return w.Finish();
  }
  const int chars = CharsThatFit(label_width, kRowFont);
  const double bar_h = std::min(14.0, row_h * 0.64);
  for (size_t i = 0; i < shown; ++i) {
    const TornadoBar& b = bars[i];
    const double cy = plot.top + (static_cast<double>(i) + 0.5) * row_h;
    w.Text({{"x", 8}, {"y", cy + 3.5}, {"font-size", kRowFont}}, Shorten(b.label, chars));
    const double x0 = x(0);
    const double x1 = x(b.value);
    w.Empty("rect", {{"x", std::min(x0, x1)},
                     {"y", cy - bar_h / 2},
                     {"width", std::max(1.0, std::abs(x1 - x0))},
                     {"height", bar_h},
                     {"fill", b.value > 0 ? palette::kBlue : palette::kBluishGreen}});
    w.Text({{"x", b.value > 0 ? x1 + 4 : x1 - 4},
            {"y", cy + 3.5},
            {"font-size", kLabelFont},
            {"text-anchor", b.value > 0 ? "start" : "end"}},
           Signed(b.value));
  }
  if (shown < bars.size()) {
    w.Text({{"x", 8}, {"y", height - 4}, {"font-size", kLabelFont}, {"fill", palette::kMuted}},
           fmt::format("{} more task{} with a smaller effect not shown.", bars.size() - shown,
                       bars.size() - shown == 1 ? "" : "s"));
  }
  return w.Finish();
}

}  // namespace tpmkit::report::svg
