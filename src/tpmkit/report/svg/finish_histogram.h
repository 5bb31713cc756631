// The finish histogram: how the simulated finish dates of a Monte Carlo forecast spread,
// as bars of the share of finishes in each span of days, with the P50/P80/P90 dates and
// the target (with its chance) as labelled lines. Bars by the target are blue, those after
// it orange; the target line between them says the same without colour.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct FinishHistogramInput {
  // Finish dates of equal weight, e.g. the 100 percentile dates of a forecast (each stands
  // for 1% of the iterations) or every iteration's finish. Any order.
  std::vector<Date> finishes;
  std::optional<Date> p50;
  std::optional<Date> p80;
  std::optional<Date> p90;
  std::optional<Date> target;
  std::optional<double> target_chance;  // 0..1, shown with the target line
};

// The chart as an SVG document; the default id is "finish-histogram". Bins are one day
// when that makes at most 24 bars, each at least 12 px wide, else the fewest whole weeks
// that do (so that weekends never show as gaps). The first starts on the earliest finish,
// or up to a bin earlier so that, with a target, a bin ends on the target's day. With no
// finishes it says "No forecast yet".
std::string FinishHistogram(const FinishHistogramInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
