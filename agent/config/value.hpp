#pragma once
// The agent's own parsers of configuration values, next to the shared ones
// (schema-client/config/value.hpp). Each returns the typed value, or a problem ("expected …,
// got …") that the loader prefixes with the location and the key. Internal to zt_agent_config.
#include <nlohmann/json.hpp>
#include <string>

#include "collectors/core/options.hpp"
#include "schema-client/config/value.hpp"
#include "schema-client/model/result.hpp"

namespace zt::agent {

inline constexpr config::DurationRange kIntervalRange{
    std::chrono::seconds(60), std::chrono::days(7), "between 60s and 7d"};
inline constexpr config::DurationRange kConnectTimeoutRange{
    std::chrono::seconds(1), std::chrono::minutes(5), "between 1s and 5m"};
inline constexpr config::DurationRange kHeartbeatRange{
    std::chrono::seconds(10), std::chrono::hours(1), "between 10s and 1h"};
inline constexpr config::DurationRange kBackoffCapRange{
    std::chrono::seconds(1), std::chrono::days(1), "between 1s and 1d"};
inline constexpr config::DurationRange kServerErrorSpanRange{
    std::chrono::seconds(0), std::chrono::hours(24 * 30), "between 0s and 30d"};

// "" (nothing or an empty string: no server) or http(s)://host[:port][/…], scheme lower-cased.
// Whether plain http is allowed is decided with the whole section (see the loader).
model::Result<std::string> to_url(const config::Value& value);
// A boolean, integer or text option of a collector, as the JSON that OptionValues holds,
// checked by the option's own check when it has one. (Lists are read by the loader, which
// can point at the item that is wrong.)
model::Result<nlohmann::json> to_option(const collector::OptionSpec& spec,
                                        const config::Value& value);

}  // namespace zt::agent
