#pragma once
// The checks of a Juniper Junos configuration (junos_model.hpp), like those of IOS
// (checks.hpp): each a row {id, function}, its id that of its standard (`junos_…` in
// conf/netconfig/standards.yaml), each adding an Issue per thing it finds wrong. Pure.
#include <span>
#include <string_view>
#include <vector>

#include "collectors/netconfig/checks.hpp"  // Issue
#include "collectors/netconfig/junos_model.hpp"

namespace zt::netconfig {

struct JunosCheckContext {
  const JunosConfig& config;
  std::string_view salt;  // for the hashes that tell SNMP communities apart in components
};

struct JunosCheck {
  std::string_view id;
  void (*run)(const JunosCheckContext& context, std::vector<Issue>& out);
};

std::span<const JunosCheck> junos_checks();

}  // namespace zt::netconfig
