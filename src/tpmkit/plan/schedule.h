// The critical path method on a compiled network (computations.md §2): early and late
// dates, floats, the critical path, float to the target and missed deadlines.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/network.h"

namespace tpmkit::plan {

struct ScheduleOptions {
  std::optional<Date> as_of;  // overrides program.status_date (--as-of)
};

struct TaskSchedule {
  // Working-day positions: the task occupies [early_start, early_finish).
  int32_t early_start = 0, early_finish = 0, late_start = 0, late_finish = 0;
  std::optional<int32_t> total_float;  // null for a finished task
  std::optional<int32_t> free_float;   // null for a finished task
  bool critical = false;
  Progress progress = Progress::kNotStarted;
  // Dates per §1 (a milestone's start and finish are the same day).
  Date start, finish;  // of early_start / early_finish
  Date late_start_date, late_finish_date;
  std::optional<int32_t> float_to_target;  // when the program has a target
  bool deadline_missed = false;
};

struct Schedule {
  int32_t finish_position = 0;  // F = max EF (0 without tasks)
  Date start;                   // day(0)
  Date finish;                  // day(F-1); day(0) when F = 0
  std::optional<Date> target;
  std::optional<Date> status_date;      // the one in force (as_of or the program's)
  std::vector<TaskSchedule> tasks;      // file order
  std::vector<uint32_t> critical_path;  // file indices, start first
};

// The raw passes, in topological order (Network indices): early[2k] = ES, early[2k+1] = EF,
// late[2k] = LS, late[2k+1] = LF. Reusing one CpmPasses across calls allocates nothing.
struct CpmPasses {
  std::vector<int32_t> early;
  std::vector<int32_t> late;
  int32_t finish = 0;
};

// Forward then backward pass. O(tasks + links), no allocation when `passes` is sized.
void RunForwardPass(const Network& net, CpmPasses& passes);
void RunBackwardPass(const Network& net, CpmPasses& passes);

// The full schedule of a compiled network.
Schedule ComputeSchedule(const Network& net);
// Compiles then schedules. Errors: those of Compile.
Result<Schedule> ComputeSchedule(const model::Program& program,
                                 const ScheduleOptions& options = {});

}  // namespace tpmkit::plan
