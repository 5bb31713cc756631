// The milestone roadmap: one row per milestone, in the given order, on a date axis; the
// planned date as a hollow diamond, a different forecast as a filled one joined to it, a
// done milestone with a check mark, a missed deadline in red with the word "missed";
// the target and the status date as vertical lines.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

struct RoadmapMilestone {
  std::string label;  // shortened with "…" to fit the label column
  Date planned;
  std::optional<Date> forecast;  // or the actual date of a done milestone
  bool done = false;
  bool deadline_missed = false;
};

struct RoadmapInput {
  std::vector<RoadmapMilestone> milestones;  // one row each, top to bottom as given
  std::optional<Date> target;
  std::optional<Date> status_date;
};

// The roadmap as an SVG document; the default id is "roadmap". Its height follows the rows
// (room for at least three): 28 px each while that fits in `options.height`, less down to
// 16 px, and beyond that the chart grows taller than `options.height`; never below 120 px.
// With no milestones it says "No milestones yet".
std::string Roadmap(const RoadmapInput& input, const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
