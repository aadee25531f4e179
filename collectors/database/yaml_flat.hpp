#pragma once
// A YAML configuration file (mongod.conf, elasticsearch.yml, opensearch.yml) flattened into
// dotted keys: "net:\n  bindIp: 0.0.0.0" and "net.bindIp: 0.0.0.0" both give
// {"net.bindIp", "0.0.0.0", line 2 or 1}. A sequence value is joined with ','. Pure; yaml-cpp's
// exceptions are caught here and become an error naming the line. Never throws.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/database/settings.hpp"

namespace zt::database {

struct YamlEntry {
  std::string key;  // as written (case kept)
  std::string value;
  std::size_t line = 0;
  bool operator==(const YamlEntry&) const = default;
};

struct FlatYaml {
  std::vector<YamlEntry> entries;
  std::vector<ParseError> errors;
  // The entry for `key`, or nullptr.
  const YamlEntry* find(std::string_view key) const;
};

FlatYaml flatten_yaml(std::string_view text);

}  // namespace zt::database
