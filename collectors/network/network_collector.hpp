#pragma once
// The `network` collector: every listening TCP and UDP socket (IPv4 and IPv6) of the host,
// read from /proc/net/{tcp,tcp6,udp,udp6} through HostFs, with the process that owns it
// (/proc/<pid>/fd, comm, status, /etc/passwd). Each listener is an info finding; services that
// should be local but listen on every interface, and cleartext services, are problem findings
// (finding_types.hpp has the types and severities). On the live host (host root "/") it
// also talks to this host's own TCP ports (loopback, or the socket's own address; never
// another host): the greeting of services that speak first, the first message of those that
// wait for the client (first_message.hpp), TLS. All ports at once (at most 64 open sockets),
// each bounded by the per-port time limit, the whole probing phase by one deadline; a cap of
// ports per run and allow/deny lists choose the ports.
//
// Nothing it reads makes collect() throw; a stop (Context::should_stop()) ends the probing
// within 50 ms with what it has and a problem saying so. Not for concurrent collect() calls.
#include <functional>
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/network/local_prober.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::network {

// name "network", category network, default interval 900 s; make() validates the options
// (std::invalid_argument for a bad port list entry) and uses the system prober.
collector::CollectorDescriptor descriptor();

// The collector with another prober (tests replay recorded results with one whose live() is
// false, which is then used whatever the host root) and clock (for certificate expiry).
// Throws std::invalid_argument like descriptor().make.
std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<LocalProber> prober,
    std::function<model::Timestamp()> clock = &model::now);

}  // namespace zt::network
