#include "agent/logging.hpp"

#include <cstdlib>
#include <spdlog/spdlog.h>

#include "schema-client/base/logger.hpp"

namespace zt::agent {

void init_logging(const std::string& level) {
  spdlog::set_level(spdlog::level::from_str(level));
  spdlog::set_pattern(std::getenv("JOURNAL_STREAM") != nullptr
                          ? "[%n] %l: %v"
                          : "%Y-%m-%dT%H:%M:%S.%e %^%l%$ [%n] %v");
}

std::shared_ptr<spdlog::logger> logger(const std::string& name) {
  return base::named_logger(name);
}

}  // namespace zt::agent
