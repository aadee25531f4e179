// Host and process facts on Windows (host_facts.hpp), from the system's own calls: HostFs has
// no /proc or os-release to read there.
#include <windows.h>
#include <psapi.h>

#include <cmath>

#include "agent/host_facts.hpp"
#include "transport/machine_identity.hpp"

namespace zt::agent {
namespace {

std::string narrow(const wchar_t* text) {
  const int size = WideCharToMultiByte(CP_UTF8, 0, text, -1, nullptr, 0, nullptr, nullptr);
  if (size <= 1) return {};
  std::string out(static_cast<std::size_t>(size - 1), '\0');
  WideCharToMultiByte(CP_UTF8, 0, text, -1, out.data(), size, nullptr, nullptr);
  return out;
}

// The true version: GetVersionEx answers 6.2 to a program without a compatibility manifest,
// RtlGetVersion (ntdll, always loaded) does not.
OSVERSIONINFOW real_version() {
  OSVERSIONINFOW info{};
  info.dwOSVersionInfoSize = sizeof(info);
  using RtlGetVersion = LONG(WINAPI*)(OSVERSIONINFOW*);
  if (const HMODULE ntdll = GetModuleHandleW(L"ntdll.dll"))
    if (const auto get = reinterpret_cast<RtlGetVersion>(
            reinterpret_cast<void*>(GetProcAddress(ntdll, "RtlGetVersion"))))
      get(&info);
  return info;
}

std::string architecture() {
  SYSTEM_INFO info{};
  GetNativeSystemInfo(&info);
  switch (info.wProcessorArchitecture) {
    case PROCESSOR_ARCHITECTURE_AMD64: return "x86_64";
    case PROCESSOR_ARCHITECTURE_ARM64: return "aarch64";
    case PROCESSOR_ARCHITECTURE_INTEL: return "i686";
    default: return "unknown";
  }
}

double seconds_of(FILETIME time) {  // 100 ns ticks
  return static_cast<double>((static_cast<std::uint64_t>(time.dwHighDateTime) << 32) |
                             time.dwLowDateTime) / 1e7;
}

}  // namespace

// host_root does not apply on Windows (no containerised agent there): the facts are the
// running system's.
HostFacts read_host_facts(const collector::HostFs& fs) {
  HostFacts facts;
  wchar_t name[256] = {};
  DWORD size = static_cast<DWORD>(std::size(name));
  if (GetComputerNameExW(ComputerNameDnsHostname, name, &size)) facts.hostname = narrow(name);
  const OSVERSIONINFOW version = real_version();
  facts.os = "Windows";
  facts.os_version =
      std::to_string(version.dwMajorVersion) + "." + std::to_string(version.dwMinorVersion);
  facts.kernel = facts.os_version + "." + std::to_string(version.dwBuildNumber);
  facts.arch = architecture();
  facts.identity = transport::read_machine_id(fs.root()).value_or("hostname:" + facts.hostname);
  facts.cpu_cores = static_cast<int>(GetActiveProcessorCount(ALL_PROCESSOR_GROUPS));
  MEMORYSTATUSEX memory{};
  memory.dwLength = sizeof(memory);
  if (GlobalMemoryStatusEx(&memory))
    facts.memory_gb =
        std::round(static_cast<double>(memory.ullTotalPhys) / (1024.0 * 1024 * 1024) * 100) / 100;
  return facts;
}

// uid, euid and capabilities stay 0 and empty: Windows has tokens and privileges instead.
ProcessFacts read_process_facts() {
  ProcessFacts facts;
  PROCESS_MEMORY_COUNTERS memory{};
  if (GetProcessMemoryInfo(GetCurrentProcess(), &memory, sizeof(memory))) {
    facts.rss_bytes = memory.WorkingSetSize;
    facts.peak_rss_bytes = memory.PeakWorkingSetSize;
  }
  FILETIME created{}, exited{}, kernel{}, user{};
  if (GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user)) {
    facts.cpu_user_seconds = seconds_of(user);
    facts.cpu_system_seconds = seconds_of(kernel);
  }
  return facts;
}

}  // namespace zt::agent
