#pragma once
// The OSV ecosystem of a host, from its os-release(5) values, and the version ordering of an
// OSV ecosystem string. Names as osv-schema's ecosystems.json (ossf/osv-schema) and the feeds
// write them:
//
//   ID (or ID_LIKE)                 VERSION_ID  ecosystem                          scheme
//   debian                          12          Debian:12                          dpkg
//   ubuntu                          22.04       Ubuntu:22.04:LTS (YY.04, YY even)  dpkg
//   ubuntu                          23.10       Ubuntu:23.10                       dpkg
//   alpine                          3.18.9      Alpine:v3.18                       apk
//   rhel, centos, ID_LIKE has rhel  9.4         Red Hat:enterprise_linux:9         rpm
//   (the same, from 10 on)          10.0        Red Hat:enterprise_linux:10.0      rpm
//   rocky                           9.3         Rocky Linux:9                      rpm
//   almalinux                       9.4         AlmaLinux:9                        rpm
//   sles / sled                     15.5        SUSE:Linux Enterprise Server 15 SP5 (sled:
//                                               …Desktop…; 15 with no SP: "15")  rpm
//   opensuse-leap                   15.5        openSUSE:Leap 15.5                 rpm
//   opensuse-tumbleweed             (any)       openSUSE:Tumbleweed                rpm
//
// nullopt for everything else, among them Amazon Linux (amzn) and Fedora, which have no OSV
// ecosystem (their advisories, ALAS and Fedora updates, are not published as OSV), a Debian
// or Ubuntu without VERSION_ID (testing, sid, devel), and derivatives whose VERSION_ID is their
// own (Linux Mint, Pop!_OS): ID_LIKE is consulted only for "rhel" rebuilds.
//
// Red Hat's records scope a package to a repository ("Red Hat:enterprise_linux:9::appstream",
// "…::baseos"); an installed rpm does not say which repository it came from, so index_key()
// drops the "::repository" part and the host's key has none. Ubuntu Pro ("Ubuntu:Pro:…")
// records need an ESM subscription and are not the host's ecosystem. CentOS maps to RHEL of
// its major version: CentOS Linux was a rebuild; Stream runs ahead of RHEL, so a CentOS Stream
// host may be reported for a fix it already has.
//
// Errors: none (nullopt). Threads: pure; safe from any thread.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "schema-client/vuln/version_compare.hpp"

namespace zt::vuln {

struct HostEcosystem {
  std::string ecosystem;  // the OSV ecosystem key of the host's packages: "Debian:12"
  VersionScheme scheme = VersionScheme::dpkg;

  bool operator==(const HostEcosystem&) const = default;
};

std::optional<HostEcosystem> ecosystem_of(std::string_view id,
                                          const std::vector<std::string>& id_like,
                                          std::string_view version_id);

// The ordering of an OSV ecosystem string's packages: Debian and Ubuntu dpkg; Alpine apk; Red
// Hat, Rocky Linux, AlmaLinux, SUSE and openSUSE rpm; nullopt for any other ecosystem (the
// language ecosystems are not OS packages).
std::optional<VersionScheme> scheme_of(std::string_view ecosystem);

// The key an affected package's ecosystem is indexed under: itself, but for Red Hat without
// its "::repository" suffix ("Red Hat:enterprise_linux:9::appstream" → "…:9").
std::string_view index_key(std::string_view ecosystem);

}  // namespace zt::vuln
