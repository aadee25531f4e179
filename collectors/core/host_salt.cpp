#include "collectors/core/host_salt.hpp"

#include <array>
#include <string_view>

#include "schema-client/model/digest.hpp"

namespace zt::collector {
namespace {

// Secret to everyone but root and stable for the host's life: the SSH host keys. Then the
// machine id, which the host's users can read (and the agent sends when it enrolls).
constexpr std::array<std::string_view, 5> kSaltSources{
    "/etc/ssh/ssh_host_ed25519_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_rsa_key",
    "/etc/machine-id", "/var/lib/dbus/machine-id"};
constexpr std::size_t kSaltSourceMaxBytes = 64 * 1024;
constexpr std::string_view kPrefix = "zerotrace-secret-salt\n";

}  // namespace

Salt host_salt(const HostFs& fs, const std::string& configured) {
  if (!configured.empty()) return {model::sha256_hex(std::string(kPrefix) + configured), "option"};
  for (const std::string_view path : kSaltSources) {
    auto content = fs.read_file(path, kSaltSourceMaxBytes);
    if (content && !content->empty())
      return {model::sha256_hex(std::string(kPrefix) + *content), std::string(path)};
  }
  return {model::sha256_hex(std::string(kPrefix)), "none"};
}

}  // namespace zt::collector
