#pragma once
// The network collector's options (collectors.network.<key>): the table the agent's config
// loader validates against and --list-collectors prints, and the typed struct made from the
// validated values once. The port lists are checked here (the loader only knows they are
// lists of text): a bad entry throws std::invalid_argument naming the key and the entry.
#include <chrono>
#include <cstddef>
#include <span>
#include <vector>

#include "collectors/core/options.hpp"
#include "collectors/network/port_list.hpp"

namespace zt::network {

std::span<const collector::OptionSpec> option_specs();

struct NetworkOptions {
  // The defaults are those of option_specs().
  bool probe_banners = true;
  bool probe_tls = true;
  std::chrono::milliseconds probe_timeout{1500};
  std::size_t max_probed_ports = 32;
  std::vector<PortRange> probe_ports_allow;  // empty: every port
  std::vector<PortRange> probe_ports_deny;

  // `values` must hold every key of option_specs(). Throws std::invalid_argument for a port
  // list entry that is not a port or a range of ports.
  static NetworkOptions from(const collector::OptionValues& values);
};

}  // namespace zt::network
