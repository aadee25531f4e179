#include "collectors/iot_ot/mosquitto_config.hpp"

#include <algorithm>
#include <cctype>

#include "collectors/core/text.hpp"

namespace zt::iot_ot {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool is_true(const Directive& d) { return lower(d.value) == "true"; }

// The listener a listener-scoped directive belongs to: the last one opened, else the
// default listener (opened by `port` / `bind_address` when they come first).
MqttListener& current(std::vector<MqttListener>& listeners) {
  if (listeners.empty()) listeners.emplace_back();
  return listeners.back();
}

std::uint16_t port_of(std::string_view text) {
  unsigned value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || value > 65535) return 0;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  return value > 65535 ? 0 : static_cast<std::uint16_t>(value);
}

void set_auth(AuthSettings& auth, const Directive& d) {
  if (d.key == "allow_anonymous") auth.allow_anonymous = d;
  else if (d.key == "password_file") auth.password_file = d;
  else if (d.key == "acl_file") auth.acl_file = d;
  else auth.plugin = d;
}

}  // namespace

std::vector<Directive> parse_mosquitto_conf(std::string_view text, std::string_view file) {
  std::vector<Directive> out;
  std::size_t number = 0;
  for (std::string_view line : collector::split_lines(text)) {
    ++number;
    line = collector::trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::size_t space = line.find_first_of(" \t");
    Directive d;
    d.key = lower(line.substr(0, space));
    d.value = space == std::string_view::npos ? "" : std::string(collector::trim(line.substr(space)));
    d.file = std::string(file);
    d.line = number;
    out.push_back(std::move(d));
  }
  return out;
}

BrokerConfig broker_config(const std::vector<Directive>& directives) {
  BrokerConfig config;
  for (const Directive& d : directives)
    if (d.key == "per_listener_settings") config.per_listener_settings = d;
  const bool per_listener = config.per_listener_settings && is_true(*config.per_listener_settings);

  bool default_opened = false;  // `port`/`bind_address` name the default listener
  for (const Directive& d : directives) {
    if (d.key == "listener") {
      const std::size_t space = d.value.find_first_of(" \t");
      MqttListener& l = config.listeners.emplace_back();
      l.port = port_of(d.value.substr(0, space));
      if (space != std::string::npos)
        l.bind = std::string(collector::trim(std::string_view(d.value).substr(space)));
      l.declared = d;
    } else if (d.key == "port" || d.key == "bind_address") {
      if (!default_opened) {
        config.listeners.insert(config.listeners.begin(), MqttListener{});
        default_opened = true;
      }
      MqttListener& l = config.listeners.front();
      if (d.key == "port") l.port = port_of(d.value);
      else l.bind = d.value;
      if (!l.declared) l.declared = d;
    } else if (d.key == "certfile" || d.key == "psk_hint") {
      current(config.listeners).tls = d;
    } else if (d.key == "protocol") {
      current(config.listeners).websockets = lower(d.value) == "websockets";
    } else if (d.key == "allow_anonymous" || d.key == "password_file" || d.key == "acl_file" ||
               d.key == "plugin" || d.key == "auth_plugin") {
      set_auth(per_listener && !config.listeners.empty() ? config.listeners.back().own
                                                         : config.global,
               d);
    }
  }
  if (config.listeners.empty()) {
    config.local_only = true;
    MqttListener& l = config.listeners.emplace_back();
    l.bind = "127.0.0.1";
  }
  return config;
}

const AuthSettings& auth_of(const BrokerConfig& config, const MqttListener& listener) {
  const bool per_listener = config.per_listener_settings && is_true(*config.per_listener_settings);
  return per_listener ? listener.own : config.global;
}

bool anonymous_allowed(const BrokerConfig& config, const MqttListener& listener) {
  const AuthSettings& auth = auth_of(config, listener);
  if (auth.allow_anonymous) return is_true(*auth.allow_anonymous);
  return config.local_only;
}

}  // namespace zt::iot_ot
