#include "collectors/database/memcached_config.hpp"

#include "collectors/core/text.hpp"

namespace zt::database {
namespace {

using collector::split_lines;
using collector::split_whitespace;
using collector::trim;
using collector::unquote;

struct OptionName {
  std::string_view short_name;
  std::string_view long_name;
  std::optional<Evidence> MemcachedSettings::*slot;
  bool takes_value;
};

constexpr OptionName kOptions[] = {
    {"-l", "--listen", &MemcachedSettings::listen, true},
    {"-p", "--port", &MemcachedSettings::tcp_port, true},
    {"-U", "--udp-port", &MemcachedSettings::udp_port, true},
    {"-S", "--enable-sasl", &MemcachedSettings::sasl, false},
};

}  // namespace

MemcachedSettings parse_memcached_args(const std::vector<MemcachedArg>& args,
                                       const std::string& file) {
  MemcachedSettings out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i].text;
    for (const OptionName& o : kOptions) {
      std::optional<std::string> value;
      bool matched = false;
      if (a == o.short_name || a == o.long_name) {
        matched = true;
        if (o.takes_value) {
          if (i + 1 >= args.size()) {
            out.errors.push_back({args[i].line, "option " + a + " needs a value"});
            break;
          }
          value = args[++i].text;
        }
      } else if (o.takes_value && a.size() > 2 && a.compare(0, 2, o.short_name) == 0) {
        matched = true;
        value = a.substr(2);  // "-p11211"
      } else if (o.takes_value && a.rfind(std::string(o.long_name) + "=", 0) == 0) {
        matched = true;
        value = a.substr(o.long_name.size() + 1);
      }
      if (!matched) continue;
      if (!o.takes_value) value = "on";
      if (value) out.*(o.slot) = Evidence{file, args[i].line, *value};
      break;
    }
  }
  return out;
}

std::vector<MemcachedArg> memcached_conf_args(std::string_view text) {
  std::vector<MemcachedArg> args;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    for (std::string_view word : split_whitespace(line)) {
      if (word.front() == '#') break;
      args.push_back({std::string(word), number});
    }
  }
  return args;
}

std::vector<MemcachedArg> memcached_sysconfig_args(std::string_view text,
                                                   std::vector<ParseError>& errors) {
  std::vector<MemcachedArg> args;
  std::size_t number = 0;
  for (std::string_view raw : split_lines(text)) {
    ++number;
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    const auto equals = line.find('=');
    if (equals == std::string_view::npos) {
      errors.push_back({number, "expected NAME=value"});
      continue;
    }
    const std::string_view name = trim(line.substr(0, equals));
    const std::string_view quoted = trim(line.substr(equals + 1));
    const std::string_view value = unquote(quoted);
    if (value.size() == quoted.size() && !quoted.empty() &&
        (quoted.front() == '"' || quoted.front() == '\'')) {
      errors.push_back({number, "unterminated quote in " + std::string(name)});
      continue;
    }
    if (name == "PORT") {
      args.push_back({"-p", number});
      args.push_back({std::string(value), number});
    } else if (name == "OPTIONS") {
      for (std::string_view word : split_whitespace(value))
        args.push_back({std::string(word), number});
    }
  }
  return args;
}

}  // namespace zt::database
