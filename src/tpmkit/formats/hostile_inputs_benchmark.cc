// The hostile inputs of issue 14 that once took seconds: 80 KB and 200 KB of nested flow
// sequences in a program file, an MS Project file whose links join two summaries of 1,000
// tasks (pairwise: 1,000,000 links), and calendar exceptions spanning millennia. Each is
// now refused or read in well under 100 ms. Figures, not tests:
//   ninja -C build tpmkit_formats_bench &&
//   build/src/tpmkit/formats/tpmkit_formats_bench --benchmark_filter=Hostile
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include <string>

#include "generate.h"
#include "tpmkit/base/check.h"
#include "tpmkit/formats/mspdi.h"
#include "tpmkit/formats/program_file.h"

namespace tpmkit::formats {
namespace {

void BM_HostileDeepYaml(benchmark::State& state) {
  const auto depth = static_cast<size_t>(state.range(0));
  const std::string text =
      "tpmkit: 1\nprogram: " + std::string(depth, '[') + std::string(depth, ']') + "\n";
  for (auto _ : state) {
    auto program = ReadProgramFile(text, "deep.yaml");
    TPMKIT_CHECK(!program.ok());
    benchmark::DoNotOptimize(program);
  }
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_HostileDeepYaml)->Arg(40'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

void BM_HostileSummaryLinks(benchmark::State& state) {
  const std::string xml = testing::SummaryChainMspdi(2, static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto im = ReadMspdi(xml, "summaries.xml", {});
    TPMKIT_CHECK(im.ok());
    benchmark::DoNotOptimize(im);
  }
  state.counters["bytes"] = static_cast<double>(xml.size());
}
BENCHMARK(BM_HostileSummaryLinks)->Arg(1000)->Unit(benchmark::kMillisecond);

// Calendar exceptions from year 1 to 9999 (one recurring, as in the 596-byte file), and
// 200 of every recurrence type (the 3 KB case grown).
void BM_HostileCalendarExceptions(benchmark::State& state) {
  std::string xml =
      "<Project><StartDate>2026-01-05T08:00:00</StartDate><CalendarUID>1</CalendarUID>"
      "<Calendars><Calendar><UID>1</UID><IsBaseCalendar>1</IsBaseCalendar><Exceptions>";
  for (int i = 0; i < state.range(0); ++i) {
    xml += fmt::format(
        "<Exception><TimePeriod><FromDate>0001-01-01T00:00:00</FromDate>"
        "<ToDate>9999-12-31T23:59:00</ToDate></TimePeriod><Type>{}</Type><Period>{}</Period>"
        "<Month>{}</Month><MonthDay>{}</MonthDay><DaysOfWeek>{}</DaysOfWeek>"
        "<DayWorking>0</DayWorking></Exception>",
        1 + i % 7, 1 + i % 5, i % 12, 1 + i % 28, 1 + i % 127);
  }
  xml += "</Exceptions></Calendar></Calendars></Project>";
  for (auto _ : state) {
    auto im = ReadMspdi(xml, "millennia.xml", {});
    TPMKIT_CHECK(im.ok());
    benchmark::DoNotOptimize(im);
  }
  state.counters["bytes"] = static_cast<double>(xml.size());
}
BENCHMARK(BM_HostileCalendarExceptions)->Arg(1)->Arg(200)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tpmkit::formats
