#include "schema-client/pg/pool.hpp"

namespace zt::pg {

Pool::Pool(std::string conninfo, std::size_t size)
    : conninfo_(std::move(conninfo)), free_slots_(size == 0 ? 1 : size) {}

Pool::Lease::~Lease() {
  if (pool_ != nullptr && connection_) pool_->give_back(std::move(connection_));
}

Pool::Lease Pool::acquire() {
  std::unique_ptr<Connection> connection;
  {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [&] { return free_slots_ > 0; });
    --free_slots_;
    if (!idle_.empty()) {
      connection = std::move(idle_.back());
      idle_.pop_back();
    }
  }
  if (connection && connection->healthy()) return Lease(*this, std::move(connection));
  try {
    return Lease(*this, std::make_unique<Connection>(conninfo_));
  } catch (...) {
    give_back(nullptr);
    throw;
  }
}

void Pool::give_back(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (connection && connection->healthy()) idle_.push_back(std::move(connection));
    ++free_slots_;
  }
  returned_.notify_one();
}

}  // namespace zt::pg
