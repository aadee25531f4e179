#include "collectors/core/options.hpp"

#include <stdexcept>

namespace zt::collector {

nlohmann::json default_value_of(const OptionSpec& spec) {
  switch (spec.type) {
    case OptionType::boolean: return spec.default_value == "true";
    case OptionType::integer: return std::stoll(std::string(spec.default_value));
    case OptionType::text: return std::string(spec.default_value);
    case OptionType::text_list: {
      // "[a, b]" or "[]": the only list form the built-in tables use.
      nlohmann::json list = nlohmann::json::array();
      std::string_view inner = spec.default_value;
      if (inner.size() >= 2) inner = inner.substr(1, inner.size() - 2);
      std::size_t pos = 0;
      while (pos < inner.size()) {
        std::size_t next = inner.find(',', pos);
        if (next == std::string_view::npos) next = inner.size();
        std::string_view item = inner.substr(pos, next - pos);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
        if (!item.empty()) list.push_back(std::string(item));
        pos = next + 1;
      }
      return list;
    }
  }
  return nullptr;
}

OptionValues OptionValues::defaults(std::span<const OptionSpec> specs) {
  nlohmann::json values = nlohmann::json::object();
  for (const OptionSpec& spec : specs) values[std::string(spec.key)] = default_value_of(spec);
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
