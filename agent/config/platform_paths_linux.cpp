#include "agent/config/platform_paths.hpp"

namespace zt::agent {

std::filesystem::path default_config_file() { return "/etc/zerotrace/agent.yaml"; }
std::filesystem::path default_state_dir() { return "/var/lib/zerotrace-agent"; }

}  // namespace zt::agent
