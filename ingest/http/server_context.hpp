#pragma once
// Internal to ingest/http: what the listener and every session share. One per server,
// held by shared_ptr so it outlives the last session (sessions can end on any thread).
//
// Connection accounting: the listener asks admit() for each accepted socket; the session
// enrolls itself once it exists and leaves in its destructor. stop() drains every enrolled
// session and waits for the count to reach zero.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>
#include <spdlog/logger.h>

#include "ingest/http/request.hpp"
#include "ingest/http/server.hpp"
#include "ingest/metrics.hpp"

namespace zt::ingest {

// A session as the server sees it.
class Connection {
 public:
  virtual ~Connection() = default;
  // From any thread: close now if waiting for a request, else finish the one in progress
  // and then close.
  virtual void drain() = 0;
};

// serve: a normal session. refuse: over the cap, answer 503 and close. drop: too many
// refusals in flight as well, close without a word.
enum class Admission { serve, refuse, drop };

class ServerContext {
 public:
  ServerContext(ServerOptions options, Handler handler, Metrics& metrics,
                std::shared_ptr<spdlog::logger> log);
  ~ServerContext();
  ServerContext(const ServerContext&) = delete;
  ServerContext& operator=(const ServerContext&) = delete;

  const ServerOptions options;
  const Handler handler;
  Metrics& metrics;
  const std::shared_ptr<spdlog::logger> log;
  std::unique_ptr<boost::asio::ssl::context> tls;  // null in plain mode
  boost::asio::thread_pool workers;

  Admission admit();
  void enroll(Connection* connection, std::weak_ptr<Connection> handle);
  void leave(Connection* connection, Admission admission);
  bool stopping() const { return stopping_.load(); }
  // Marks the server stopping and drains every enrolled connection.
  void drain_all();
  // True when every connection is gone before `limit` passes.
  bool wait_until_empty(std::chrono::milliseconds limit);
  // True at most once per interval: repeated warnings (cap reached, accept failing) are
  // logged that often, not once per connection.
  bool may_warn();

 private:
  void publish_count();  // caller holds mutex_

  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t serving_ = 0;
  std::size_t refusing_ = 0;
  std::unordered_map<Connection*, std::weak_ptr<Connection>> connections_;
  std::atomic<std::chrono::steady_clock::rep> last_warning_{0};
};

}  // namespace zt::ingest
