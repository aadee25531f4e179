#pragma once
// What every collector test needs, once: a collector's options (its defaults with a few keys
// changed, as a config section would give them) and one run of a collector on a host tree,
// as the agent's CollectorRunner runs it (a deadline, then every string made valid UTF-8).
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stop_token>

#include <set>
#include <string>
#include <string_view>

#include "collectors/core/collector.hpp"

namespace zt::test {

// The defaults of `descriptor`'s options with `overrides` ({"key": value, …}) applied.
collector::OptionValues options_of(const collector::CollectorDescriptor& descriptor,
                                   const nlohmann::json& overrides = nlohmann::json::object());

// One collect() of `collector` on the host tree at `root`, with `timeout` to go and `stop`.
collector::CollectResult collect_at(collector::Collector& collector,
                                    const std::filesystem::path& root,
                                    std::stop_token stop = std::stop_token{},
                                    std::chrono::seconds timeout = std::chrono::seconds(60));

// "<id>|<finding_type>|<severity>" of the findings whose field `id_field` (device_id,
// model_name) ends with ":<port>": what a live test sees of the servers it started.
std::set<std::string> findings_on_port(const collector::CollectResult& result,
                                       std::string_view id_field, unsigned short port);

}  // namespace zt::test
