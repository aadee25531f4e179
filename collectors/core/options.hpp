#pragma once
// A collector's own options, declared as one table (OptionSpec) that the agent's config
// loader validates `collectors.<name>.<key>` against and that `--list-collectors` prints.
// OptionValues holds the validated values, defaults filled in; it is immutable once built.
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace zt::collector {

enum class OptionType { boolean, integer, text, text_list };

struct OptionSpec {
  std::string_view key;
  OptionType type;
  std::string_view default_value;  // as YAML text: "true", "30", "[]", "/run/docker.sock"
  std::string_view help;
  long long min = 0;  // integer options only
  long long max = 0;
};

class OptionValues {
 public:
  OptionValues() = default;
  explicit OptionValues(nlohmann::json values) : values_(std::move(values)) {}

  bool boolean(std::string_view key) const;
  long long integer(std::string_view key) const;
  std::string text(std::string_view key) const;
  std::vector<std::string> text_list(std::string_view key) const;

  // The values of `specs` with their defaults, for a collector that has no config section.
  static OptionValues defaults(std::span<const OptionSpec> specs);
  const nlohmann::json& as_json() const { return values_; }

 private:
  nlohmann::json values_ = nlohmann::json::object();
};

// Parses an OptionSpec default (YAML-like text) into its JSON value.
nlohmann::json default_value_of(const OptionSpec& spec);

}  // namespace zt::collector
