// Importing generated Jira "all fields" exports of 1k, 10k and 50k issues: 80 columns
// (repeated Sprint, Labels, Comment and link columns), multi-line quoted descriptions,
// an epic per 50 issues, sub-tasks, Blocks links written from both ends. Figures, not
// tests:
//   ninja -C build tpmkit_formats_bench
//   build/src/tpmkit/formats/tpmkit_formats_bench --benchmark_filter=Jira
#include <benchmark/benchmark.h>
#include <fmt/format.h>

#include "tpmkit/base/check.h"
#include "tpmkit/formats/jira_csv.h"

namespace tpmkit::formats {
namespace {

std::string GeneratedExport(int issues) {
  std::string out =
      "Summary,Issue key,Issue id,Issue Type,Status,Project key,Project name,Priority,"
      "Assignee,Reporter,Created,Updated,Resolved,Due date,Labels,Labels,Labels,Description,"
      "Original estimate,Remaining Estimate,Time Spent,Sprint,Sprint,Sprint,"
      "Inward issue link (Blocks),Outward issue link (Blocks),Inward issue link (Relates),"
      "Parent,Parent summary,Status Category,Status Category Changed,Comment,Comment";
  for (int c = 0; c < 47; ++c) out += fmt::format(",Custom field (Field {})", c);
  out += '\n';
  const char* statuses[] = {"To Do", "In Progress", "Done"};
  for (int i = 1; i <= issues; ++i) {
    const bool epic = i % 50 == 1;
    const bool sub = !epic && i % 7 == 0;
    const int epic_id = 10000 + (i - 1) / 50 * 50 + 1;
    const int parent = sub ? 10000 + i - 1 : epic ? 0 : epic_id;
    const char* status = statuses[i % 3];
    out += fmt::format(
        "\"Issue {} of the plan, \"\"quoted\"\"\",GEN-{},{},{},{},GEN,Generated,Medium,Person {},"
        "Person {},{:02}/Mar/25 9:{:02} AM,{:02}/Apr/25 10:00 AM,{},,label-{},x,,"
        "\"First line\nsecond line, with a comma\",{},{},{},Sprint {},,,{},{},{},{},{},{},"
        "{:02}/Apr/25 10:00 AM,\"01/Apr/25;acc;A comment\",",
        i, i, 10000 + i,
        epic  ? "Epic"
        : sub ? "Sub-task"
              : "Story",
        status, i % 40, i % 13, 1 + i % 28, i % 60, 1 + i % 28,
        i % 3 == 2 ? "20/Apr/25 5:00 PM" : "", i % 10, (i % 5) * 28800, (i % 5) * 14400,
        (i % 5) * 14400, i % 20, !epic && i % 11 == 0 && i > 2 ? fmt::format("GEN-{}", i - 1) : "",
        !epic && i % 11 == 10 ? fmt::format("GEN-{}", i + 1) : "",
        i % 17 == 0 ? fmt::format("GEN-{}", i / 2) : "", parent ? fmt::format("{}", parent) : "",
        parent ? "The parent" : "", status, 1 + i % 28);
    for (int c = 0; c < 47; ++c) out += c % 5 == 0 ? ",value" : ",";
    out += '\n';
  }
  return out;
}

void BM_ReadJiraCsv(benchmark::State& state) {
  const std::string text = GeneratedExport(static_cast<int>(state.range(0)));
  JiraReadOptions options;
  options.program_id = "bench";
  for (auto _ : state) {
    auto imported = ReadJiraCsv(text, "bench.csv", options);
    TPMKIT_CHECK(imported.ok());
    benchmark::DoNotOptimize(imported);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["bytes"] = static_cast<double>(text.size());
}
BENCHMARK(BM_ReadJiraCsv)->Arg(1000)->Arg(10000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tpmkit::formats
