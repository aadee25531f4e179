#pragma once
// The insecure registries of a containers-common registries.conf (or one of its drop-ins):
// version 2 `[[registry]]` blocks with `insecure = true` (named by `location`, else
// `prefix`), and version 1 `[registries.insecure] registries = [...]`. Pure.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/container/toml_subset.hpp"

namespace zt::container {

struct InsecureRegistry {
  std::string name;
  std::size_t line = 0;  // of the `insecure` or `registries` key
};

std::vector<InsecureRegistry> insecure_registries(const TomlDocument& registries_conf);

}  // namespace zt::container
