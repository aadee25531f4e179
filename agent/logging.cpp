#include "agent/logging.hpp"

#include <cstdlib>
#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace zt::agent {
namespace {

std::mutex& registry_mutex() {
  static std::mutex m;
  return m;
}

}  // namespace

void init_logging(const std::string& level) {
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::set_pattern(std::getenv("JOURNAL_STREAM") != nullptr
                          ? "[%n] %l: %v"
                          : "%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
}

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  std::lock_guard lock(registry_mutex());
  if (auto existing = spdlog::get(name)) return existing;
  auto created = spdlog::stderr_color_mt(name);
  created->set_level(spdlog::get_level());
  return created;
}

}  // namespace zt::agent
