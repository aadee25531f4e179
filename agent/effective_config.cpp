#include "agent/effective_config.hpp"

#include <algorithm>

namespace zt::agent {

model::Result<AgentConfig> effective_config(
    const CliOptions& cli, std::span<const collector::CollectorDescriptor> descriptors,
    const config::EnvLookup& env) {
  std::error_code ec;
  const std::filesystem::path default_file = default_config_file();
  auto loaded = cli.config ? load_config(*cli.config, descriptors, env)
                : std::filesystem::exists(default_file, ec)
                    ? load_config(default_file, descriptors, env)
                    : default_config(descriptors, env);
  if (!loaded) return loaded;
  AgentConfig config = std::move(loaded.value());
  if (cli.host_root) config.agent.host_root = std::filesystem::absolute(*cli.host_root, ec);
  if (!std::filesystem::is_directory(config.agent.host_root, ec))
    return model::Error{"host root " + config.agent.host_root.string() + ": not a directory"};
  if (cli.collectors) {
    std::string known;
    for (const auto& d : descriptors) known += (known.empty() ? "" : ", ") + std::string(d.name);
    for (const std::string& name : *cli.collectors)
      if (!config.collectors.contains(name))
        return model::Error{"--collectors: unknown collector \"" + name + "\" (known: " + known +
                            ")"};
    for (auto& [name, settings] : config.collectors)
      settings.enabled = std::ranges::find(*cli.collectors, name) != cli.collectors->end();
  }
  return config;
}

}  // namespace zt::agent
