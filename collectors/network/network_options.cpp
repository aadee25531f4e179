#include "collectors/network/network_options.hpp"

#include <algorithm>
#include <stdexcept>

namespace zt::network {
namespace {

using collector::OptionSpec;
using collector::OptionType;

constexpr OptionSpec kOptions[] = {
    {"probe_banners", OptionType::boolean, "true",
     "read the greeting of local TCP services that speak first (SSH, SMTP, FTP, POP3, IMAP, "
     "MySQL, VNC, telnet), and send the first message of those that wait for the client "
     "(HTTP HEAD, Redis PING, Memcached version), to learn service and version"},
    {"probe_tls", OptionType::boolean, "true",
     "TLS handshakes with local TCP listeners: protocol, cipher, certificate expiry, legacy "
     "TLS 1.0/1.1 and weak ciphers accepted"},
    {"probe_timeout_ms", OptionType::integer, "1500",
     "time limit for all probes of one port, in milliseconds; ports are probed at once, so "
     "this is also about the time the whole probing takes", 100, 10000},
    {"max_probed_ports", OptionType::integer, "32",
     "most TCP ports probed per run (in port order); 0 turns probing off", 0, 1024},
    {"probe_ports_allow", OptionType::text_list, "[]",
     "ports probed, as \"443\" or \"8000-8100\"; empty: every port"},
    {"probe_ports_deny", OptionType::text_list, "[]",
     "ports never probed, as \"443\" or \"8000-8100\"; wins over the allow list"},
};

std::vector<PortRange> port_list(const collector::OptionValues& values, std::string_view key) {
  auto ranges = parse_port_list(values.text_list(key));
  if (!ranges)
    throw std::invalid_argument("collectors.network." + std::string(key) + ": " +
                                ranges.error().message);
  return std::move(*ranges);
}

}  // namespace

std::span<const OptionSpec> option_specs() { return kOptions; }

NetworkOptions NetworkOptions::from(const collector::OptionValues& values) {
  NetworkOptions options;
  options.probe_banners = values.boolean("probe_banners");
  options.probe_tls = values.boolean("probe_tls");
  // The loader enforces the ranges; the clamps keep a hand-made OptionValues in bounds.
  options.probe_timeout =
      std::chrono::milliseconds{std::clamp(values.integer("probe_timeout_ms"), 100LL, 10000LL)};
  options.max_probed_ports =
      static_cast<std::size_t>(std::clamp(values.integer("max_probed_ports"), 0LL, 1024LL));
  options.probe_ports_allow = port_list(values, "probe_ports_allow");
  options.probe_ports_deny = port_list(values, "probe_ports_deny");
  return options;
}

}  // namespace zt::network
