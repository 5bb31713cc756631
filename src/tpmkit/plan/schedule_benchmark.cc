// CPM passes on generated networks (~3 links per task). The program is generated and
// compiled once per size, outside the timed loop.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "generate.h"
#include "tpmkit/plan/schedule.h"

namespace tpmkit::plan {
namespace {

const Network& NetworkOfSize(int tasks) {
  static std::map<int, std::unique_ptr<Network>> cache;
  auto& slot = cache[tasks];
  if (!slot) {
    testing::GenerateOptions o;
    o.tasks = tasks;
    o.projects = 8;
    o.links_per_task = 3;
    o.registers = false;
    o.progress = true;
    model::Program p = testing::GenerateProgram(o);
    slot = std::make_unique<Network>(Compile(p).value());
  }
  return *slot;
}

void BM_CpmPasses(benchmark::State& state) {
  const Network& net = NetworkOfSize(static_cast<int>(state.range(0)));
  CpmPasses passes;
  RunForwardPass(net, passes);
  RunBackwardPass(net, passes);
  for (auto _ : state) {
    RunForwardPass(net, passes);
    RunBackwardPass(net, passes);
    benchmark::DoNotOptimize(passes.late.data());
  }
  state.counters["links"] = static_cast<double>(net.preds.ref.size());
  state.counters["ns_per_task"] =
      benchmark::Counter(static_cast<double>(net.n), benchmark::Counter::kIsIterationInvariantRate |
                                                         benchmark::Counter::kInvert);
}
BENCHMARK(BM_CpmPasses)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

// The whole schedule: passes, floats, dates and the critical path, in file order.
void BM_ComputeSchedule(benchmark::State& state) {
  const Network& net = NetworkOfSize(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    Schedule s = ComputeSchedule(net);
    benchmark::DoNotOptimize(s.tasks.data());
  }
}
BENCHMARK(BM_ComputeSchedule)->Arg(10000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_Compile(benchmark::State& state) {
  testing::GenerateOptions o;
  o.tasks = static_cast<int>(state.range(0));
  o.registers = false;
  model::Program p = testing::GenerateProgram(o);
  for (auto _ : state) {
    auto net = Compile(p);
    benchmark::DoNotOptimize(net.ok());
  }
}
BENCHMARK(BM_Compile)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tpmkit::plan
