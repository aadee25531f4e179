#pragma once
// The configuration files of Ethereum execution clients, read flat: every setting as
// (section, key, values), lists as several values. Enough of each format for the settings
// node_settings.hpp judges, not a general parser:
// - TOML (geth's --config file, "[Node]" HTTPHost = "0.0.0.0", HTTPModules = ["admin"];
//   besu's --config-file, rpc-http-host="0.0.0.0"; erigon's, "http.addr" = "0.0.0.0"):
//   `key = value` with a string, number, boolean or array of those (an array may span
//   lines), `[section]` headers, `#` comments.
// - YAML (erigon's --config file.yaml): top-level `key: value` and `key: [a, b]`.
// - JSON (nethermind's .json/.cfg: {"JsonRpc": {"Host": "0.0.0.0", "EnabledModules": […]}}):
//   the members of the top-level objects, arrays of scalars as several values.
// Pure; never throws; what does not parse is skipped (JSON that does not parse: nothing).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zt::web3 {

struct ConfigEntry {
  std::string section;  // "" at the top level
  std::string key;
  std::vector<std::string> values;
  std::size_t line = 0;  // from 1; 0 for JSON

  bool operator==(const ConfigEntry&) const = default;
};

enum class ConfigFormat { toml, yaml, json };

// By the file name: ".yaml"/".yml" YAML, ".json"/".cfg" JSON (nethermind), else TOML.
ConfigFormat config_format_of(std::string_view path);

std::vector<ConfigEntry> parse_config(std::string_view text, ConfigFormat format);

}  // namespace zt::web3
