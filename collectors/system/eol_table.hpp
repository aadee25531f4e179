#pragma once
// The end-of-life table: when each release of the distributions the agent knows stops being
// supported, shipped in the code (eol_table.cpp, with the source of every date), and how a
// host's os-release is matched against it. Pure; never throws.
//
// What "end of life" means here: the last day the distribution itself (not a paid add-on)
// publishes security updates for the release.
//   - Debian: the end of Debian LTS, which follows the security team's regular support for
//     about two more years (for the main architectures). `security_end` keeps the regular
//     end, reported in the inventory; a host past it but within LTS is still "supported".
//   - Ubuntu: the end of standard support (5 years for an LTS, 9 months for an interim
//     release). Expanded Security Maintenance needs an Ubuntu Pro subscription: not counted.
//   - RHEL: the end of the Maintenance Support phase (ELS is a paid add-on). Rebuilds
//     (Rocky, AlmaLinux, Oracle Linux) use their own published dates; CentOS Linux and
//     CentOS Stream theirs.
//   - Alpine: the end of the branch's support (security fixes for main).
//   - Amazon Linux: the published end of support (AL2: extended to 2026-06-30).
// A date is the last day of support: a host is past its end of life the day after.
#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "collectors/system/civil_date.hpp"
#include "collectors/core/os_release.hpp"

namespace zt::system {

using collector::OsRelease;

struct EolRelease {
  std::string_view id;       // the os-release ID the dates are for: "debian", "rhel", …
  std::string_view version;  // the release's key: "12", "22.04", "9", "3.18", "2023", "9-stream"
  std::string_view name;     // "Debian 12 (bookworm)"
  std::chrono::year_month_day eol;
  std::chrono::year_month_day security_end;  // Debian only: end of regular support; else !ok()
  std::string_view upgrade_to;   // the next supported step, "" for the newest release
  std::string_view upgrade_url;  // how to take that step (release notes, upgrade guide)
};

std::span<const EolRelease> eol_table();

struct EolMatch {
  const EolRelease* release = nullptr;
  std::string key;         // the release key derived from os-release
  std::string matched_by;  // "ID" or "ID_LIKE rhel"
};

// The release key of an os-release for a family's numbering: Debian and RHEL-like: the
// major number of VERSION_ID ("9.4" → "9"); Ubuntu and Alpine: major.minor ("3.18.9" →
// "3.18"); Amazon Linux: VERSION_ID as is; CentOS Stream: "<major>-stream". Empty when
// VERSION_ID is missing or not numeric (Debian testing, Alpine edge).
std::string eol_release_key(const OsRelease& os);

// The table's entry for the host: by ID first, then (for an ID the table does not know) by
// ID_LIKE "rhel" with the RHEL dates. nullopt when the release is unknown to the table.
std::optional<EolMatch> find_eol_release(const OsRelease& os);

}  // namespace zt::system
