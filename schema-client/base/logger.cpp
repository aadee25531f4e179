#include "schema-client/base/logger.hpp"

#include <mutex>
#include <spdlog/sinks/stdout_color_sinks.h>

namespace zt::base {

std::shared_ptr<spdlog::logger> named_logger(const std::string& name) {
  // spdlog's registry throws when a name is registered twice; the lock makes get-or-create
  // one step for the threads of this process.
  static std::mutex creating;
  std::lock_guard lock(creating);
  if (auto existing = spdlog::get(name)) return existing;
  auto created = spdlog::stderr_color_mt(name);
  created->set_level(spdlog::get_level());
  return created;
}

}  // namespace zt::base
