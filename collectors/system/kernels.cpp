#include "collectors/system/kernels.hpp"

#include <array>

#include "schema-client/vuln/version_dpkg.hpp"

namespace zt::system {
namespace {

bool starts_with_digit(std::string_view s) {
  return !s.empty() && s.front() >= '0' && s.front() <= '9';
}

// A release is printable, without spaces or slashes.
bool plausible_release(std::string_view s) {
  if (!starts_with_digit(s)) return false;
  for (char c : s)
    if (c <= ' ' || c > '~' || c == '/') return false;
  return true;
}

}  // namespace

bool kernel_releases_order_like_dpkg(const OsRelease& os) {
  const auto family = [](std::string_view id) {
    return id == "debian" || id == "ubuntu" || id == "alpine";
  };
  if (family(os.id)) return true;
  for (const std::string& like : os.id_like)
    if (family(like)) return true;
  return false;
}

std::optional<std::string> kernel_release_of_deb(std::string_view name) {
  if (const std::size_t colon = name.find(':'); colon != std::string_view::npos)
    name = name.substr(0, colon);
  for (std::string_view prefix : {"linux-image-unsigned-", "linux-signed-image-", "linux-image-"}) {
    if (!name.starts_with(prefix)) continue;
    std::string_view release = name.substr(prefix.size());
    if (release.ends_with("-dbg") || release.ends_with("-dbgsym")) return std::nullopt;
    if (release.ends_with("-unsigned")) release.remove_suffix(std::string_view("-unsigned").size());
    if (!plausible_release(release)) return std::nullopt;
    return std::string(release);
  }
  return std::nullopt;
}

std::optional<std::string> kernel_release_of_apk(std::string_view name, std::string_view version) {
  constexpr std::array<std::string_view, 4> kFlavours = {"lts", "virt", "edge", "rpi"};
  if (!name.starts_with("linux-")) return std::nullopt;
  const std::string_view flavour = name.substr(6);
  bool known = false;
  for (std::string_view f : kFlavours) known = known || f == flavour;
  if (!known) return std::nullopt;
  // "<upstream>-r<pkgrel>" → "<upstream>-<pkgrel>-<flavour>"
  const std::size_t r = version.rfind("-r");
  if (r == std::string_view::npos || r + 2 >= version.size()) return std::nullopt;
  const std::string_view upstream = version.substr(0, r);
  const std::string_view pkgrel = version.substr(r + 2);
  for (char c : pkgrel)
    if (c < '0' || c > '9') return std::nullopt;
  std::string release =
      std::string(upstream) + "-" + std::string(pkgrel) + "-" + std::string(flavour);
  if (!plausible_release(release)) return std::nullopt;
  return release;
}

std::optional<std::string> kernel_release_of_boot_file(std::string_view file_name) {
  constexpr std::string_view kPrefix = "vmlinuz-";
  if (!file_name.starts_with(kPrefix)) return std::nullopt;
  const std::string_view release = file_name.substr(kPrefix.size());
  if (release.ends_with(".old") || !plausible_release(release)) return std::nullopt;
  return std::string(release);
}

std::optional<std::string> newest_kernel_release(const std::vector<std::string>& releases) {
  const std::string* newest = nullptr;
  for (const std::string& r : releases)
    if (newest == nullptr || vuln::compare_dpkg(r, *newest) > 0) newest = &r;
  if (newest == nullptr) return std::nullopt;
  return *newest;
}

std::optional<std::string> deb_kernel_meta_package(std::string_view release) {
  // "<version>-<abi>-<flavour>": the flavour is what follows the second '-'.
  const std::size_t first = release.find('-');
  if (first == std::string_view::npos) return std::nullopt;
  const std::size_t second = release.find('-', first + 1);
  if (second == std::string_view::npos || second + 1 >= release.size()) return std::nullopt;
  return "linux-image-" + std::string(release.substr(second + 1));
}

}  // namespace zt::system
