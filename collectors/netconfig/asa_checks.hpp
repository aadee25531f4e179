#pragma once
// The checks of a Cisco ASA configuration (asa_model.hpp), like those of IOS (checks.hpp):
// each a row {id, function}, its id that of its standard (`asa_…` in
// conf/netconfig/standards.yaml), each adding an Issue per thing it finds wrong. Pure.
#include <span>
#include <string_view>
#include <vector>

#include "collectors/netconfig/asa_model.hpp"
#include "collectors/netconfig/checks.hpp"  // Issue

namespace zt::netconfig {

struct AsaCheckContext {
  const AsaConfig& config;
  std::string_view salt;  // for the hashes that tell SNMP communities apart in components
};

struct AsaCheck {
  std::string_view id;
  void (*run)(const AsaCheckContext& context, std::vector<Issue>& out);
};

std::span<const AsaCheck> asa_checks();

}  // namespace zt::netconfig
