// The 5x5 risk heat map: how many open risks sit at each likelihood (rows, 5 at the top)
// and severity (columns, 1 at the left), each cell coloured by the band of its score
// likelihood x severity, with the risks' ids in small text.
#pragma once

#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

// The band of a cell's score likelihood x severity (1..25): 1-4 low, 5-9 moderate,
// 10-16 high, 20-25 critical (scores below 1 are low, above 25 critical).
enum class HeatBand { kLow, kModerate, kHigh, kCritical };
HeatBand HeatBandOf(int score);
std::string_view HeatBandName(HeatBand band);  // "Low", "Moderate", "High", "Critical"

struct HeatMapInput {
  // counts[likelihood - 1][severity - 1], as computations.md section 4 defines the heat
  // map; negative counts are shown as 0.
  std::array<std::array<int, 5>, 5> counts{};
  // Optional, same indexing: the ids of the risks of each cell, shown in the order given,
  // each shortened to fit and the rest summed up as "+N" when the cell is full.
  std::array<std::array<std::vector<std::string>, 5>, 5> ids;
  // Optional: the address each cell with risks links to (e.g. the risk register filtered
  // to that cell), from its likelihood and severity 1..5. Empty: no links, as a printed
  // report or an email needs. An empty address leaves that cell without a link.
  std::function<std::string(int likelihood, int severity)> link;
};

// The heat map as an SVG document; the default id is "heat-map".
std::string HeatMap(const HeatMapInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
