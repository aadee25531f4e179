// Lowers the calling thread's priority on Windows (thread_priority.hpp). Background mode
// lowers its CPU, I/O and memory priorities at once: the counterpart of nice with the idle IO
// class. Without idle_io, the nice value maps to a lower CPU priority only.
#include <windows.h>

#include "agent/thread_priority.hpp"
#include "schema-client/base/windows_error.hpp"

namespace zt::agent {

std::string lower_thread_priority(int nice, bool idle_io) {
  const HANDLE thread = GetCurrentThread();
  if (idle_io) {
    if (!SetThreadPriority(thread, THREAD_MODE_BACKGROUND_BEGIN))
      return "SetThreadPriority(background): " + base::windows_error_text(GetLastError());
    return {};
  }
  const int priority = nice >= 15  ? THREAD_PRIORITY_IDLE
                       : nice >= 10 ? THREAD_PRIORITY_LOWEST
                       : nice > 0   ? THREAD_PRIORITY_BELOW_NORMAL
                                    : THREAD_PRIORITY_NORMAL;
  if (!SetThreadPriority(thread, priority))
    return "SetThreadPriority: " + base::windows_error_text(GetLastError());
  return {};
}

}  // namespace zt::agent
