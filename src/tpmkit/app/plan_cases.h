// Use cases on the plan's numbers: the critical-path schedule, the Monte Carlo forecast
// of the finish and earned value, each as of the date in force.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>

#include "tpmkit/app/env.h"
#include "tpmkit/app/workspace.h"
#include "tpmkit/base/date.h"
#include "tpmkit/base/error.h"
#include "tpmkit/plan/evm.h"
#include "tpmkit/plan/forecast.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::app {

// schedule: early and late dates, floats and the critical path.
struct ScheduleProgramRequest {
  ProgramSource source;
  std::optional<Date> as_of;
};
struct ScheduleProgramResponse {
  LoadedProgram loaded;
  plan::Schedule schedule;
};
Result<ScheduleProgramResponse> ScheduleProgram(Env& env, const ScheduleProgramRequest& request);

// forecast: the finish's percentiles and the chance of making the target. The same
// seed gives the same numbers whatever the threads. Errors: kUsage for iterations < 1;
// those of the program and the forecast.
struct ForecastFinishRequest {
  ProgramSource source;
  std::optional<Date> as_of;
  int iterations = 10000;
  uint64_t seed = 1;
  int threads = 0;                       // 0: all cores
  std::function<void(double)> progress;  // fraction done, from the forecast's threads
  const std::atomic<bool>* cancel = nullptr;
};
struct ForecastFinishResponse {
  LoadedProgram loaded;
  plan::Forecast forecast;  // forecast.cancelled when stopped through `cancel`
};
Result<ForecastFinishResponse> ForecastFinish(Env& env, const ForecastFinishRequest& request);

// evm: earned value and earned schedule as of the date in force.
struct EarnedValueRequest {
  ProgramSource source;
  std::optional<Date> as_of;
};
struct EarnedValueResponse {
  LoadedProgram loaded;
  plan::EvmResult evm;
};
Result<EarnedValueResponse> EarnedValue(Env& env, const EarnedValueRequest& request);

}  // namespace tpmkit::app
