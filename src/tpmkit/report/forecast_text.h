// The Monte Carlo forecast for people (percentiles, the chance of making the target and
// text tornados of the most critical and most sensitive tasks) and as the JSON document
// of `tpmkit forecast --json` (spec/cli.md).
#pragma once

#include <string>

#include "tpmkit/model/program.h"
#include "tpmkit/plan/forecast.h"

namespace tpmkit::report {

struct ForecastTextOptions {
  bool color = false;  // ANSI colour; the CLI turns it on for a terminal only
  int width = 80;      // total width of the tornado rows (at least 40 is used)
  int top = 10;        // tasks listed in each tornado
};

// `forecast` must come from `program` (tasks in file order) and not be cancelled.
// The tornados list tasks with a non-zero value, largest first (ties in file order);
// bars are proportional to the criticality (0..1) and to |sensitivity| (0..1).
std::string ForecastText(const model::Program& program, const plan::Forecast& forecast,
                         const ForecastTextOptions& options = {});

// {"iterations","seed","target","p_on_time",
//  "finish":{"p10","p50","p80","p90","mean"},                     (dates)
//  "finish_positions":{"p10","p50","p80","p90","mean"},           (real working-day positions)
//  "tasks":[{"id","criticality","sensitivity"}]}. Absent values null.
std::string ForecastJson(const model::Program& program, const plan::Forecast& forecast);

}  // namespace tpmkit::report
