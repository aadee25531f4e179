#pragma once
// The delivery module's logging (docs/CONTRIBUTING.md, "Code rules"): one named spdlog logger,
// "transport.delivery", shared by the upload loop, the heartbeat and the credentials; and
// LogLimiter, which lets a repeated warning through once per interval and counts the
// ones it held back, so an outage of a day writes a few hundred lines, not a million.
// Internal to zt_transport. Secrets are never passed to the logger.
#include <spdlog/logger.h>

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace zt::transport {

inline constexpr std::string_view kDeliveryLoggerName = "transport.delivery";

// The logger, made on first use (stderr, the default logger's level) unless the agent has
// registered one under that name already.
std::shared_ptr<spdlog::logger> delivery_log();

// Thread-safe. Keys are short fixed words ("upload-retry"), one per kind of warning.
class LogLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LogLimiter(std::chrono::milliseconds interval = std::chrono::minutes(1))
      : interval_(interval) {}

  // nullopt: hold this line back. Otherwise log it, and the value is how many lines of this
  // key were held back since the last one let through (to append "(N similar suppressed)").
  std::optional<std::uint64_t> admit(std::string_view key, Clock::time_point now = Clock::now());

  // Forgets `key`, so its next line is let through at once (the condition cleared and a new
  // episode begins).
  void reset(std::string_view key);

 private:
  struct Entry {
    Clock::time_point last{};
    std::uint64_t suppressed = 0;
  };
  const std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

// " (N similar suppressed)" or "".
std::string suppressed_note(std::uint64_t suppressed);

}  // namespace zt::transport
