// Earned value and earned schedule (computations.md section 5) as a pure function of a
// program and an as-of date: PV, EV, AC, BAC, the variances, indices and estimates at
// completion, and the earned-schedule measures (ES, SPI_t, IEAC_t).
#pragma once

#include <optional>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"

namespace tpmkit::plan {

// Where a task's planned dates come from.
enum class PlannedFrom { kBaseline, kEarlyDates };

// One task's planned interval, in working-day positions: it occupies [start, finish).
// A milestone (or a task planned over no working day) has start == finish and counts in
// full once `date` is on or before the as-of date.
struct PlannedTask {
  int32_t start = 0;
  int32_t finish = 0;
  Date date;  // the planned finish date (a milestone's date)
  double cost = 0;
  bool point = false;  // milestone, or no working day planned
  PlannedFrom from = PlannedFrom::kEarlyDates;
  double planned_value = 0;  // this task's PV at the as-of date
  double earned_value = 0;   // cost * percent_complete / 100
};

// Money values are in currency units (not cents). Ratios whose denominator is 0 are
// nullopt, as is any estimate built on such a ratio.
struct EvmResult {
  Date as_of;
  double pv = 0, ev = 0, ac = 0, bac = 0;
  double sv = 0, cv = 0;
  std::optional<double> spi, cpi;
  std::optional<double> eac, eac_atypical, eac_cpi_spi, etc, vac, tcpi;
  // Earned schedule, in working days from day 0 (program start).
  double earned_schedule = 0;
  int32_t actual_time = 0;          // AT = pos_end(as_of) + 1
  int32_t planned_duration = 0;     // PD = pos_end(latest planned finish) + 1
  std::optional<double> spi_t;      // ES / AT
  std::optional<double> ieac_t;     // PD / SPI_t, working days
  std::optional<Date> ieac_t_date;  // the date of working day ceil(IEAC_t) - 1
  Date planned_finish;              // the latest planned finish date
  int baseline_tasks = 0;           // tasks planned from their baseline
  std::vector<PlannedTask> tasks;   // file order
};

// Earned value of `program` as of `as_of` (the caller picks --as-of, else status_date).
// Planned dates: each task's baseline when given (a baseline with only a start or only
// a finish takes the other end from the planned duration), otherwise the early dates of
// the critical path method computed without any progress (status date ignored).
// Errors: those of the schedule (a cycle, a link naming no task, an empty workweek).
// O(tasks + links + tasks * log PD): the earned-schedule search is a binary search over
// PV(k).
Result<EvmResult> ComputeEvm(const model::Program& program, Date as_of);

// PV through the end of working day k - 1 of the planned tasks (PV(0) = 0).
double PlannedValueThrough(const std::vector<PlannedTask>& tasks, int64_t k);

}  // namespace tpmkit::plan
