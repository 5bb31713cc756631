// The earned value S-curves: planned value (PV) to the planned finish, earned value (EV)
// and actual cost (AC) to the status date, all cumulative, with the budget at completion
// (BAC), an optional approved budget and the status date; money in short labels
// ("1.25M USD").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct MoneyPoint {
  Date date;
  double value = 0;  // cumulative, in whole currency units (not cents)
};

struct EvmChartInput {
  std::string currency;  // ISO code shown after every amount, e.g. "USD"
  // Each series is drawn in date order (ties in the given order); points whose value is not
  // finite are left out, and values below 0 are drawn at 0.
  std::vector<MoneyPoint> pv;    // the whole planned curve, to the planned finish
  std::vector<MoneyPoint> ev;    // up to the status date
  std::vector<MoneyPoint> ac;    // up to the status date
  double bac = 0;                // budget at completion, a horizontal line when > 0
  std::optional<double> budget;  // an approved budget, when it differs from BAC
  std::optional<Date> status_date;
};

// The chart as an SVG document; the default id is "evm-chart". With no series it says
// "No earned value data yet".
std::string EvmChart(const EvmChartInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
