#pragma once
// The system collector's finding types: the one table of what it reports and how severe it
// is. Every finding is in the system category and names its type in
// fields.vulnerability_type; a finding's identity is (component_name, component_version,
// vulnerability_type, cve_id), and no system finding sets cve_id.
//
// | vulnerability_type               | severity         | fires when                       |
// |----------------------------------|------------------|----------------------------------|
// | os_end_of_life                   | high; critical   | the release is past its end of   |
// |                                  | more than 365    | life (eol_table.hpp): a year of  |
// |                                  | days past it     | known, never fixed flaws         |
// | os_end_of_life_soon              | medium           | its end of life is at most       |
// |                                  |                  | eol_warning_days away            |
// | kernel_outdated                  | medium           | a newer kernel than the running  |
// |                                  |                  | one is installed (the reboot     |
// |                                  |                  | flag is its own finding: one     |
// |                                  |                  | reboot fixes both)               |
// | reboot_required                  | medium           | the reboot flag is set           |
// | package_security_support_ended   | medium           | its source is on Debian's        |
// |                                  |                  | security-support-ended list for  |
// |                                  |                  | the release, date passed: one    |
// |                                  |                  | per installed binary package     |
// | package_security_support_limited | low              | its source is on Debian's        |
// |                                  |                  | limited-support list: one per    |
// |                                  |                  | source package                   |
//
// component_name and component_version: the os-release ID and the end-of-life table's key
// (os_end_of_life*); "kernel" and the running release (kernel_outdated); "kernel", or the
// first package the flag names when none is a kernel image, and the running release
// (reboot_required); the binary package and its version (…_ended); the source package and
// its first installed binary's version (…_limited, the binaries in the evidence).
//
// Entries of the ended list whose date is still ahead are counted in the inventory only.
#include <string_view>

namespace zt::system::finding_type {

inline constexpr std::string_view kOsEndOfLife = "os_end_of_life";
inline constexpr std::string_view kOsEndOfLifeSoon = "os_end_of_life_soon";
inline constexpr std::string_view kKernelOutdated = "kernel_outdated";
inline constexpr std::string_view kRebootRequired = "reboot_required";
inline constexpr std::string_view kSecuritySupportEnded = "package_security_support_ended";
inline constexpr std::string_view kSecuritySupportLimited = "package_security_support_limited";

}  // namespace zt::system::finding_type
