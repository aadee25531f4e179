#include "agent/host_facts.hpp"

#include <sys/resource.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "collectors/core/text.hpp"
#include "collectors/core/os_release.hpp"
#include "transport/machine_identity.hpp"

namespace zt::agent {
namespace {

// "Key:   value" lines of /proc/meminfo and /proc/self/status.
std::string proc_field(std::string_view text, std::string_view key) {
  for (std::string_view line : collector::split_lines(text))
    if (line.starts_with(key) && line.size() > key.size() && line[key.size()] == ':')
      return std::string(collector::trim(line.substr(key.size() + 1)));
  return {};
}

std::uint64_t kib_to_bytes(const std::string& value) {
  try {
    return std::stoull(value) * 1024;  // "123456 kB"
  } catch (const std::exception&) {
    return 0;
  }
}

std::string first_line(const collector::HostFs& fs, std::string_view path) {
  auto text = fs.read_file(path, 4096);
  if (!text) return {};
  auto lines = collector::split_lines(*text);
  return lines.empty() ? std::string{} : std::string(collector::trim(lines.front()));
}

}  // namespace

HostFacts read_host_facts(const collector::HostFs& fs) {
  HostFacts facts;
  // Under another root, the host's own /etc/hostname first: gethostname() and /proc answer
  // for the agent's own UTS namespace, which in a container is not the host's.
  if (fs.root() != "/") facts.hostname = first_line(fs, "/etc/hostname");
  if (facts.hostname.empty()) {
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) == 0) facts.hostname = name;
  }
  if (auto os = collector::read_host_os_release(fs)) {
    facts.os = os->name;
    facts.os_version = os->version_id;
  }
  facts.kernel = first_line(fs, "/proc/sys/kernel/osrelease");
  struct utsname uts {};
  if (::uname(&uts) == 0) {
    facts.arch = uts.machine;
    if (facts.kernel.empty()) facts.kernel = uts.release;
  }
  facts.identity = transport::read_machine_id(fs.root()).value_or("hostname:" + facts.hostname);
  facts.cpu_cores = static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
  if (auto meminfo = fs.read_file("/proc/meminfo", 1 << 16)) {
    const double bytes = static_cast<double>(kib_to_bytes(proc_field(*meminfo, "MemTotal")));
    facts.memory_gb = std::round(bytes / (1024.0 * 1024 * 1024) * 100) / 100;
  }
  return facts;
}

ProcessFacts read_process_facts() {
  ProcessFacts facts;
  std::ifstream in("/proc/self/status");
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string status = buffer.str();
  facts.rss_bytes = kib_to_bytes(proc_field(status, "VmRSS"));
  facts.peak_rss_bytes = kib_to_bytes(proc_field(status, "VmHWM"));
  facts.effective_capabilities = proc_field(status, "CapEff");
  struct rusage usage {};
  if (::getrusage(RUSAGE_SELF, &usage) == 0) {
    facts.cpu_user_seconds = double(usage.ru_utime.tv_sec) + double(usage.ru_utime.tv_usec) / 1e6;
    facts.cpu_system_seconds = double(usage.ru_stime.tv_sec) + double(usage.ru_stime.tv_usec) / 1e6;
  }
  facts.uid = ::getuid();
  facts.euid = ::geteuid();
  return facts;
}

}  // namespace zt::agent
