#pragma once
// A token bucket per key (an agent id, a client address): `burst` tokens at most, refilled at
// `per_second`; each request takes one. acquire() says either "go" (nullopt) or how many whole
// seconds to wait before a token is there (at least 1, rounded up), which the route sends as
// Retry-After. check() says the same without taking a token (to refuse before the work that
// would take one, as the failed-authentication budget does).
// Thread-safe. Memory stays bounded: a bucket that has been idle long enough to be full again
// is the same as no bucket, so such buckets are dropped on a periodic sweep; past `max_keys`
// buckets (a flood from many keys), new keys share one overflow bucket until a sweep frees
// room.
// The clock is injected so tests need not sleep.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace zt::ingest {

class RateLimiter {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // per_second must be > 0; burst below 1 is taken as 1 (a bucket must hold one request).
  RateLimiter(double per_second, double burst, Clock clock = std::chrono::steady_clock::now,
              std::size_t max_keys = 1 << 20);

  std::optional<std::chrono::seconds> acquire(std::string_view key);
  std::optional<std::chrono::seconds> check(std::string_view key);

  // Buckets held now (for tests and metrics).
  std::size_t size() const;

 private:
  struct Bucket {
    double tokens;
    std::chrono::steady_clock::time_point updated;
  };
  // Drops the buckets that are full again by now; called at most once per refill period.
  void sweep(std::chrono::steady_clock::time_point now);
  // The key's bucket refilled to `now` (created full, or the overflow bucket past max_keys),
  // then the wait for one token (nullopt: one is there). Called with mutex_ held.
  std::pair<Bucket*, std::optional<std::chrono::seconds>> refill(
      std::string_view key, std::chrono::steady_clock::time_point now);

  double per_second_;
  double burst_;
  std::chrono::steady_clock::duration refill_period_;  // empty to full
  Clock clock_;
  std::size_t max_keys_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
  std::chrono::steady_clock::time_point last_sweep_;
};

}  // namespace zt::ingest
