#pragma once
// A fixed number of database connections shared by worker threads. acquire() waits for a
// free one; a connection found broken (the server restarted) is replaced on its next use, so
// the pool recovers by itself once the database is back. Thread-safe.
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "schema-client/pg/connection.hpp"

namespace zt::pg {

class Pool {
 public:
  // Connects lazily: constructing never fails.
  Pool(std::string conninfo, std::size_t size);

  class Lease {
   public:
    Lease(Pool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&&) noexcept = default;
    ~Lease();
    Connection& operator*() { return *connection_; }
    Connection* operator->() { return connection_.get(); }

   private:
    Pool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Throws DbError (unavailable) when a new connection cannot be made.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<Connection> connection);

  std::string conninfo_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t free_slots_;
};

}  // namespace zt::pg
