// Deterministic generated programs for property tests and benchmarks.
#pragma once

#include <cstdint>
#include <string>

#include "tpmkit/model/program.h"

namespace tpmkit::testing {

struct GenerateOptions {
  int tasks = 100;
  int projects = 3;
  double links_per_task = 3;  // average predecessors per task (all links point backwards)
  uint64_t seed = 1;
  bool registers = true;       // risks, stakeholders, decisions, changes, audit, targets...
  bool progress = true;        // a status date with finished and in-progress tasks
  bool all_link_types = true;  // FS/SS/FF/SF with lags and leads (else FS, no lag)
};

// A valid program (model::Validate finds nothing) with the given shape. The same
// options give the same program.
model::Program GenerateProgram(const GenerateOptions& options);

// MS Project XML of `summaries` top-level summaries of `leaves` tasks each, each summary
// an FS successor of the one before: pairwise expansion needs (summaries - 1) * leaves^2
// links (the hostile summary-link case of issue 14).
std::string SummaryChainMspdi(int summaries, int leaves);

}  // namespace tpmkit::testing
