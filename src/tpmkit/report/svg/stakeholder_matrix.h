// The stakeholder matrix: each stakeholder placed by impact (columns 1..5) and influence
// (rows 1..5, 5 at the top), in the quadrants of computations.md section 6 (split at 4):
// "Manage closely", "Keep satisfied", "Keep informed", "Monitor". Stance shows as colour
// and shape, an overdue contact as a ring, so that the chart reads in grey.
#pragma once

#include <string>
#include <vector>

#include "tpmkit/report/svg/svg_writer.h"

namespace tpmkit::report::svg {

enum class StakeholderStance { kSupportive, kNeutral, kResistant };

struct StakeholderPoint {
  std::string label;
  int influence = 1;  // 1..5, clamped
  int impact = 1;     // 1..5, clamped
  StakeholderStance stance = StakeholderStance::kNeutral;
  bool overdue = false;  // the next contact is past due
};

struct StakeholderMatrixInput {
  // Stakeholders sharing a cell are listed one under another in the given order; when the
  // cell is full the last line says "+N more".
  std::vector<StakeholderPoint> stakeholders;
};

// The matrix as an SVG document; the default id is "stakeholder-matrix".
std::string StakeholderMatrix(const StakeholderMatrixInput& input,
                              const ChartOptions& options = {});

}  // namespace tpmkit::report::svg
