#include "agent/check_config.hpp"

namespace zt::agent {

std::vector<std::string> collector_problems(
    const AgentConfig& config, std::span<const collector::CollectorDescriptor> descriptors) {
  std::vector<std::string> problems;
  for (const collector::CollectorDescriptor& descriptor : descriptors) {
    const CollectorConfig& settings = config.collectors.at(std::string(descriptor.name));
    if (!settings.enabled || !descriptor.validate) continue;
    for (const std::string& problem : descriptor.validate(settings.options))
      problems.push_back("collectors." + std::string(descriptor.name) + ": " + problem);
  }
  return problems;
}

}  // namespace zt::agent
