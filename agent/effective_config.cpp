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
  if (!cli.netconfig_paths.empty()) {
    if (cli.collectors && std::ranges::find(*cli.collectors, "netconfig") == cli.collectors->end())
      return model::Error{"--netconfig-path: the netconfig collector is not among --collectors"};
    // Host paths, like the option they replace: a relative one is from the working folder.
    nlohmann::json paths = nlohmann::json::array();
    for (const std::filesystem::path& given : cli.netconfig_paths) {
      const std::filesystem::path path = std::filesystem::absolute(given, ec);
      if (!std::filesystem::exists(config.agent.host_root / path.relative_path(), ec))
        return model::Error{"--netconfig-path " + given.string() + ": no such file or folder" +
                            (config.agent.host_root == "/" ? ""
                                                          : " under host root " +
                                                                config.agent.host_root.string())};
      paths.push_back(path.string());
    }
    if (auto netconfig = config.collectors.find("netconfig"); netconfig != config.collectors.end()) {
      nlohmann::json options = netconfig->second.options.as_json();
      options["paths"] = std::move(paths);
      netconfig->second.options = collector::OptionValues(std::move(options));
    }
  }
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
