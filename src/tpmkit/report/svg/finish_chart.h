// The finish S-curve: the chance of finishing by each date (the cumulative distribution of
// a Monte Carlo forecast), with the P50/P80/P90 dates, the target and its chance, last
// week's P80 and the status date as labelled vertical lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct FinishPoint {
  Date date;
  double share = 0;  // the chance of finishing on or before `date`, 0..1
};

struct FinishChartInput {
  // The curve, e.g. the 100 percentile points of a forecast. Drawn in date order (ties in
  // the given order); shares are clamped to 0..1 and made non-decreasing; points with a
  // share that is not finite are left out.
  std::vector<FinishPoint> cumulative;
  std::optional<Date> p50;
  std::optional<Date> p80;
  std::optional<Date> p90;
  std::optional<Date> target;
  std::optional<double> target_chance;  // 0..1, shown with the target line
  std::optional<Date> last_week_p80;    // dashed
  std::optional<Date> status_date;
};

// The chart as an SVG document; the default id is "finish-chart". With no curve and no
// dates it says "No forecast yet". Deterministic: the same input gives the same bytes.
std::string FinishChart(const FinishChartInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
