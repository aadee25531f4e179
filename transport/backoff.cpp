#include "transport/backoff.hpp"

#include <algorithm>

namespace zt::transport {

model::Status validate(const BackoffPolicy& policy) {
  if (policy.initial.count() <= 0) return model::Error{"backoff initial must be positive"};
  if (policy.cap < policy.initial) return model::Error{"backoff cap must not be below initial"};
  if (policy.max_retry_after.count() < 0)
    return model::Error{"backoff max_retry_after must not be negative"};
  return model::Ok{};
}

Backoff::Backoff(BackoffPolicy policy) : Backoff(policy, std::random_device{}()) {}

Backoff::Backoff(BackoffPolicy policy, std::uint64_t seed) : policy_(policy), random_(seed) {}

std::chrono::milliseconds Backoff::ceiling() const {
  // Doubling stops at the cap, so a long outage cannot overflow.
  std::chrono::milliseconds bound = std::max(policy_.initial, std::chrono::milliseconds(1));
  for (int i = 0; i < failures_ && bound < policy_.cap; ++i) bound *= 2;
  return std::min(bound, policy_.cap);
}

std::chrono::milliseconds Backoff::next(std::optional<std::chrono::seconds> retry_after) {
  const std::chrono::milliseconds bound = ceiling();
  ++failures_;
  std::uniform_int_distribution<std::int64_t> draw(0, bound.count());
  const std::chrono::milliseconds jittered(draw(random_));
  if (!retry_after) return jittered;
  const auto floor = std::min<std::chrono::milliseconds>(*retry_after, policy_.max_retry_after);
  return std::max(floor, jittered);
}

}  // namespace zt::transport
