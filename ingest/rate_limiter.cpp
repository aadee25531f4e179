#include "ingest/rate_limiter.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace zt::ingest {

using std::chrono::steady_clock;

RateLimiter::RateLimiter(double per_second, double burst, Clock clock, std::size_t max_keys)
    : per_second_(per_second),
      burst_(std::max(burst, 1.0)),
      clock_(std::move(clock)),
      max_keys_(std::max<std::size_t>(max_keys, 1)) {
  // A programming error, not an expected failure: config validation rejects it first.
  if (!(per_second_ > 0)) throw std::invalid_argument("RateLimiter: per_second must be > 0");
  refill_period_ = std::chrono::duration_cast<steady_clock::duration>(
      std::chrono::duration<double>(burst_ / per_second_));
  last_sweep_ = clock_();
}

std::pair<RateLimiter::Bucket*, std::optional<std::chrono::seconds>> RateLimiter::refill(
    std::string_view key, steady_clock::time_point now) {
  if (now - last_sweep_ >= refill_period_) sweep(now);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) {
    // The overflow bucket's key is empty: no caller's key is.
    const std::string name = buckets_.size() < max_keys_ ? std::string(key) : std::string();
    it = buckets_.try_emplace(name, Bucket{burst_, now}).first;
  }
  Bucket& bucket = it->second;
  if (now > bucket.updated) {
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    bucket.tokens = std::min(burst_, bucket.tokens + elapsed * per_second_);
    bucket.updated = now;
  }
  if (bucket.tokens >= 1) return {&bucket, std::nullopt};
  const double wait = (1 - bucket.tokens) / per_second_;
  return {&bucket,
          std::chrono::seconds(std::max<long long>(1, static_cast<long long>(std::ceil(wait))))};
}

std::optional<std::chrono::seconds> RateLimiter::acquire(std::string_view key) {
  const steady_clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  auto [bucket, wait] = refill(key, now);
  if (!wait) bucket->tokens -= 1;
  return wait;
}

std::optional<std::chrono::seconds> RateLimiter::check(std::string_view key) {
  const steady_clock::time_point now = clock_();
  std::lock_guard lock(mutex_);
  return refill(key, now).second;
}

std::size_t RateLimiter::size() const {
  std::lock_guard lock(mutex_);
  return buckets_.size();
}

void RateLimiter::sweep(steady_clock::time_point now) {
  last_sweep_ = now;
  std::erase_if(buckets_, [&](const auto& entry) {
    const Bucket& bucket = entry.second;
    const double elapsed = std::chrono::duration<double>(now - bucket.updated).count();
    return bucket.tokens + elapsed * per_second_ >= burst_;
  });
}

}  // namespace zt::ingest
