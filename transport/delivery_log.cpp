#include "transport/delivery_log.hpp"

#include "schema-client/base/logger.hpp"

namespace zt::transport {

std::shared_ptr<spdlog::logger> delivery_log() {
  return base::named_logger(std::string(kDeliveryLoggerName));
}

std::optional<std::uint64_t> LogLimiter::admit(std::string_view key, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  if (found == entries_.end()) {
    entries_.emplace(std::string(key), Entry{now, 0});
    return 0;
  }
  Entry& entry = found->second;
  if (now - entry.last < interval_) {
    ++entry.suppressed;
    return std::nullopt;
  }
  const std::uint64_t held_back = entry.suppressed;
  entry = Entry{now, 0};
  return held_back;
}

void LogLimiter::reset(std::string_view key) {
  std::lock_guard lock(mutex_);
  if (auto found = entries_.find(key); found != entries_.end()) entries_.erase(found);
}

std::string suppressed_note(std::uint64_t suppressed) {
  return suppressed == 0 ? std::string()
                         : " (" + std::to_string(suppressed) + " similar suppressed)";
}

}  // namespace zt::transport
