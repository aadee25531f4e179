#pragma once
// Mosquitto's configuration (mosquitto.conf(5), version 2.0): the directives of one file, and
// the broker's effective settings from all of them in reading order (the reader splices the
// files of `include_dir` in where it stands). Pure; never throws.
//
// What the effective settings follow from the manual:
//   - `listener <port> [<bind address>]` opens a listener; `certfile`, `psk_hint`,
//     `protocol` after it are its own. The deprecated `port` / `bind_address` are the default
//     listener's.
//   - with `per_listener_settings true`, `allow_anonymous`, `password_file`, `acl_file` and
//     `plugin` / `auth_plugin` after a listener are that listener's; else they are global,
//     wherever they stand.
//   - no listener at all is "local only mode": port 1883 on loopback, anonymous clients
//     allowed. Once a listener is configured, `allow_anonymous` defaults to false.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/socket_table.hpp"

namespace zt::iot_ot {

struct Directive {
  std::string key;    // lower case: "listener", "allow_anonymous", …
  std::string value;  // the rest of the line, trimmed
  std::string file;
  std::size_t line = 0;
  bool operator==(const Directive&) const = default;
};

// Every directive of `text` (blank lines and lines starting with '#' skipped).
std::vector<Directive> parse_mosquitto_conf(std::string_view text, std::string_view file);

struct AuthSettings {
  std::optional<Directive> allow_anonymous;
  std::optional<Directive> password_file;
  std::optional<Directive> acl_file;
  std::optional<Directive> plugin;  // plugin or auth_plugin: authentication is delegated
};

struct MqttListener {
  std::uint16_t port = 1883;
  std::string bind;  // "" for every interface
  bool websockets = false;
  std::optional<Directive> tls;       // certfile or psk_hint: clients connect over TLS
  AuthSettings own;                   // used with per_listener_settings true
  std::optional<Directive> declared;  // its listener/port line; none in local only mode
};

struct BrokerConfig {
  std::vector<std::string> files;  // every file read, in reading order
  std::optional<Directive> per_listener_settings;
  AuthSettings global;
  std::vector<MqttListener> listeners;
  bool local_only = false;  // no listener configured
};

// The effective settings; `files` is left to the reader.
BrokerConfig broker_config(const std::vector<Directive>& directives);

// The settings that apply to `listener`'s clients.
const AuthSettings& auth_of(const BrokerConfig& config, const MqttListener& listener);

// Clients without a user name may connect to `listener`.
bool anonymous_allowed(const BrokerConfig& config, const MqttListener& listener);

using collector::reachable_from_network;

}  // namespace zt::iot_ot
