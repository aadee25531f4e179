#include "agent/thread_priority.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace zt::agent {
namespace {
// From linux/ioprio.h, which glibc does not wrap.
constexpr int kIoprioWhoProcess = 1;
constexpr int kIoprioClassIdle = 3;
constexpr int kIoprioClassShift = 13;
}  // namespace

std::string lower_thread_priority(int nice, bool idle_io) {
  std::string problems;
  // On Linux, PRIO_PROCESS with a thread id sets that thread's nice value alone.
  const auto tid = static_cast<id_t>(::syscall(SYS_gettid));
  if (::setpriority(PRIO_PROCESS, tid, nice) != 0)
    problems += std::string("setpriority: ") + std::strerror(errno);
  if (idle_io && ::syscall(SYS_ioprio_set, kIoprioWhoProcess, static_cast<int>(tid),
                           kIoprioClassIdle << kIoprioClassShift) != 0)
    problems += std::string(problems.empty() ? "" : "; ") + "ioprio_set: " + std::strerror(errno);
  return problems;
}

}  // namespace zt::agent
