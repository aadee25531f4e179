#include "schema-client/config/field.hpp"

#include <cctype>

namespace zt::config {

std::string environment_name(std::string_view section, std::string_view key) {
  std::string name = "ZEROTRACE_" + std::string(section) + "_" + std::string(key);
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name;
}

std::string dotted(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

}  // namespace zt::config
