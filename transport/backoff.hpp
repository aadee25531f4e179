#pragma once
// Backoff: how long to wait before the next attempt after a failed one. Exponential with
// full jitter ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015): after the n-th
// failure in a row the wait is drawn uniformly from [0, min(cap, initial * 2^(n-1))], so a
// fleet of agents that lost the ingest together does not come back together.
// A server's Retry-After is a floor: next(hint) waits at least the hint (itself capped by
// max_retry_after, so a broken server cannot park the agent for days). reset() after a
// success starts again from `initial`.
//
// The random source is a seeded engine: tests pass a seed and get a reproducible sequence.
// Not thread-safe: one Backoff per delivery loop.
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>

#include "schema-client/model/result.hpp"

namespace zt::transport {

struct BackoffPolicy {
  std::chrono::milliseconds initial{1000};
  std::chrono::milliseconds cap{5 * 60 * 1000};
  std::chrono::milliseconds max_retry_after{60 * 60 * 1000};
};

// Errors: a value not positive, or cap < initial, named.
model::Status validate(const BackoffPolicy& policy);

class Backoff {
 public:
  explicit Backoff(BackoffPolicy policy = {});  // seeded from std::random_device
  Backoff(BackoffPolicy policy, std::uint64_t seed);

  // Counts one more failure and returns the wait before the next attempt.
  std::chrono::milliseconds next(std::optional<std::chrono::seconds> retry_after = std::nullopt);
  // The upper bound of the next draw: min(cap, initial * 2^failures).
  std::chrono::milliseconds ceiling() const;
  void reset() { failures_ = 0; }
  int failures() const { return failures_; }
  const BackoffPolicy& policy() const { return policy_; }

 private:
  BackoffPolicy policy_;
  std::mt19937_64 random_;
  int failures_ = 0;
};

}  // namespace zt::transport
