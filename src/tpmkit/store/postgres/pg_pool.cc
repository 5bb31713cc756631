#include "tpmkit/store/postgres/pg_pool.h"

#include <chrono>
#include <map>
#include <utility>

namespace tpmkit::store::postgres {

std::shared_ptr<ConnectionPool> ConnectionPool::For(const std::string& url, int lock_timeout_ms) {
  // Weak: a pool lives while a store uses it, and closes its connections after.
  static std::mutex mutex;
  static std::map<std::pair<std::string, int>, std::weak_ptr<ConnectionPool>> pools;
  std::lock_guard lock(mutex);
  auto& slot = pools[{url, lock_timeout_ms}];
  auto pool = slot.lock();
  if (!pool) {
    pool = std::make_shared<ConnectionPool>(url, lock_timeout_ms);
    slot = pool;
  }
  return pool;
}

ConnectionPool::Lease::~Lease() {
  if (pool_ && c_) pool_->Give(std::move(c_));
}

Result<ConnectionPool::Lease> ConnectionPool::Take() {
  {
    std::unique_lock lock(mutex_);
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(lock_timeout_ms_);
    while (idle_.empty() && open_ >= kMaxConnections) {
      if (returned_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
          open_ >= kMaxConnections) {
        return Error{ErrorCode::kBusy,
                     "workspace busy: every connection to the database is in use; try again",
                     {}};
      }
    }
    if (!idle_.empty()) {
      auto c = std::move(idle_.back());
      idle_.pop_back();
      return Lease(shared_from_this(), std::move(c));
    }
    ++open_;  // the slot is held while connecting, outside the lock
  }
  auto c = Connection::Open(url_, lock_timeout_ms_);
  if (!c.ok()) {
    std::lock_guard lock(mutex_);
    --open_;
    returned_.notify_one();
    return c.error();
  }
  return Lease(shared_from_this(), std::move(c).value());
}

void ConnectionPool::Give(std::unique_ptr<Connection> c) {
  std::unique_ptr<Connection> closing;  // closed outside the lock
  {
    std::lock_guard lock(mutex_);
    if (c->lost()) {
      closing = std::move(c);
      --open_;
    } else {
      idle_.push_back(std::move(c));
    }
  }
  returned_.notify_one();
}

void ConnectionPool::DropIdle() {
  std::vector<std::unique_ptr<Connection>> closing;
  {
    std::lock_guard lock(mutex_);
    closing = std::move(idle_);
    idle_.clear();
    open_ -= static_cast<int>(closing.size());
  }
  returned_.notify_all();
}

}  // namespace tpmkit::store::postgres
