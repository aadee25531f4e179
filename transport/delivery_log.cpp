#include "transport/delivery_log.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace zt::transport {

std::shared_ptr<spdlog::logger> delivery_log() {
  const std::string name(kDeliveryLoggerName);
  if (auto existing = spdlog::get(name)) return existing;
  try {
    auto created = spdlog::stderr_color_mt(name);
    created->set_level(spdlog::get_level());
    return created;
  } catch (const spdlog::spdlog_ex&) {
    return spdlog::get(name);  // another thread registered it first
  }
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
