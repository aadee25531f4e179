#pragma once
// The part of TOML that containers-common's files (registries.conf, containers.conf) use:
// `[table]` and `[[array.of.tables]]` headers, `key = value` with strings ("basic" with
// escapes, 'literal'), booleans, integers and arrays of those (across lines too), `#`
// comments. Pure; an error names the file and the line ("registries.conf:12: …"). Inline
// tables, dates and multi-line strings are not needed there and are errors, as is text that
// is not UTF-8.
#include <cstddef>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::container {

using TomlScalar = std::variant<std::string, bool, long long>;

struct TomlEntry {
  std::string table;      // "registry", "registries.insecure"; "" before any header
  std::size_t block = 0;  // which header it is under: 0 before any, then 1, 2, … per header
  std::string key;        // dotted keys kept as written: "a.b"
  std::vector<TomlScalar> values;  // one value, or the elements of an array
  bool is_array = false;
  std::size_t line = 0;
};

struct TomlDocument {
  std::vector<TomlEntry> entries;
};

model::Result<TomlDocument> parse_toml_subset(std::string_view text, std::string_view file);

}  // namespace zt::container
