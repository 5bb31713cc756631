// What `apply` costs in the store: PutProgram of a generated program plus the audit
// entries of its creation, in one transaction on a WAL file; also load, diff, verify.
//   tpmkit_store_bench --benchmark_filter=. --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>

#include "generate.h"
#include "tpmkit/store/store.h"

namespace tpmkit::store {
namespace {

model::Program Generated(int tasks) {
  return testing::GenerateProgram({.tasks = tasks, .projects = 10, .seed = 1});
}

class TempWorkspace {
 public:
  TempWorkspace() {
    static int counter = 0;
    path_ = (std::filesystem::temp_directory_path() /
             ("tpmkit-bench-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + ".db"))
                .string();
    Remove();
  }
  ~TempWorkspace() { Remove(); }
  const std::string& path() const { return path_; }

 private:
  void Remove() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + s);
  }
  std::string path_;
};

std::unique_ptr<Store> OpenOrAbort(const std::string& path) {
  auto s = OpenStore(path);
  if (!s.ok()) std::abort();
  return std::move(s).value();
}

void Check(bool ok) {
  if (!ok) std::abort();
}

// The write side of `apply` for a new program: diff, put, audit, commit.
void BM_ApplyNewProgram(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  size_t links = 0;
  for (const auto& pr : p.projects) {
    for (const auto& t : pr.tasks) links += t.depends.size();
  }
  for (auto _ : state) {
    state.PauseTiming();
    auto ws = std::make_unique<TempWorkspace>();
    auto store = OpenOrAbort(ws->path());
    state.ResumeTiming();
    auto txn = store->Begin(TxnMode::kWrite);
    Check(txn.ok());
    auto changes = model::DiffPrograms(nullptr, p);
    Check((*txn)->PutProgram(p).ok());
    Check((*txn)->AppendAudit("bench", p.id, changes).ok());
    Check((*txn)->Commit().ok());
    state.PauseTiming();
    txn->reset();
    store.reset();
    ws.reset();
    state.ResumeTiming();
  }
  state.counters["tasks"] = static_cast<double>(p.TaskCount());
  state.counters["links"] = static_cast<double>(links);
}
BENCHMARK(BM_ApplyNewProgram)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Replacing a stored program (delete + insert of every row), no audit.
void BM_PutProgramReplace(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  TempWorkspace ws;
  auto store = OpenOrAbort(ws.path());
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kWrite);
    Check(txn.ok());
    Check((*txn)->PutProgram(p).ok());
    Check((*txn)->Commit().ok());
  }
}
BENCHMARK(BM_PutProgramReplace)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_AppendAudit(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  const auto changes = model::DiffPrograms(nullptr, p);
  TempWorkspace ws;
  auto store = OpenOrAbort(ws.path());
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kWrite);
    Check(txn.ok());
    Check((*txn)->AppendAudit("bench", p.id, changes).ok());
    Check((*txn)->Commit().ok());
  }
  state.counters["entries"] = static_cast<double>(changes.size());
}
BENCHMARK(BM_AppendAudit)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_LoadProgram(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  TempWorkspace ws;
  auto store = OpenOrAbort(ws.path());
  {
    auto txn = store->Begin(TxnMode::kWrite);
    Check((*txn)->PutProgram(p).ok());
    Check((*txn)->Commit().ok());
  }
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kRead);
    auto loaded = (*txn)->LoadProgram(p.id);
    Check(loaded.ok() && loaded->has_value());
    benchmark::DoNotOptimize(loaded);
  }
}
BENCHMARK(BM_LoadProgram)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

void BM_VerifyAudit(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  TempWorkspace ws;
  auto store = OpenOrAbort(ws.path());
  {
    auto txn = store->Begin(TxnMode::kWrite);
    Check((*txn)->AppendAudit("bench", p.id, model::DiffPrograms(nullptr, p)).ok());
    Check((*txn)->Commit().ok());
  }
  for (auto _ : state) {
    auto txn = store->Begin(TxnMode::kRead);
    auto r = (*txn)->VerifyAudit();
    Check(r.ok() && r->ok);
  }
}
BENCHMARK(BM_VerifyAudit)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Diff of two versions that differ in 1% of the tasks (the usual re-apply).
void BM_DiffPrograms(benchmark::State& state) {
  const model::Program before = Generated(static_cast<int>(state.range(0)));
  model::Program after = before;
  size_t i = 0;
  for (auto& pr : after.projects) {
    for (auto& t : pr.tasks) {
      if (i++ % 100 == 0) t.name += " (renamed)";
    }
  }
  for (auto _ : state) {
    auto d = model::DiffPrograms(&before, after);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DiffPrograms)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Diff of a new program: one create entry per entity with all its fields.
void BM_DiffCreate(benchmark::State& state) {
  const model::Program p = Generated(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto d = model::DiffPrograms(nullptr, p);
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_DiffCreate)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace tpmkit::store
