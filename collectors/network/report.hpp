#pragma once
// Turns what the network collector saw (listeners, probe plan) into its output: one
// `listening_service` info finding per listener, the problem findings, and the inventory
// (scan.results.network). Pure; never throws.
//
// Finding types (metadata.finding_type, part of the identity with host, port, protocol) and
// their severities:
//   listening_service       info      every listener
//   exposed_local_service   per the service (service_catalog.cpp): a local-only service
//                                     bound to every interface (0.0.0.0 or ::)
//   cleartext_service       per the service; low when bound to loopback only
//   tls_cert_expired        high      certificate notAfter in the past
//   tls_cert_expiring       medium    notAfter within 30 days
//   tls_self_signed_public  medium    self-signed certificate on a non-loopback bind
//   tls_legacy_protocol     medium    TLS 1.0 or 1.1 handshake accepted
//   tls_weak_cipher         high      a weak suite accepted (or negotiated by default)
#include <chrono>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/network/listener.hpp"
#include "collectors/network/probe_plan.hpp"
#include "schema-client/model/finding.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::network {

inline constexpr std::chrono::days kCertExpiryWarning{30};

std::vector<model::Finding> make_findings(const std::vector<Listener>& listeners,
                                          model::Timestamp now);

struct ProbingSummary {
  bool live = false;      // probes may run (host root "/" or a recorded prober)
  std::string note;       // why not, or what limits applied
  std::size_t pids_scanned = 0;
  std::size_t pids_unreadable = 0;
};

// {"listeners": [{protocol, address_family, host, port, service_name, service_version,
//   process: {pid, name, user} | null, pids, uid, inodes, source, banner, tls}],
//  "listener_count", "probing": {live, note, probes: [{host, port, target, skipped}]},
//  "processes": {pids_scanned, pids_unreadable}}
nlohmann::json make_inventory(const std::vector<Listener>& listeners,
                              const std::vector<PlannedProbe>& plan,
                              const ProbingSummary& summary);

// "0.0.0.0:22", "[::]:22".
std::string endpoint_text(const std::string& address, std::uint16_t port);

}  // namespace zt::network
