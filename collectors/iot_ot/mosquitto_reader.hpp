#pragma once
// Reads a broker's configuration through HostFs: the file and, where an `include_dir`
// stands, the `.conf` files of that folder in name order (not recursively, as mosquitto
// does). What cannot be read is a problem naming the file; the rest is used.
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_fs.hpp"
#include "collectors/iot_ot/mosquitto_config.hpp"

namespace zt::iot_ot {

BrokerConfig read_broker_config(const collector::HostFs& fs, std::string_view path,
                                std::vector<std::string>& problems);

}  // namespace zt::iot_ot
