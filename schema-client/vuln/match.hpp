#pragma once
// A host's installed packages against an Index of OSV records: which records affect which
// package, and why.
//
// The name and version looked up (OSV's distribution records name source packages):
// - dpkg (Debian, Ubuntu) and apk (Alpine): the source package (dpkg's "Source:", apk's
//   origin) at the source version when the package has a source name, else the binary name
//   at the binary version. A source without a source version takes the binary's version. So
//   linux-image-6.1.0-18-amd64 (Source: linux (6.1.76-1)) is looked up as linux 6.1.76-1,
//   and libc6 2.36-9+deb12u4+b1 (a binNMU of glibc 2.36-9+deb12u4) as glibc 2.36-9+deb12u4.
//   A signed kernel image (linux-image-<release>, Source: linux-signed-amd64 (6.1.106+3)) is
//   looked up as linux at its own version (6.1.106-3): the signed source only wraps linux's
//   binaries. The meta package linux-image-amd64 (same source, its own version) is not.
// - rpm: the source rpm's name ("openssl-3.0.7-27.el9.src.rpm" → "openssl", a plain name
//   taken as it is) and the binary's name, both at the binary's [E:]V-R (the source rpm's file
//   name carries no epoch; every binary of a build has its source's version). Red Hat's
//   records name binary or source rpms, SUSE's and openSUSE's source rpms, AlmaLinux's and
//   Rocky's source packages by osv-schema yet binaries in places: looking both up covers each.
//
// A version is affected by an affected entry, as OSV evaluates it
// (https://ossf.github.io/osv-schema/#evaluation), when it is equal, by the ecosystem's
// ordering, to one of its "versions", or lies in one of its ECOSYSTEM ranges: walking the
// events sorted by version, an "introduced" at or below it (or "0") opens the range, a
// "fixed" at or below it closes it, a "last_affected" below it closes it; and when the range
// has "limit" events, the version must be below one of them ("*" is no limit). Withdrawn
// records never match. One Match per (package, record): the first affected entry and range
// that affect it, ranges before the versions list.
//
// Order: by package name, then record id, then arch, then installed version.
// Errors: none. Threads: pure; any number of threads may match against one Index.
#include <cstdint>
#include <string>
#include <vector>

#include "schema-client/vuln/ecosystem.hpp"
#include "schema-client/vuln/match_index.hpp"

namespace zt::vuln {

struct InstalledPackage {
  std::string name;
  std::string version;
  std::string source_name;     // dpkg Source, apk origin, rpm SOURCERPM; empty when none
  std::string source_version;  // dpkg only: the version in "Source: name (version)"
  std::string arch;
};

struct Match {
  std::string package;            // the installed (binary) package
  std::string arch;
  std::string installed_version;  // the binary's version
  std::string source_name;        // the name the record lists: source or binary
  std::string compared_version;   // the version compared: the source's or the binary's
  std::string record_id;
  std::vector<std::string> cve_ids;
  std::string range;          // "introduced 0, fixed 3.0.15-1~deb12u1", "listed in versions"
  std::string fixed_version;  // the range's "fixed"; empty when it has none
  std::uint32_t record = 0;   // Index::record(record): the record matched

  bool operator==(const Match&) const = default;
};

std::vector<Match> match(const Index& index, const HostEcosystem& host,
                         const std::vector<InstalledPackage>& packages);

// The package names match() looks `package` up by, as described above.
std::vector<std::string> lookup_names(const InstalledPackage& package, VersionScheme scheme);

}  // namespace zt::vuln
