// The plan compiled for computation: a model::Program flattened once into structure-of-
// arrays form (tasks in topological order, links in CSR form both ways, durations,
// lower bounds, progress), so that the schedule (CPM) and the forecast (Monte Carlo)
// run on plain arrays without maps or allocation in their loops.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/calendar.h"

namespace tpmkit::plan {

enum class Progress : uint8_t { kNotStarted, kInProgress, kFinished };

struct CompileOptions {
  // Overrides program.status_date for progress (the CLI's --as-of).
  std::optional<Date> as_of;
  CalendarOptions calendar;
};

// One direction of the link graph in CSR form, over topological indices. The links of a
// task are split in two groups: [begin(k), mid(k)) constrain the task's start (incoming:
// FS, SS; outgoing: SS, SF) and [mid(k), begin(k+1)) its finish (incoming: FF, SF;
// outgoing: FS, FF). `ref` is 2 * other + which, where `which` selects the other task's
// start (0) or finish (1); this lets the passes read an interleaved (start, finish) array
// without branching on the link type.
struct LinkCsr {
  std::vector<uint32_t> begin;  // size n + 1
  std::vector<uint32_t> mid;    // size n
  std::vector<uint32_t> ref;    // 2 * other + which
  std::vector<int32_t> lag;     // integer lag: ceil of the real lag (see below)
  std::vector<double> lag_real;
  std::vector<model::LinkType> type;
  std::vector<uint32_t> file_link;  // the link's number in file order (for reports)
};

// A risk as the forecast draws it.
struct RiskEffect {
  std::string id;
  bool active = false;          // open or mitigating: drawn each iteration
  double probability = 0;       // mitigating: the residual probability when given
  double days = 0;              // impact.schedule
  std::vector<uint32_t> tasks;  // topological indices of impact.tasks
};

struct TaskEstimate {
  double optimistic = 0, likely = 0, pessimistic = 0;
  model::Distribution distribution = model::Distribution::kPert;
};

// The compiled network. Per-task arrays are indexed by topological index k (0..n-1);
// `order[k]` is the file index of task k and `rank[i]` the topological index of the task
// with file index i (file order = projects in order, tasks in order within each).
struct Network {
  explicit Network(WorkCalendar cal) : calendar(std::move(cal)) {}

  size_t n = 0;
  std::vector<uint32_t> order;  // topological index -> file index
  std::vector<uint32_t> rank;   // file index -> topological index

  // Deterministic duration in working days (task.PlannedDuration()) and its integer form
  // for the CPM: ceil of the real value (a fractional `likely` of 2.5 takes 3 days).
  std::vector<double> duration_real;
  std::vector<int32_t> duration;
  std::vector<uint8_t> milestone;
  std::vector<std::optional<TaskEstimate>> estimate;

  // Lower bound of ES for a task not started: max(0, pos(start_no_earlier_than),
  // pos(expected) of each undelivered external dependency listing it, S).
  std::vector<int32_t> lower_bound;

  // Progress (only when a status date is in force).
  std::optional<Date> status_date;  // as_of, else program.status_date
  int32_t status_pos = 0;           // S = pos_end(status_date) + 1; 0 without a status date
  std::vector<Progress> progress;
  std::vector<int32_t> actual_start;       // pos(actual_start): in progress and finished
  std::vector<int32_t> actual_finish;      // pos_end(actual_finish) + 1: finished
  std::vector<double> remaining_fraction;  // (100 - percent_complete) / 100: in progress
  std::vector<int32_t> remaining;          // ceil(d * (100 - pc) / 100): in progress

  LinkCsr preds;  // incoming links of each task
  LinkCsr succs;  // outgoing links of each task

  std::optional<Date> target;
  std::optional<int32_t> target_end;  // pos_end(target) + 1
  std::vector<std::optional<Date>> deadline;

  // Every risk of the program, in file order (days = 0 without impact.schedule).
  std::vector<RiskEffect> risks;

  WorkCalendar calendar;

  // Multiplies the deterministic duration and the estimate of the task with file index
  // `file_index` by `factor` (> 0), as a scenario's duration_factor does. The integer
  // duration and remaining work follow.
  void ScaleDuration(size_t file_index, double factor);
  // Sets the deterministic duration (an estimate, if any, is left alone).
  void SetDuration(size_t file_index, double days);
};

// Compiles `program`. Errors (kInvalidInput): a link naming no task, a dependency cycle
// (the message names the tasks of one cycle), an external dependency or a risk naming
// no task, an empty workweek. O(tasks + links).
Result<Network> Compile(const model::Program& program, const CompileOptions& options = {});

// The tasks of `program` in file order (the order of Network file indices).
std::vector<const model::Task*> TasksInFileOrder(const model::Program& program);

}  // namespace tpmkit::plan
