#include "collectors/network/network_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::network {
namespace {

const collector::OptionTable<NetworkOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = NetworkOptions;
  static const OptionTable<O> kTable{
      flag<&O::probe_banners>(
          "probe_banners",
          "read the greeting of local TCP services that speak first (SSH, SMTP, FTP, POP3, "
          "IMAP, MySQL, VNC, telnet), and send the first message of those that wait for the "
          "client (HTTP HEAD, Redis PING, Memcached version), to learn service and version"),
      flag<&O::probe_tls>(
          "probe_tls",
          "TLS handshakes with local TCP listeners: protocol, cipher, certificate expiry, "
          "legacy TLS 1.0/1.1 and weak ciphers accepted"),
      integer<&O::probe_timeout>(
          "probe_timeout_ms", 100, 10000,
          "time limit for all probes of one port, in milliseconds; ports are probed at once, "
          "so this is also about the time the whole probing takes"),
      integer<&O::max_probed_ports>(
          "max_probed_ports", 0, 1024,
          "most TCP ports probed per run (in port order); 0 turns probing off"),
      text_list<&O::probe_ports_allow, &port_range_option>(
          "probe_ports_allow", "ports probed, as \"443\" or \"8000-8100\"; empty: every port"),
      text_list<&O::probe_ports_deny, &port_range_option>(
          "probe_ports_deny",
          "ports never probed, as \"443\" or \"8000-8100\"; wins over the allow list"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

NetworkOptions NetworkOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::network
