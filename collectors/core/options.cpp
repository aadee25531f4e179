#include "collectors/core/options.hpp"

namespace zt::collector {

std::string default_text(const OptionSpec& spec) {
  const nlohmann::json& value = spec.default_value;
  if (value.is_string()) return value.get<std::string>();
  if (!value.is_array()) return value.dump();
  std::string out = "[";
  for (const nlohmann::json& item : value)
    out += (out.size() > 1 ? ", " : "") + (item.is_string() ? item.get<std::string>() : item.dump());
  return out + "]";
}

OptionValues OptionValues::defaults(std::span<const OptionSpec> specs) {
  nlohmann::json values = nlohmann::json::object();
  for (const OptionSpec& spec : specs) values[std::string(spec.key)] = spec.default_value;
  return OptionValues(std::move(values));
}

// A missing key is a programming error (the loader fills every declared key).
bool OptionValues::boolean(std::string_view key) const {
  return values_.at(std::string(key)).get<bool>();
}
long long OptionValues::integer(std::string_view key) const {
  return values_.at(std::string(key)).get<long long>();
}
std::string OptionValues::text(std::string_view key) const {
  return values_.at(std::string(key)).get<std::string>();
}
std::vector<std::string> OptionValues::text_list(std::string_view key) const {
  return values_.at(std::string(key)).get<std::vector<std::string>>();
}

}  // namespace zt::collector
