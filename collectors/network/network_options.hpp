#pragma once
// The network collector's options (collectors.network.<key>): the struct, whose member
// initializers are the defaults, and its options table (collectors/core/option_table.hpp),
// which the agent's config loader validates against (port list entries included) and
// --list-collectors prints.
#include <chrono>
#include <cstddef>
#include <span>
#include <vector>

#include "collectors/core/options.hpp"
#include "collectors/network/port_list.hpp"

namespace zt::network {

std::span<const collector::OptionSpec> option_specs();

struct NetworkOptions {
  bool probe_banners = true;
  bool probe_tls = true;
  std::chrono::milliseconds probe_timeout{1500};
  std::size_t max_probed_ports = 32;
  std::vector<PortRange> probe_ports_allow;  // empty: every port
  std::vector<PortRange> probe_ports_deny;

  // `values` must hold every key of option_specs() (the loader and OptionValues::defaults do).
  static NetworkOptions from(const collector::OptionValues& values);
  friend bool operator==(const NetworkOptions&, const NetworkOptions&) = default;
};

}  // namespace zt::network
