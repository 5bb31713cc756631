// The scorecard trend: the program's risk score (0..100) at each assessment, over the
// bands of computations.md section 4 (low < 25 <= moderate < 50 <= high < 75 <= critical),
// the last score labelled with its band.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct TrendPoint {
  Date date;
  double score = 0;  // 0..100; clamped, and left out when not finite
};

struct TrendChartInput {
  std::vector<TrendPoint> points;  // drawn in date order (ties in the given order)
};

// The trend as an SVG document; the default id is "trend-chart". With no points it is an
// empty chart that says "No assessments yet"; one point is a single labelled dot.
std::string TrendChart(const TrendChartInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
