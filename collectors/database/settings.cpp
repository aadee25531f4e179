#include "collectors/database/settings.hpp"

#include <algorithm>
#include <cctype>

namespace zt::database {

std::string describe_error(const std::string& file, const ParseError& error) {
  return file + ":" + std::to_string(error.line) + ": " + error.message;
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

int parse_bool(const std::string& text) {
  const std::string t = lower(text);
  if (t == "yes" || t == "on" || t == "true" || t == "1") return 1;
  if (t == "no" || t == "off" || t == "false" || t == "0") return 0;
  return -1;
}

}  // namespace zt::database
