#pragma once
// Logging: spdlog to stderr, where journald picks it up. One named logger per module.
// Secrets are never passed to a logger (config keeps them in Secret, which cannot print).
#include <memory>
#include <spdlog/logger.h>
#include <string>

namespace zt::agent {

// Sets the level of every logger, and the line format: without timestamps when stderr goes
// to journald (it stamps lines itself), with them otherwise.
void init_logging(const std::string& level);
std::shared_ptr<spdlog::logger> logger(const std::string& name);

}  // namespace zt::agent
