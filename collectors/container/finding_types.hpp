#pragma once
// The container collector's finding types: the one table of what it reports and how severe
// it is. A finding's identity is (container_id, image_name, image_tag, finding_type): per
// container types name the container (full id) and its image; host-wide types leave
// container_id and the image empty, except insecure_registry, whose image_name is the
// registry (so each registry is one finding). Several problems of one kind in one container
// (mounts, capabilities) or on one host (sockets) are folded into one finding.
//
// | finding_type                  | severity          | fires when                              |
// |-------------------------------|-------------------|-----------------------------------------|
// | privileged_container          | critical          | HostConfig.Privileged                   |
// | engine_socket_mounted         | critical          | a docker/podman/containerd socket, or   |
// |                               |                   | the engine's own, bind-mounted inside   |
// | sensitive_host_mount          | high (any rw),    | /, /etc, /root, /home, /boot, /dev,     |
// |                               | medium (all ro)   | /proc, /sys, /run, /var/run,            |
// |                               |                   | /var/lib/docker, /var/lib/containers    |
// | host_network_namespace        | high              | NetworkMode host                        |
// | host_pid_namespace            | high              | PidMode host                            |
// | host_ipc_namespace            | medium            | IpcMode host (Podman reports "shareable"|
// |                               |                   | even for host IPC: not seen there)      |
// | added_capabilities            | the worst added   | CapAdd not empty: SYS_ADMIN, SYS_MODULE,|
// |                               | capability        | SYS_RAWIO, ALL critical; SYS_PTRACE,    |
// |                               |                   | DAC_READ_SEARCH, SYS_BOOT, BPF,         |
// |                               |                   | MAC_ADMIN/OVERRIDE high; NET_ADMIN,     |
// |                               |                   | SYS_TIME, SYSLOG, PERFMON medium;       |
// |                               |                   | others low                              |
// | root_user_no_userns           | medium            | user empty, 0 or root, no user namespace|
// | no_memory_limit               | low               | Memory absent or <= 0                   |
// | no_pids_limit                 | low               | PidsLimit absent or <= 0                |
// | image_latest_tag              | low               | image referenced as :latest or untagged |
// | engine_socket_exposed         | critical (o+w),   | socket writable by others, or by a      |
// |                               | high (group), low | group other than root/docker; o+r only  |
// | daemon_tcp_without_tls        | critical (no TLS),| daemon.json hosts has tcp:// and        |
// |                               | high (TLS only)   | tlsverify is not true                   |
// | insecure_registry             | medium            | daemon.json insecure-registries,        |
// |                               |                   | registries.conf insecure = true         |
// | daemon_live_restore_disabled  | low               | Docker present, live-restore not true   |
// | daemon_userns_remap_disabled  | medium            | Docker present, no userns-remap         |
//
// "Docker present": /etc/docker/daemon.json exists or the live engine is Docker.
#include <string_view>

#include "schema-client/model/severity.hpp"

namespace zt::container {

namespace finding_type {
inline constexpr std::string_view kPrivileged = "privileged_container";
inline constexpr std::string_view kSocketMounted = "engine_socket_mounted";
inline constexpr std::string_view kSensitiveMount = "sensitive_host_mount";
inline constexpr std::string_view kHostNetwork = "host_network_namespace";
inline constexpr std::string_view kHostPid = "host_pid_namespace";
inline constexpr std::string_view kHostIpc = "host_ipc_namespace";
inline constexpr std::string_view kAddedCapabilities = "added_capabilities";
inline constexpr std::string_view kRootUser = "root_user_no_userns";
inline constexpr std::string_view kNoMemoryLimit = "no_memory_limit";
inline constexpr std::string_view kNoPidsLimit = "no_pids_limit";
inline constexpr std::string_view kLatestTag = "image_latest_tag";
inline constexpr std::string_view kSocketExposed = "engine_socket_exposed";
inline constexpr std::string_view kTcpWithoutTls = "daemon_tcp_without_tls";
inline constexpr std::string_view kInsecureRegistry = "insecure_registry";
inline constexpr std::string_view kLiveRestoreOff = "daemon_live_restore_disabled";
inline constexpr std::string_view kUsernsRemapOff = "daemon_userns_remap_disabled";
}  // namespace finding_type

}  // namespace zt::container
