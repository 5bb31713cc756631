// The connections of one process to one database, shared by every PostgresStore opened
// on the same URL: a server opens a store per worker, and they draw from one small pool
// instead of each holding its own connections.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "tpmkit/base/error.h"
#include "tpmkit/store/postgres/pg_db.h"

namespace tpmkit::store::postgres {

class ConnectionPool : public std::enable_shared_from_this<ConnectionPool> {
 public:
  // At most this many connections per pool: enough for a server's workers, far below
  // PostgreSQL's default max_connections (100) with two servers on one database.
  static constexpr int kMaxConnections = 16;

  // The pool of this process for `url` and lock timeout, made on first use.
  static std::shared_ptr<ConnectionPool> For(const std::string& url, int lock_timeout_ms);

  // A connection taken from the pool; goes back to it when destroyed (closed when it was
  // lost, so that a broken one is never handed out again).
  class Lease {
   public:
    Lease(std::shared_ptr<ConnectionPool> pool, std::unique_ptr<Connection> c)
        : pool_(std::move(pool)), c_(std::move(c)) {}
    Lease(Lease&&) = default;
    Lease& operator=(Lease&&) = default;
    ~Lease();
    Connection* operator->() const { return c_.get(); }
    Connection& operator*() const { return *c_; }

   private:
    std::shared_ptr<ConnectionPool> pool_;
    std::unique_ptr<Connection> c_;
  };

  // An idle connection, else a new one; when kMaxConnections are out, waits for one up to
  // the lock timeout (then kBusy). kStorage when the database cannot be reached.
  Result<Lease> Take();
  // Closes the idle connections: after one was found lost (the database restarted), the
  // others opened before are lost too.
  void DropIdle();

  ConnectionPool(std::string url, int lock_timeout_ms)
      : url_(std::move(url)), lock_timeout_ms_(lock_timeout_ms) {}

 private:
  void Give(std::unique_ptr<Connection> c);

  const std::string url_;
  const int lock_timeout_ms_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int open_ = 0;  // idle and leased
};

}  // namespace tpmkit::store::postgres
