#include "collectors/system/eol_table.hpp"

#include <array>

#include "collectors/core/text.hpp"

namespace zt::system {
namespace {

using std::chrono::year;
using std::chrono::year_month_day;

constexpr year_month_day d(int y, unsigned m, unsigned dd) {
  return year_month_day{year{y}, std::chrono::month{m}, std::chrono::day{dd}};
}
constexpr year_month_day kNone{};  // !ok(): no separate end of regular security support

constexpr std::string_view kDebianNotes = "https://www.debian.org/releases/";
constexpr std::string_view kUbuntuUpgrade = "https://help.ubuntu.com/community/Upgrades";
constexpr std::string_view kElevate = "https://almalinux.org/elevate/";
constexpr std::string_view kAlpineUpgrade = "https://wiki.alpinelinux.org/wiki/Upgrading_Alpine";
constexpr std::string_view kAlpineNext = "a supported branch (Alpine Linux 3.22 or newer)";

// The table. Sources, as published by each distribution (dates checked as of 2026):
//  Debian: regular security support ends from the release pages and the security team's
//    announcements (https://www.debian.org/releases/<codename>/,
//    https://www.debian.org/security/faq); LTS ends from https://wiki.debian.org/LTS.
//    Debian 13's regular end is the expected one (three years after its 2025-08-09 release);
//    its LTS end (2030-06-30) is the published one.
//  Ubuntu: "End of Standard Support" of https://ubuntu.com/about/release-cycle and
//    https://wiki.ubuntu.com/Releases; interim releases by the exact day of their
//    ubuntu-announce end-of-life notice. Canonical publishes LTS ends (and the newest
//    interim ones) as a month only: the day here is the last of that month.
//  RHEL: end of Maintenance Support, https://access.redhat.com/support/policy/updates/errata
//  Rocky Linux: https://wiki.rockylinux.org/rocky/version/ (end of security support).
//  AlmaLinux: https://wiki.almalinux.org/release-notes/ (end of security support).
//  Oracle Linux: end of Premier Support, Oracle Linux and Oracle VM Lifetime Support Policy
//    (https://www.oracle.com/a/ocom/docs/elsp-lifetime-069338.pdf), month precision.
//  CentOS: https://www.centos.org/centos-linux-eol/ and
//    https://www.centos.org/cl-vs-cs/ (Stream 9: expected end, with RHEL 9 full support).
//  Alpine: the "end of support" of each branch on https://alpinelinux.org/releases/
//  Amazon Linux: https://aws.amazon.com/amazon-linux-2/faqs/ (AL2, extended to 2026-06-30)
//    and https://docs.aws.amazon.com/linux/al2023/ug/release-cadence.html (AL2023).
constexpr std::array kTable = std::to_array<EolRelease>({
    // Debian: eol = end of LTS, security_end = end of the security team's regular support.
    {"debian", "9", "Debian 9 (stretch)", d(2022, 6, 30), d(2020, 7, 6), "Debian 10 (buster)",
     "https://www.debian.org/releases/buster/releasenotes"},
    {"debian", "10", "Debian 10 (buster)", d(2024, 6, 30), d(2022, 9, 10),
     "Debian 11 (bullseye)", "https://www.debian.org/releases/bullseye/releasenotes"},
    {"debian", "11", "Debian 11 (bullseye)", d(2026, 8, 31), d(2024, 8, 14),
     "Debian 12 (bookworm)", "https://www.debian.org/releases/bookworm/releasenotes"},
    {"debian", "12", "Debian 12 (bookworm)", d(2028, 6, 30), d(2026, 6, 10),
     "Debian 13 (trixie)", "https://www.debian.org/releases/trixie/releasenotes"},
    {"debian", "13", "Debian 13 (trixie)", d(2030, 6, 30), d(2028, 8, 9), "", kDebianNotes},

    // Ubuntu: end of standard support.
    {"ubuntu", "16.04", "Ubuntu 16.04 LTS (xenial)", d(2021, 4, 30), kNone,
     "Ubuntu 18.04 LTS (bionic)", kUbuntuUpgrade},
    {"ubuntu", "16.10", "Ubuntu 16.10 (yakkety)", d(2017, 7, 20), kNone, "Ubuntu 17.04 (zesty)",
     kUbuntuUpgrade},
    {"ubuntu", "17.04", "Ubuntu 17.04 (zesty)", d(2018, 1, 13), kNone, "Ubuntu 17.10 (artful)",
     kUbuntuUpgrade},
    {"ubuntu", "17.10", "Ubuntu 17.10 (artful)", d(2018, 7, 19), kNone,
     "Ubuntu 18.04 LTS (bionic)", kUbuntuUpgrade},
    {"ubuntu", "18.04", "Ubuntu 18.04 LTS (bionic)", d(2023, 5, 31), kNone,
     "Ubuntu 20.04 LTS (focal)", kUbuntuUpgrade},
    {"ubuntu", "18.10", "Ubuntu 18.10 (cosmic)", d(2019, 7, 18), kNone, "Ubuntu 19.04 (disco)",
     kUbuntuUpgrade},
    {"ubuntu", "19.04", "Ubuntu 19.04 (disco)", d(2020, 1, 23), kNone, "Ubuntu 19.10 (eoan)",
     kUbuntuUpgrade},
    {"ubuntu", "19.10", "Ubuntu 19.10 (eoan)", d(2020, 7, 17), kNone, "Ubuntu 20.04 LTS (focal)",
     kUbuntuUpgrade},
    {"ubuntu", "20.04", "Ubuntu 20.04 LTS (focal)", d(2025, 5, 31), kNone,
     "Ubuntu 22.04 LTS (jammy)", kUbuntuUpgrade},
    {"ubuntu", "20.10", "Ubuntu 20.10 (groovy)", d(2021, 7, 22), kNone,
     "Ubuntu 21.04 (hirsute)", kUbuntuUpgrade},
    {"ubuntu", "21.04", "Ubuntu 21.04 (hirsute)", d(2022, 1, 20), kNone,
     "Ubuntu 21.10 (impish)", kUbuntuUpgrade},
    {"ubuntu", "21.10", "Ubuntu 21.10 (impish)", d(2022, 7, 14), kNone,
     "Ubuntu 22.04 LTS (jammy)", kUbuntuUpgrade},
    {"ubuntu", "22.04", "Ubuntu 22.04 LTS (jammy)", d(2027, 4, 30), kNone,
     "Ubuntu 24.04 LTS (noble)", kUbuntuUpgrade},
    {"ubuntu", "22.10", "Ubuntu 22.10 (kinetic)", d(2023, 7, 20), kNone, "Ubuntu 23.04 (lunar)",
     kUbuntuUpgrade},
    {"ubuntu", "23.04", "Ubuntu 23.04 (lunar)", d(2024, 1, 25), kNone, "Ubuntu 23.10 (mantic)",
     kUbuntuUpgrade},
    {"ubuntu", "23.10", "Ubuntu 23.10 (mantic)", d(2024, 7, 11), kNone,
     "Ubuntu 24.04 LTS (noble)", kUbuntuUpgrade},
    {"ubuntu", "24.04", "Ubuntu 24.04 LTS (noble)", d(2029, 4, 30), kNone,
     "Ubuntu 26.04 LTS (resolute)", kUbuntuUpgrade},
    {"ubuntu", "24.10", "Ubuntu 24.10 (oracular)", d(2025, 7, 10), kNone,
     "Ubuntu 25.04 (plucky)", kUbuntuUpgrade},
    {"ubuntu", "25.04", "Ubuntu 25.04 (plucky)", d(2026, 1, 31), kNone,
     "Ubuntu 25.10 (questing)", kUbuntuUpgrade},
    {"ubuntu", "25.10", "Ubuntu 25.10 (questing)", d(2026, 7, 31), kNone,
     "Ubuntu 26.04 LTS (resolute)", kUbuntuUpgrade},
    {"ubuntu", "26.04", "Ubuntu 26.04 LTS (resolute)", d(2031, 4, 30), kNone, "", kUbuntuUpgrade},

    // Red Hat Enterprise Linux: end of Maintenance Support; upgrades with Leapp.
    {"rhel", "7", "Red Hat Enterprise Linux 7", d(2024, 6, 30), kNone,
     "Red Hat Enterprise Linux 8 (in place with Leapp)",
     "https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/8/html/"
     "upgrading_from_rhel_7_to_rhel_8/index"},
    {"rhel", "8", "Red Hat Enterprise Linux 8", d(2029, 5, 31), kNone,
     "Red Hat Enterprise Linux 9 (in place with Leapp)",
     "https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/"
     "upgrading_from_rhel_8_to_rhel_9/index"},
    {"rhel", "9", "Red Hat Enterprise Linux 9", d(2032, 5, 31), kNone,
     "Red Hat Enterprise Linux 10 (in place with Leapp)",
     "https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/10/html/"
     "upgrading_from_rhel_9_to_rhel_10/index"},
    {"rhel", "10", "Red Hat Enterprise Linux 10", d(2035, 5, 31), kNone, "",
     "https://access.redhat.com/support/policy/updates/errata"},

    // Rebuilds, by their own os-release ID and dates.
    {"rocky", "8", "Rocky Linux 8", d(2029, 5, 31), kNone, "Rocky Linux 9", kElevate},
    {"rocky", "9", "Rocky Linux 9", d(2032, 5, 31), kNone, "Rocky Linux 10", kElevate},
    {"rocky", "10", "Rocky Linux 10", d(2035, 5, 31), kNone, "", kElevate},
    {"almalinux", "8", "AlmaLinux 8", d(2029, 3, 1), kNone, "AlmaLinux 9", kElevate},
    {"almalinux", "9", "AlmaLinux 9", d(2032, 5, 31), kNone, "AlmaLinux 10", kElevate},
    {"almalinux", "10", "AlmaLinux 10", d(2035, 5, 31), kNone, "", kElevate},
    {"ol", "7", "Oracle Linux 7", d(2024, 12, 31), kNone, "Oracle Linux 8 (in place with Leapp)",
     "https://docs.oracle.com/en/operating-systems/oracle-linux/8/leapp/"},
    {"ol", "8", "Oracle Linux 8", d(2029, 7, 31), kNone, "Oracle Linux 9 (in place with Leapp)",
     "https://docs.oracle.com/en/operating-systems/oracle-linux/9/leapp/"},
    {"ol", "9", "Oracle Linux 9", d(2032, 6, 30), kNone, "Oracle Linux 10 (in place with Leapp)",
     "https://docs.oracle.com/en/operating-systems/oracle-linux/10/leapp/"},
    {"ol", "10", "Oracle Linux 10", d(2035, 6, 30), kNone, "",
     "https://www.oracle.com/a/ocom/docs/elsp-lifetime-069338.pdf"},
    {"centos", "7", "CentOS Linux 7", d(2024, 6, 30), kNone,
     "a supported EL release (RHEL, Rocky Linux or AlmaLinux 8 or newer)", kElevate},
    {"centos", "8", "CentOS Linux 8", d(2021, 12, 31), kNone,
     "a supported EL release (RHEL, Rocky Linux or AlmaLinux 8 or newer)", kElevate},
    {"centos", "8-stream", "CentOS Stream 8", d(2024, 5, 31), kNone,
     "CentOS Stream 9, or a supported EL release (RHEL, Rocky Linux, AlmaLinux)", kElevate},
    {"centos", "9-stream", "CentOS Stream 9", d(2027, 5, 31), kNone,
     "CentOS Stream 10, or a supported EL release (RHEL, Rocky Linux, AlmaLinux)", kElevate},

    // Alpine Linux: end of support of the branch. Branches can be skipped when upgrading.
    {"alpine", "3.12", "Alpine Linux 3.12", d(2022, 5, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.13", "Alpine Linux 3.13", d(2022, 11, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.14", "Alpine Linux 3.14", d(2023, 5, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.15", "Alpine Linux 3.15", d(2023, 11, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.16", "Alpine Linux 3.16", d(2024, 5, 23), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.17", "Alpine Linux 3.17", d(2024, 11, 22), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.18", "Alpine Linux 3.18", d(2025, 5, 9), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.19", "Alpine Linux 3.19", d(2025, 11, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.20", "Alpine Linux 3.20", d(2026, 4, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.21", "Alpine Linux 3.21", d(2026, 11, 1), kNone, kAlpineNext, kAlpineUpgrade},
    {"alpine", "3.22", "Alpine Linux 3.22", d(2027, 5, 1), kNone, "", kAlpineUpgrade},

    // Amazon Linux.
    {"amzn", "2", "Amazon Linux 2", d(2026, 6, 30), kNone, "Amazon Linux 2023",
     "https://docs.aws.amazon.com/linux/al2023/ug/compare-with-al2.html"},
    {"amzn", "2023", "Amazon Linux 2023", d(2029, 6, 30), kNone, "",
     "https://docs.aws.amazon.com/linux/al2023/ug/release-cadence.html"},
});

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// The first `count` dot-separated numeric components of VERSION_ID, or "" when it has fewer
// or any of them is not a number ("3.21.0_alpha20240807" → "3.21" for two).
std::string numeric_prefix(std::string_view version, std::size_t count) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (pos > version.size()) return "";
    std::size_t end = version.find('.', pos);
    if (end == std::string_view::npos) end = version.size();
    const std::string_view part = version.substr(pos, end - pos);
    if (!all_digits(part)) return "";
    if (!out.empty()) out += '.';
    out += part;
    pos = end + 1;
  }
  return out;
}

// The table's ID for an os-release ID: Raspberry Pi OS (raspbian) uses Debian's releases.
std::string_view table_id(std::string_view id) { return id == "raspbian" ? "debian" : id; }

std::string key_for(std::string_view id, const OsRelease& os) {
  const std::string_view version = collector::trim(os.version_id);
  if (id == "ubuntu") return numeric_prefix(version, 2);
  if (id == "alpine") {
    // Alpine edge has VERSION_ID like "3.21.0_alpha20240807": a rolling branch, not 3.21.
    if (version.find('_') != std::string_view::npos) return "";
    return numeric_prefix(version, 2);
  }
  if (id == "amzn") return all_digits(version) ? std::string(version) : "";
  std::string major = numeric_prefix(version.substr(0, version.find('.')), 1);
  if (id == "centos" && !major.empty() && os.name.find("Stream") != std::string::npos)
    major += "-stream";
  return major;
}

const EolRelease* lookup(std::string_view id, std::string_view key) {
  if (key.empty()) return nullptr;
  for (const EolRelease& r : kTable)
    if (r.id == id && r.version == key) return &r;
  return nullptr;
}

bool known_id(std::string_view id) {
  for (const EolRelease& r : kTable)
    if (r.id == id) return true;
  return false;
}

}  // namespace

std::span<const EolRelease> eol_table() { return kTable; }

std::string eol_release_key(const OsRelease& os) { return key_for(table_id(os.id), os); }

std::optional<EolMatch> find_eol_release(const OsRelease& os) {
  const std::string_view id = table_id(os.id);
  if (known_id(id)) {
    std::string key = key_for(id, os);
    if (const EolRelease* r = lookup(id, key)) return EolMatch{r, std::move(key), "ID"};
    return std::nullopt;
  }
  // A rebuild the table does not name (ID_LIKE="rhel centos fedora"): RHEL's dates for its
  // major version. Other families' derivatives number their releases their own way.
  for (const std::string& like : os.id_like) {
    if (like != "rhel") continue;
    std::string key = key_for("rhel", os);
    if (const EolRelease* r = lookup("rhel", key))
      return EolMatch{r, std::move(key), "ID_LIKE rhel"};
  }
  return std::nullopt;
}

}  // namespace zt::system
