#include "collectors/web3/node_config.hpp"

#include <nlohmann/json.hpp>

#include "collectors/core/text.hpp"

namespace zt::web3 {
namespace {

using collector::split_lines;
using collector::trim;
using collector::unquote;

// `text` without a `#` comment that is outside quotes.
std::string_view strip_comment(std::string_view text) {
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#') {
      return text.substr(0, i);
    }
  }
  return text;
}

// "a", 'b', 3, true, or "[a, 'b', "c"]": the scalar values, unquoted.
std::vector<std::string> values_of(std::string_view text) {
  text = trim(text);
  if (!text.starts_with('[')) return {std::string(unquote(text))};
  text.remove_prefix(1);
  if (text.ends_with(']')) text.remove_suffix(1);
  std::vector<std::string> values;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ',') continue;
    const std::string_view item = trim(text.substr(start, i - start));
    if (!item.empty()) values.emplace_back(unquote(item));
    start = i + 1;
  }
  return values;
}

std::vector<ConfigEntry> parse_toml(std::string_view text) {
  std::vector<ConfigEntry> entries;
  std::string section;
  const auto lines = split_lines(text);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = trim(strip_comment(lines[i]));
    if (line.empty()) continue;
    if (line.starts_with('[') && line.ends_with(']') && !line.starts_with("[[")) {
      section = std::string(trim(line.substr(1, line.size() - 2)));
      continue;
    }
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    std::string value(trim(line.substr(eq + 1)));
    const std::size_t first_line = i + 1;
    // An array that goes on over the next lines, up to its ']'.
    if (value.starts_with('[') && value.find(']') == std::string::npos)
      while (i + 1 < lines.size()) {
        const std::string_view more = trim(strip_comment(lines[++i]));
        value += ' ';
        value += more;
        if (more.find(']') != std::string_view::npos) break;
      }
    entries.push_back(
        {section, std::string(unquote(trim(line.substr(0, eq)))), values_of(value), first_line});
  }
  return entries;
}

std::vector<ConfigEntry> parse_yaml(std::string_view text) {
  std::vector<ConfigEntry> entries;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    if (raw.empty() || raw.front() == ' ' || raw.front() == '\t') continue;  // top level only
    const std::string_view line = trim(strip_comment(raw));
    const std::size_t colon = line.find(": ");
    if (line.empty() || line.starts_with('-')) continue;
    if (colon == std::string_view::npos) continue;
    entries.push_back({"", std::string(unquote(trim(line.substr(0, colon)))),
                       values_of(line.substr(colon + 2)), number});
  }
  return entries;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  return {};
}

std::vector<ConfigEntry> parse_json(std::string_view text) {
  const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false, /*ignore_comments=*/true);
  std::vector<ConfigEntry> entries;
  if (!doc.is_object()) return entries;
  for (const auto& [section, members] : doc.items()) {
    if (!members.is_object()) continue;
    for (const auto& [key, value] : members.items()) {
      ConfigEntry entry{section, key, {}, 0};
      if (value.is_array()) {
        for (const nlohmann::json& item : value)
          if (std::string v = scalar_text(item); !v.empty()) entry.values.push_back(std::move(v));
      } else {
        entry.values.push_back(scalar_text(value));
      }
      entries.push_back(std::move(entry));
    }
  }
  return entries;
}

}  // namespace

ConfigFormat config_format_of(std::string_view path) {
  if (path.ends_with(".yaml") || path.ends_with(".yml")) return ConfigFormat::yaml;
  if (path.ends_with(".json") || path.ends_with(".cfg")) return ConfigFormat::json;
  return ConfigFormat::toml;
}

std::vector<ConfigEntry> parse_config(std::string_view text, ConfigFormat format) {
  switch (format) {
    case ConfigFormat::toml:
      return parse_toml(text);
    case ConfigFormat::yaml:
      return parse_yaml(text);
    case ConfigFormat::json:
      return parse_json(text);
  }
  return {};
}

}  // namespace zt::web3
