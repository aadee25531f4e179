#pragma once
// The named spdlog logger every component logs through ("agent.scheduler", "transport.spool",
// "ingest.routes"…): found in spdlog's registry, or created on stderr at the global level.
// Safe from any thread; two threads asking at once get the same logger.
#include <memory>
#include <spdlog/spdlog.h>
#include <string>

namespace zt::base {

std::shared_ptr<spdlog::logger> named_logger(const std::string& name);

}  // namespace zt::base
