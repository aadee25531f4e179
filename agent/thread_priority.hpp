#pragma once
// Lowers the calling thread's CPU priority (nice) and, if asked, puts its IO in the idle
// class, so scans yield to the host's real work. Best effort: failures are returned as text
// for a log line, never fatal.
#include <string>

namespace zt::agent {

std::string lower_thread_priority(int nice, bool idle_io);

}  // namespace zt::agent
