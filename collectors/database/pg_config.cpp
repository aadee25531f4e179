#include "collectors/database/pg_config.hpp"

#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::database {
namespace {

using collector::split_lines;
using collector::trim;

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '.' || c == '-';
}

// The value part of a postgresql.conf line: quoted ('' escapes a quote) or a bare word up to
// whitespace or '#'. nullopt for an unterminated quote.
std::optional<std::string> conf_value(std::string_view rest, std::string_view& after) {
  rest = trim(rest);
  std::string value;
  if (!rest.empty() && rest.front() == '\'') {
    std::size_t i = 1;
    for (; i < rest.size(); ++i) {
      if (rest[i] == '\'') {
        if (i + 1 < rest.size() && rest[i + 1] == '\'') {
          value += '\'';
          ++i;
          continue;
        }
        after = rest.substr(i + 1);
        return value;
      }
      if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
      value += rest[i];
    }
    return std::nullopt;
  }
  std::size_t end = 0;
  while (end < rest.size() && rest[end] != '#' && rest[end] != ' ' && rest[end] != '\t') ++end;
  after = rest.substr(end);
  return std::string(rest.substr(0, end));
}

// Splits an hba line into fields: whitespace separated, double quotes group (and keep commas
// literal), '#' outside quotes ends the line. nullopt for an unterminated quote.
std::optional<std::vector<std::string>> hba_fields(std::string_view line) {
  std::vector<std::string> fields;
  std::string current;
  bool in_field = false, quoted = false;
  for (char c : line) {
    if (quoted) {
      if (c == '"')
        quoted = false;
      else
        current += c;
      continue;
    }
    if (c == '#') break;
    if (c == ' ' || c == '\t') {
      if (in_field) fields.push_back(std::move(current));
      current.clear();
      in_field = false;
      continue;
    }
    in_field = true;
    if (c == '"')
      quoted = true;
    else
      current += c;
  }
  if (quoted) return std::nullopt;
  if (in_field) fields.push_back(std::move(current));
  return fields;
}

bool is_host_type(const std::string& type) {
  return type == "host" || type == "hostssl" || type == "hostnossl" || type == "hostgssenc" ||
         type == "hostnogssenc";
}

// "10.0.0.0" followed by a mask field ("255.0.0.0") rather than the method.
bool looks_like_mask(const std::string& field) {
  return !field.empty() && field.find('/') == std::string::npos &&
         (std::isdigit(static_cast<unsigned char>(field.front())) != 0 ||
          field.find(':') != std::string::npos);
}

}  // namespace

const ConfEntry* PgConf::last(std::string_view name) const {
  for (auto it = entries.rbegin(); it != entries.rend(); ++it)
    if (it->name == name) return &*it;
  return nullptr;
}

PgConf parse_postgresql_conf(std::string_view text) {
  PgConf conf;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    std::size_t end = 0;
    while (end < line.size() && is_name_char(line[end])) ++end;
    if (end == 0) {
      conf.errors.push_back({number, "expected a parameter name"});
      continue;
    }
    const std::string name = lower(std::string(line.substr(0, end)));
    std::string_view rest = trim(line.substr(end));
    if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
    std::string_view after;
    auto value = conf_value(rest, after);
    if (!value) {
      conf.errors.push_back({number, "unterminated quoted value of " + name});
      continue;
    }
    after = trim(after);
    if (!after.empty() && after.front() != '#') {
      conf.errors.push_back({number, "unexpected text after the value of " + name});
      continue;
    }
    if (value->empty() && trim(rest).empty()) {
      conf.errors.push_back({number, "no value for " + name});
      continue;
    }
    ConfEntry entry{name, std::move(*value), number};
    if (name == "include" || name == "include_if_exists" || name == "include_dir")
      conf.includes.push_back(std::move(entry));
    else
      conf.entries.push_back(std::move(entry));
  }
  return conf;
}

PgHba parse_pg_hba(std::string_view text) {
  PgHba hba;
  const auto lines = split_lines(text);
  std::string joined;
  std::size_t first_line = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    if (joined.empty()) first_line = i + 1;
    if (!line.empty() && line.back() == '\\' && i + 1 < lines.size()) {
      joined += line.substr(0, line.size() - 1);
      joined += ' ';
      continue;
    }
    joined += line;
    const std::size_t number = first_line;
    auto fields = hba_fields(joined);
    joined.clear();
    if (!fields) {
      hba.errors.push_back({number, "unterminated double quote"});
      continue;
    }
    if (fields->empty()) continue;
    HbaRule rule;
    rule.line = number;
    rule.type = lower((*fields)[0]);
    if (rule.type.rfind("include", 0) == 0) continue;  // PostgreSQL 16 include lines
    const bool local = rule.type == "local";
    if (!local && !is_host_type(rule.type)) {
      hba.errors.push_back({number, "unknown connection type \"" + (*fields)[0] + "\""});
      continue;
    }
    std::size_t next = 3;
    if (fields->size() < (local ? 4u : 5u)) {
      hba.errors.push_back({number, "too few fields for a \"" + rule.type + "\" rule"});
      continue;
    }
    rule.database = (*fields)[1];
    rule.user = (*fields)[2];
    if (!local) {
      rule.address = (*fields)[3];
      next = 4;
      if (rule.address.find('/') == std::string::npos && looks_like_mask((*fields)[3]) &&
          fields->size() >= 6 && looks_like_mask((*fields)[4])) {
        rule.address += " " + (*fields)[4];
        next = 5;
      }
    }
    rule.method = lower((*fields)[next]);
    hba.rules.push_back(std::move(rule));
  }
  return hba;
}

bool hba_address_is_open(const HbaRule& rule) {
  const std::string& a = rule.address;
  return a == "all" || a == "0.0.0.0/0" || a == "::/0" || a == "::0/0" || a == "0.0.0.0 0.0.0.0" ||
         a == "::0 ::0" || a == ":: ::";
}

}  // namespace zt::database
