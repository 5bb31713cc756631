// Monte Carlo forecast: 10,000 iterations over a generated 10,000-task network (~3 links
// per task, 70 % of tasks with an estimate, risks). Compiled once, outside the timed loop.
#include <benchmark/benchmark.h>

#include <memory>

#include "generate.h"
#include "tpmkit/plan/forecast.h"

namespace tpmkit::plan {
namespace {

const Network& Net10k() {
  static std::unique_ptr<Network> net = [] {
    testing::GenerateOptions o;
    o.tasks = 10000;
    o.projects = 8;
    o.links_per_task = 3;
    model::Program p = testing::GenerateProgram(o);
    return std::make_unique<Network>(Compile(p).value());
  }();
  return *net;
}

// Arguments: iterations, threads.
void BM_Forecast(benchmark::State& state) {
  const Network& net = Net10k();
  ForecastOptions o;
  o.iterations = static_cast<int>(state.range(0));
  o.threads = static_cast<int>(state.range(1));
  for (auto _ : state) {
    auto f = RunForecast(net, o);
    benchmark::DoNotOptimize(f->p80.position);
  }
  state.counters["ns_per_task_iteration"] = benchmark::Counter(
      static_cast<double>(net.n) * o.iterations,
      benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_Forecast)
    ->Args({10000, 1})
    ->Args({10000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(2);

}  // namespace
}  // namespace tpmkit::plan
