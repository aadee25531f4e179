#pragma once
// A collector's own options (`collectors.<name>.<key>`), declared once: each option is one row
// (option_table.hpp) binding its key, type, range, help and check to a member of the
// collector's options struct, whose default member initializer is the option's default.
// OptionSpec is what a row shows the rest of the agent: the config loader validates against
// it (type, range, check, with the file and line), `--list-collectors` and the documented
// keys print it. OptionValues holds the validated values, defaults filled in; it is
// immutable once built. Pure; thread-safe once built.
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/model/result.hpp"

namespace zt::collector {

enum class OptionType { boolean, integer, text, text_list };

// The problem with one written value of an option that has a syntax of its own (a port
// range, a day), which the loader reports at the value: text options check their value,
// list options each item.
using OptionCheck = model::Status (*)(std::string_view text);

struct OptionSpec {
  std::string_view key;
  OptionType type = OptionType::boolean;
  std::string_view help;
  nlohmann::json default_value;  // true, 30, "", []: the options struct's default
  long long min = 0;  // integer options only
  long long max = 0;
  OptionCheck check = nullptr;
};

// The default as YAML text, as conf/agent.yaml and --list-collectors write it: "true", "30",
// "/run/docker.sock", "" (empty text), "[]", "[a, b]".
std::string default_text(const OptionSpec& spec);

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

}  // namespace zt::collector
