// Reading (parse + type checks + model::Validate) and writing the program file for
// generated programs of 1k, 10k and 100k tasks. Figures, not tests:
//   ninja -C build tpmkit_formats_bench && build/src/tpmkit/formats/tpmkit_formats_bench
#include <benchmark/benchmark.h>

#include "generate.h"
#include "tpmkit/base/check.h"
#include "tpmkit/formats/program_file.h"

namespace tpmkit::formats {
namespace {

model::Program Generated(int tasks) {
  testing::GenerateOptions o;
  o.tasks = tasks;
  o.projects = 10;
  o.seed = 1;
  return testing::GenerateProgram(o);
}

void BM_ReadProgramFile(benchmark::State& state) {
  const std::string text = WriteProgramFile(Generated(static_cast<int>(state.range(0))));
  for (auto _ : state) {
    auto program = ReadProgramFile(text, "bench.yaml");
    TPMKIT_CHECK(program.ok());
    benchmark::DoNotOptimize(program);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ReadProgramFile)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_WriteProgramFile(benchmark::State& state) {
  const model::Program program = Generated(static_cast<int>(state.range(0)));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string text = WriteProgramFile(program);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_WriteProgramFile)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tpmkit::formats
