#include "tpmkit/app/plan_cases.h"

#include "tpmkit/app/analysis.h"

namespace tpmkit::app {

Result<ScheduleProgramResponse> ScheduleProgram(Env& env, const ScheduleProgramRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  TPMKIT_ASSIGN_OR_RETURN(
      auto schedule,
      ScheduleOf(loaded.program, DateInForce(loaded.program, request.as_of, env.clock)));
  return ScheduleProgramResponse{std::move(loaded), std::move(schedule)};
}

Result<ForecastFinishResponse> ForecastFinish(Env& env, const ForecastFinishRequest& request) {
  if (request.iterations < 1) return Error::Usage("--iterations must be at least 1");
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  plan::ForecastOptions options;
  options.as_of = DateInForce(loaded.program, request.as_of, env.clock);
  options.iterations = request.iterations;
  options.seed = request.seed;
  options.threads = request.threads;
  options.progress = request.progress;
  options.cancel = request.cancel;
  TPMKIT_ASSIGN_OR_RETURN(auto forecast, plan::RunForecast(loaded.program, options));
  return ForecastFinishResponse{std::move(loaded), std::move(forecast)};
}

Result<EarnedValueResponse> EarnedValue(Env& env, const EarnedValueRequest& request) {
  TPMKIT_ASSIGN_OR_RETURN(auto loaded, LoadProgram(env, request.source));
  const Date as_of = DateInForce(loaded.program, request.as_of, env.clock);
  TPMKIT_ASSIGN_OR_RETURN(auto evm, EvmOf(loaded.program, as_of));
  return EarnedValueResponse{std::move(loaded), std::move(evm)};
}

}  // namespace tpmkit::app
