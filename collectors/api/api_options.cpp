#include "collectors/api/api_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::api {
namespace {

const collector::OptionTable<ApiOptions>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = ApiOptions;
  static const OptionTable<O> kTable{
      flag<&O::live_checks>(
          "live_checks",
          "ask local etcd servers, kubelets' read-only ports and Consul agents through loopback "
          "(only when host_root is \"/\") whether they answer a read without credentials (a "
          "count of one key, the pod list, the agent's description; nothing is written)"),
      integer<&O::live_timeout>("live_timeout_ms", 100, 10000,
                                "time limit for one live check, in milliseconds"),
      integer<&O::http_api_probes>(
          "http_api_probes", 0, 1024,
          "listeners beyond loopback of web runtimes and usual HTTP ports asked, with the live "
          "checks, for their OpenAPI document and CORS policy, per run (0: none)"),
  };
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

ApiOptions ApiOptions::from(const collector::OptionValues& values) { return table().read(values); }

}  // namespace zt::api
