#pragma once
// Which kernels are installed, named by their release (what `uname -r` shows once booted),
// from the names the package databases and /boot give them. Pure; never throw.
//
// The release is the kernel's own name for itself, so it can be compared with the running
// one (/proc/sys/kernel/osrelease) whatever the source. Releases order by
// vuln::compare_dpkg (schema-client/vuln): "6.1.0-9-amd64" < "6.1.0-28-amd64", "6.1.62-0-lts" <
// "6.1.70-0-lts".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/os_release.hpp"

namespace zt::system {

using collector::OsRelease;

// Whether the host's kernel releases order by dpkg's rules: Debian, Ubuntu and their
// derivatives (ID or ID_LIKE debian or ubuntu) and Alpine. RHEL-family releases
// ("3.10.0-1160.119.1.el7.x86_64") need rpm's ordering, which dpkg's gets wrong (it puts
// "1160.el7" after "1160.119.1.el7"): rpm is out of scope, so the kernel check skips them.
bool kernel_releases_order_like_dpkg(const OsRelease& os);

// dpkg: "linux-image-6.1.0-30-amd64" (Debian), "linux-image-5.15.0-91-generic" (Ubuntu),
// "linux-image-unsigned-…" and "…-unsigned" variants → the release. Meta-packages
// ("linux-image-amd64", "linux-image-generic": no digit after the prefix) and debug symbols
// ("…-dbg", "…-dbgsym") are not kernels: nullopt. An ":arch" qualifier is ignored.
std::optional<std::string> kernel_release_of_deb(std::string_view package_name);

// apk: the flavour packages linux-lts, linux-virt, linux-edge and linux-rpi install
// /boot/vmlinuz-<flavour>; their version "6.1.62-r0" is the release "6.1.62-0-<flavour>".
std::optional<std::string> kernel_release_of_apk(std::string_view package_name,
                                                 std::string_view version);

// /boot: "vmlinuz-6.1.0-30-amd64" → "6.1.0-30-amd64"; Alpine's "vmlinuz-lts" names no
// release (nullopt), nor does a bare "vmlinuz" or an "….old" link.
std::optional<std::string> kernel_release_of_boot_file(std::string_view file_name);

// The newest of `releases` (vuln::compare_dpkg), nullopt for an empty list.
std::optional<std::string> newest_kernel_release(const std::vector<std::string>& releases);

// "linux-image-amd64" for "6.1.0-30-amd64", "linux-image-cloud-amd64" for
// "6.1.0-30-cloud-amd64", "linux-image-generic" for "5.15.0-91-generic": the meta-package
// that follows the newest kernel of that flavour; nullopt when the release has no flavour.
std::optional<std::string> deb_kernel_meta_package(std::string_view release);

}  // namespace zt::system
