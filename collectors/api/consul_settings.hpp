#pragma once
// Who gets into a Consul agent's HTTP API, from its configuration files (JSON, or HCL as
// Consul's documentation writes it: `key = value` lines and `name { … }` blocks, # and //
// comments) and its flags: ACLs (acl.enabled, acl.default_policy, and the legacy
// acl_datacenter / acl_default_policy), script checks (enable_script_checks: a client that
// registers a check runs any command), the HTTP port (ports.http), -dev. Later files win,
// flags win over files, as Consul merges them. Pure; never throws.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace zt::api {

struct ConsulSettings {
  bool acl_enabled = false;
  std::string default_policy = "allow";
  bool script_checks = false;        // enable_script_checks: from the HTTP API too
  bool local_script_checks = false;  // enable_local_script_checks: from files only
  bool dev = false;
  std::uint16_t http_port = 8500;  // ports.http
  std::vector<std::string> config_files;  // read, in the order applied
  // The API lets an anonymous client do what it asks (no ACLs, or ACLs that allow).
  bool open() const { return !acl_enabled || default_policy == "allow"; }
};

// Applies one configuration file; "" or why it could not be read ("not JSON", "line 4: …").
std::string apply_consul_config(std::string_view text, bool json, ConsulSettings& settings);

// -dev and -enable-script-checks; the files of -config-file and -config-dir are the caller's.
void apply_consul_flags(const std::vector<std::string>& arguments, ConsulSettings& settings);

}  // namespace zt::api
