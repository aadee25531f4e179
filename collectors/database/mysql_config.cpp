#include "collectors/database/mysql_config.hpp"

#include <algorithm>

#include "collectors/core/text.hpp"

namespace zt::database {
namespace {

using collector::split_lines;
using collector::trim;
using collector::unquote;

std::string option_name(std::string_view name) {
  std::string out = lower(std::string(trim(name)));
  std::replace(out.begin(), out.end(), '-', '_');
  return out;
}

// An unquoted value ends at " #".
std::string_view strip_comment(std::string_view value) {
  value = trim(value);
  if (!value.empty() && (value.front() == '"' || value.front() == '\'')) return value;
  for (std::size_t i = 0; i < value.size(); ++i)
    if (value[i] == '#' && (i == 0 || value[i - 1] == ' ' || value[i - 1] == '\t'))
      return trim(value.substr(0, i));
  return value;
}

}  // namespace

MyCnf parse_my_cnf(std::string_view text) {
  MyCnf cnf;
  std::string section;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#' || line.front() == ';') continue;
    if (line.front() == '!') {
      const auto words = collector::split_whitespace(line);
      const bool dir = words[0] == "!includedir";
      if ((words[0] != "!include" && !dir) || words.size() < 2) {
        cnf.errors.push_back({number, "unknown directive \"" + std::string(words[0]) + "\""});
        continue;
      }
      cnf.includes.push_back({std::string(trim(line.substr(words[0].size()))), dir, number});
      continue;
    }
    if (line.front() == '[') {
      if (line.back() != ']' || line.size() < 3) {
        cnf.errors.push_back({number, "malformed section header"});
        continue;
      }
      section = lower(std::string(trim(line.substr(1, line.size() - 2))));
      continue;
    }
    if (section.empty()) {
      cnf.errors.push_back({number, "option outside any [section]"});
      continue;
    }
    const auto equals = line.find('=');
    MyOption option;
    option.section = section;
    option.line = number;
    if (equals == std::string_view::npos) {
      option.name = option_name(strip_comment(line));
    } else {
      option.name = option_name(line.substr(0, equals));
      option.value = std::string(unquote(strip_comment(line.substr(equals + 1))));
      option.has_value = true;
    }
    if (option.name.empty()) {
      cnf.errors.push_back({number, "no option name before '='"});
      continue;
    }
    cnf.options.push_back(std::move(option));
  }
  return cnf;
}

bool is_server_section(std::string_view section) {
  for (std::string_view base : {"mysqld", "server", "mariadbd", "mariadb"}) {
    if (section == base) return true;
    if (section.size() > base.size() + 1 && section.substr(0, base.size()) == base &&
        section[base.size()] == '-')
      return true;
  }
  return false;
}

}  // namespace zt::database
