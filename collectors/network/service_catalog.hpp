#pragma once
// The shipped knowledge of the network collector, as documented tables (service_catalog.cpp):
//   - well-known ports and the services behind them, and process names that identify a
//     service whatever its port (a `redis-server` on 7000 is still Redis);
//   - services that should listen on loopback only (databases, caches, admin and cluster
//     APIs, desktop sharing): bound to all interfaces they are an exposure finding;
//   - services that carry logins or data in cleartext: a cleartext finding wherever they
//     listen;
//   - which negotiated TLS ciphers count as weak.
// Pure lookups; never throw.
#include <cstdint>
#include <span>
#include <string_view>

#include "collectors/core/socket_table.hpp"
#include "schema-client/model/severity.hpp"

namespace zt::network {

using collector::Family;
using collector::Protocol;

struct WellKnownPort {
  std::uint16_t port;
  Protocol protocol;
  std::string_view service;
};

struct ProcessService {
  std::string_view process;  // /proc/<pid>/comm (at most 15 characters)
  std::string_view service;
};

// A service that should be reached through loopback (or a private interface chosen on
// purpose), never on every interface of the host.
struct LocalOnlyService {
  std::string_view service;
  std::string_view display;  // "Redis"
  model::Severity severity;
  std::string_view why;
  std::string_view remediation;
};

struct CleartextService {
  std::string_view service;
  std::string_view display;
  model::Severity severity;
  std::string_view why;
  std::string_view remediation;
};

std::span<const WellKnownPort> well_known_ports();
std::span<const ProcessService> process_services();
std::span<const LocalOnlyService> local_only_services();
std::span<const CleartextService> cleartext_services();

// "" when unknown.
std::string_view service_for_port(Protocol protocol, std::uint16_t port);
std::string_view service_for_process(std::string_view process_name);
const LocalOnlyService* local_only_service(std::string_view service);
const CleartextService* cleartext_service(std::string_view service);

// OpenSSL cipher names that give no or little protection: NULL encryption, anonymous key
// exchange, export grade, RC4, DES and 3DES, MD5 MACs.
bool is_weak_cipher(std::string_view openssl_name);

}  // namespace zt::network
