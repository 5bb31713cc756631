// The tornado of sensitivity: the tasks whose durations move the finish most, one bar
// each from a centre line at 0, largest at the top; a bar to the right means a longer task
// makes a later finish (the usual case), to the left an earlier one.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct TornadoBar {
  std::string label;  // shortened with "…" to fit the label column
  double value = 0;   // -1..1 (clamped); not finite: left out
};

struct TornadoInput {
  std::vector<TornadoBar> bars;  // any order: drawn by |value|, largest first, ties as given
  int max_bars = 10;             // at least 1; the rest are left out (and counted)
  std::string axis_label = "Correlation of the task's duration with the finish";
};

// The chart as an SVG document; the default id is "tornado". The scale runs from -m to m,
// m the largest |value| rounded up to a tenth (at least 0.1). Its height follows the bars
// (room for at least three): 28 px each while that fits in `options.height`, less down to
// 16 px, and beyond that the chart grows taller than `options.height`.
// Bars of 0 are drawn as none; with no bar it says "No task moves the finish".
std::string TornadoChart(const TornadoInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
