#include "collectors/iot_ot/iot_ot_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::iot_ot {
namespace {

const collector::OptionTable<IotOtOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = IotOtOptions;
  static const OptionTable<O> kTable{
      flag<&O::live_checks>(
          "live_checks",
          "contact local MQTT brokers, Node-RED editors and OPC UA servers through loopback "
          "(only when host_root is \"/\"): an anonymous MQTT CONNECT (nothing subscribed or "
          "published), Node-RED's GET /auth/login and OPC UA's GetEndpoints (no session)"),
      integer<&O::live_timeout>("live_timeout_ms", 100, 10000,
                                "time limit for one live check, in milliseconds"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

IotOtOptions IotOtOptions::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::iot_ot
