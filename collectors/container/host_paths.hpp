#pragma once
// Every host path the container collector reads, in one place. They are host paths: HostFs
// resolves them under the configured host root (sockets included, so an agent with the host
// at /host talks to the host's engine through /host/run/docker.sock).
#include <cstddef>
#include <string_view>

namespace zt::container {

// Where engines put their API socket, in the order they are tried when the `socket` option is
// empty. Rootless engines ($XDG_RUNTIME_DIR/…) are not looked for: the agent runs as root.
inline constexpr std::string_view kSocketCandidates[] = {
    "/run/docker.sock",
    "/var/run/docker.sock",
    "/run/podman/podman.sock",
};

inline constexpr std::string_view kDaemonJsonPath = "/etc/docker/daemon.json";
inline constexpr std::string_view kRegistriesConfPath = "/etc/containers/registries.conf";
// Drop-in files of registries.conf, read in name order after it.
inline constexpr std::string_view kRegistriesConfDir = "/etc/containers/registries.conf.d";
inline constexpr std::string_view kGroupPath = "/etc/group";

// Read caps: these files are a few kilobytes.
inline constexpr std::size_t kConfigMaxBytes = std::size_t{1} << 20;

}  // namespace zt::container
