// What the API's requests share within one process: a pool of workspace connections, the
// bound on simulations running at once, and the cache of computed reads. Nothing here is
// needed for correctness across processes: sessions, throttles and data live in the
// database, so any server process can answer any request.
#pragma once

#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <unordered_map>
#include <vector>

#include "tpmkit/app/deferred_store.h"
#include "tpmkit/base/clock.h"

namespace tpmkit::server {

// Workspace connections, one per request in flight, reused.
class StorePool {
 public:
  StorePool(std::string url, const Clock& clock) : url_(std::move(url)), clock_(clock) {}

  class Lease {
   public:
    Lease(StorePool& pool, std::unique_ptr<app::DeferredStore> store)
        : pool_(pool), store_(std::move(store)) {}
    ~Lease() { pool_.Return(std::move(store_)); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    app::DeferredStore& store() { return *store_; }

   private:
    StorePool& pool_;
    std::unique_ptr<app::DeferredStore> store_;
  };

  Lease Acquire();

 private:
  void Return(std::unique_ptr<app::DeferredStore> store);
  std::string url_;
  const Clock& clock_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<app::DeferredStore>> idle_;
};

// Answers of cacheable reads, keyed by the route, the full target, the program's version
// and the day: a program that changed has a new version, so nothing is ever stale. Bounded
// in entries and bytes (oldest out first); an answer larger than a sixteenth of the bytes
// (the schedule of a huge program) is not kept.
class ReadCache {
 public:
  ReadCache(size_t max_entries, size_t max_bytes)
      : max_entries_(max_entries), max_bytes_(max_bytes) {}
  std::optional<std::string> Find(const std::string& key);
  void Put(const std::string& key, std::string body);

 private:
  size_t max_entries_;
  size_t max_bytes_;
  size_t bytes_ = 0;
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> entries_;
  std::deque<std::string> order_;
};

struct ApiState {
  ApiState(std::string url, const Clock& clock, int max_simulations)
      : stores(std::move(url), clock), simulations(max_simulations) {}
  StorePool stores;
  std::counting_semaphore<1024> simulations;
  ReadCache cache{512, size_t{64} << 20};
};

// Holds one of the process's simulation slots for a scope; waits up to `wait` for one.
class SimulationSlot {
 public:
  SimulationSlot(ApiState& state, std::chrono::milliseconds wait)
      : state_(state), held_(state.simulations.try_acquire_for(wait)) {}
  ~SimulationSlot() {
    if (held_) state_.simulations.release();
  }
  SimulationSlot(const SimulationSlot&) = delete;
  SimulationSlot& operator=(const SimulationSlot&) = delete;
  bool held() const { return held_; }

 private:
  ApiState& state_;
  bool held_;
};

}  // namespace tpmkit::server
