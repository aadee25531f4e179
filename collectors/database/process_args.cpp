#include "collectors/database/process_args.hpp"

#include <algorithm>
#include <string_view>

namespace zt::database {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// "name=value" → (name, value); "name" → (name, "on").
std::pair<std::string, std::string> name_value(std::string_view text) {
  const auto equals = text.find('=');
  if (equals == std::string_view::npos) return {std::string(text), "on"};
  return {std::string(text.substr(0, equals)), std::string(text.substr(equals + 1))};
}

// The value of "-x VALUE" or "-xVALUE" at argv[i] (advancing i), or nullopt.
std::optional<std::string> short_value(const std::vector<std::string>& argv, std::size_t& i,
                                       std::string_view flag) {
  const std::string& a = argv[i];
  if (a == flag) {
    if (i + 1 >= argv.size()) return std::nullopt;
    return argv[++i];
  }
  if (starts_with(a, flag) && a.size() > flag.size()) return a.substr(flag.size());
  return std::nullopt;
}

}  // namespace

ArgSettings postgres_args(const std::vector<std::string>& argv) {
  ArgSettings out;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (auto v = short_value(argv, i, "-D")) {
      out.data_dir = *v;
    } else if (auto c = short_value(argv, i, "-c")) {
      out.settings.push_back(name_value(*c));
    } else if (auto p = short_value(argv, i, "-p")) {
      out.settings.emplace_back("port", *p);
    } else if (auto h = short_value(argv, i, "-h")) {
      out.settings.emplace_back("listen_addresses", *h);
    } else if (starts_with(a, "--") && a.find('=') != std::string::npos) {
      auto [name, value] = name_value(std::string_view(a).substr(2));
      std::replace(name.begin(), name.end(), '-', '_');
      out.settings.emplace_back(name, value);
    }
  }
  for (const auto& [name, value] : out.settings)
    if (name == "config_file") out.config_path = value;
  return out;
}

ArgSettings mysql_args(const std::vector<std::string>& argv) {
  ArgSettings out;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string_view a = argv[i];
    if (!starts_with(a, "--")) continue;
    auto [name, value] = name_value(a.substr(2));
    std::replace(name.begin(), name.end(), '-', '_');
    if (name == "defaults_file")
      out.config_path = value;
    else if (name == "defaults_extra_file")
      out.extra_file = value;
    else
      out.settings.emplace_back(name, value);
  }
  return out;
}

ArgSettings redis_args(const std::vector<std::string>& argv) {
  ArgSettings out;
  std::size_t i = 1;
  if (i < argv.size() && !starts_with(argv[i], "-")) out.config_path = argv[i++];
  while (i < argv.size()) {
    if (!starts_with(argv[i], "--")) {
      ++i;
      continue;
    }
    std::string name = argv[i++].substr(2);
    std::string value;
    while (i < argv.size() && !starts_with(argv[i], "--")) {
      if (!value.empty()) value += ' ';
      value += argv[i++];
    }
    out.settings.emplace_back(name, value.empty() ? "yes" : value);
  }
  return out;
}

ArgSettings mongod_args(const std::vector<std::string>& argv) {
  ArgSettings out;
  for (std::size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    auto [name, value] = name_value(a);
    const bool inline_value = a.find('=') != std::string::npos;
    auto take = [&]() -> std::optional<std::string> {
      if (inline_value) return value;
      if (i + 1 < argv.size()) return argv[++i];
      return std::nullopt;
    };
    if (name == "--config" || name == "-f") {
      if (auto v = take()) out.config_path = *v;
    } else if (name == "--bind_ip") {
      if (auto v = take()) out.settings.emplace_back("net.bindIp", *v);
    } else if (name == "--port") {
      if (auto v = take()) out.settings.emplace_back("net.port", *v);
    } else if (a == "--bind_ip_all") {
      out.settings.emplace_back("net.bindIpAll", "true");
    } else if (a == "--auth") {
      out.settings.emplace_back("security.authorization", "enabled");
    } else if (a == "--noauth") {
      out.settings.emplace_back("security.authorization", "disabled");
    }
  }
  return out;
}

ArgSettings elastic_args(const std::vector<std::string>& argv) {
  ArgSettings out;
  for (const std::string& a : argv)
    for (std::string_view prefix : {"-Des.path.conf=", "-Dopensearch.path.conf="})
      if (starts_with(a, prefix)) out.config_path = a.substr(prefix.size());
  return out;
}

}  // namespace zt::database
