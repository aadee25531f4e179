#pragma once
// Shared by spool.cpp and spool_open.cpp; not part of the spool's interface.
#include <spdlog/logger.h>

#include <memory>
#include <string_view>

namespace zt::transport {

inline constexpr const char* kSpoolLoggerName = "spool";
inline constexpr const char* kSpoolFolderName = "spool";
inline constexpr const char* kQuarantineFolderName = "quarantine";
inline constexpr const char* kDeadLetterFolderName = "dead-letter";
inline constexpr const char* kSpoolLedgerFile = "drops.json";
inline constexpr std::string_view kSpoolReasonSuffix = ".reason";

// The spool's named logger, made on first use.
std::shared_ptr<spdlog::logger> spool_log();

}  // namespace zt::transport
