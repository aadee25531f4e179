#pragma once
// The host paths the privacy collector names besides what it walks: where its hash salt
// comes from (salt.hpp), in order of preference.
#include <array>
#include <string_view>

namespace zt::privacy {

// Secret to everyone but root and stable for the host's life: the SSH host keys. Then the
// machine id, which the host's users can read (and the agent sends when it enrolls).
inline constexpr std::array<std::string_view, 5> kSaltSources{
    "/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_rsa_key",
    "/etc/machine-id", "/var/lib/dbus/machine-id"};
inline constexpr std::size_t kSaltSourceMaxBytes = 64 * 1024;

}  // namespace zt::privacy
