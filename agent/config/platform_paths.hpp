#pragma once
// Where the agent keeps its files unless told otherwise, per platform:
//   Linux (platform_paths_linux.cpp): /etc/zerotrace/agent.yaml, /var/lib/zerotrace-agent
//   Windows (platform_paths_windows.cpp): %ProgramData%\ZeroTrace\agent.yaml,
//                                         %ProgramData%\ZeroTrace\state
#include <filesystem>

namespace zt::agent {

std::filesystem::path default_config_file();
std::filesystem::path default_state_dir();

}  // namespace zt::agent
