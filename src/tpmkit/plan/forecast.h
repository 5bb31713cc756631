// Monte Carlo forecast of the finish (computations.md §3): sampled durations (beta-PERT,
// triangular, uniform), risk events, real-valued CPM passes; finish percentiles, the
// probability of making the target, and per-task criticality and sensitivity.
//
// Randomness is our own: each (seed, iteration, task or risk) has its own SplitMix64
// stream, and sampling uses only arithmetic, sqrt and log (no std::*_distribution), so
// the same seed gives the same numbers with any number of threads and any standard
// library. Per-task sums are accumulated over fixed chunks of 64 iterations and merged in
// chunk order, so floating-point summation order does not depend on the threads either.
//
// Speed: iterations run in blocks of 8, each per-task value of a block in one cache line,
// so the CPM passes run as SIMD across iterations (baseline, AVX2 or AVX-512, chosen at run
// time) and PERT draws take a branch-free common path for the whole block. Every lane does
// the operations a single iteration would, in the same order and without FMA, so the
// numbers are the same bits as one iteration at a time, on any of these paths.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/model/program.h"
#include "tpmkit/plan/network.h"

namespace tpmkit::plan {

struct ForecastOptions {
  // The status date (progress) of the forecast of a program; overrides
  // program.status_date, as ScheduleOptions::as_of does. Ignored for a compiled Network.
  std::optional<Date> as_of;
  int iterations = 10000;  // >= 1
  uint64_t seed = 1;
  int threads = 0;  // 0: all cores
  // Risk ids that happen in every iteration (escalation impact, §7a); their
  // impact.schedule applies whatever their status. The other draws are unchanged, so the
  // comparison with the plain forecast uses common random numbers.
  std::vector<std::string> forced_risks;
  // Called with the fraction done (0..1], in order, from the worker threads (one call at
  // a time). May be empty.
  std::function<void(double fraction)> progress;
  // When it becomes true the forecast stops early and returns with `cancelled` set.
  const std::atomic<bool>* cancel = nullptr;
};

// A finish as a real position F and its date day(ceil(F) - 1) (day(0) when ceil(F) = 0).
struct FinishValue {
  double position = 0;
  Date date;
};

struct TaskForecast {
  double criticality = 0;  // share of iterations with total float <= 1e-9
  double sensitivity = 0;  // Pearson(sampled duration incl. risk additions, F)
};

struct Forecast {
  bool cancelled = false;  // set when options.cancel stopped it; nothing else is then filled
  int iterations = 0;
  uint64_t seed = 0;
  std::optional<Date> target;
  std::optional<double> p_on_time;  // when the program has a target
  FinishValue p10, p50, p80, p90, mean;
  // The finish date at every percentile 1..100 (index q-1, nearest rank as above): the
  // distribution's S-curve, for charts.
  std::vector<Date> percentiles;
  std::vector<TaskForecast> tasks;  // file order
};

// Runs the forecast on a compiled network. Errors: kInvalidInput for iterations < 1,
// kNotFound for a forced risk id that names no risk.
// O(iterations * (tasks + links)) work, spread over the threads.
Result<Forecast> RunForecast(const Network& net, const ForecastOptions& options = {});
// Compiles (with options.as_of overriding status_date) then runs.
Result<Forecast> RunForecast(const model::Program& program, const ForecastOptions& options = {});

}  // namespace tpmkit::plan
