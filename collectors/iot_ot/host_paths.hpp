#pragma once
// Every host path the iot_ot collector reads on its own (sockets and processes come from
// collectors/core/host_sockets, home folders from the shared account readers). Host paths:
// HostFs resolves them under the configured host root.
#include <cstddef>
#include <string_view>

namespace zt::iot_ot {

// Debian's and the upstream default; a running broker's `-c FILE` wins.
inline constexpr std::string_view kMosquittoDefaultConfig = "/etc/mosquitto/mosquitto.conf";
inline constexpr std::size_t kMaxConfigBytes = 1u << 20;
inline constexpr std::size_t kMaxIncludedFiles = 256;

}  // namespace zt::iot_ot
