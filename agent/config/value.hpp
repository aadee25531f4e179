#pragma once
// One configuration value as the user wrote it (from the YAML file or an environment
// variable), and the typed parsers the keys use. A parser returns the typed value, or a
// problem ("expected …, got …") that the loader prefixes with the location and the key.
// The secret parser never puts the value into its problem. Internal to zt_agent_config.
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>

#include "agent/config/secret.hpp"
#include "collectors/core/options.hpp"
#include "schema-client/model/result.hpp"

namespace zt::agent {

struct Value {
  enum class Shape { nothing, scalar, list, map };  // nothing: `key:` or `key: ~`
  Shape shape = Shape::nothing;
  std::string_view text;  // the scalar, as written
};

// How a problem shows what was written: "\"abc\"" (quoted, shortened), "a list", "a map",
// "nothing". Never used on secrets.
std::string shown(const Value& value);

struct DurationRange {
  std::chrono::seconds min;
  std::chrono::seconds max;
  std::string_view text;  // "between 60s and 7d"
};
inline constexpr DurationRange kIntervalRange{std::chrono::seconds(60), std::chrono::days(7),
                                              "between 60s and 7d"};
inline constexpr DurationRange kTimeoutRange{std::chrono::seconds(1), std::chrono::hours(1),
                                             "between 1s and 1h"};

// true/false (also True/TRUE/False/FALSE, as YAML 1.2 has them); not yes/no/on/off.
model::Result<bool> to_bool(const Value& value);
model::Result<long long> to_integer(const Value& value, long long min, long long max);
// Any scalar; nothing is "".
model::Result<std::string> to_text(const Value& value);
model::Result<std::string> to_choice(const Value& value, std::span<const std::string_view> choices);
model::Result<std::filesystem::path> to_absolute_path(const Value& value);
model::Result<std::chrono::seconds> to_duration(const Value& value, const DurationRange& range);
// "" (nothing or an empty string: no server) or http(s)://host[:port][/…], scheme lower-cased.
// Whether plain http is allowed is decided with the whole section (see the loader).
model::Result<std::string> to_url(const Value& value);
// Nothing or "" is "not set"; otherwise one word without spaces or control characters.
model::Result<Secret> to_secret(const Value& value);
// A boolean, integer or text option of a collector, as the JSON that OptionValues holds.
// (Lists are read by the loader, which can point at the item that is wrong.)
model::Result<nlohmann::json> to_option(const collector::OptionSpec& spec, const Value& value);

}  // namespace zt::agent
