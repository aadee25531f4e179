// The host's OSV ecosystem from os-release values: the fixture hosts' own files
// (tests/fixtures/hosts/*/etc/os-release, parsed by the collector core's parser), and the
// values of other distributions as their official container images ship them (ubi9, rockylinux:9,
// almalinux:9, ubuntu:22.04 and 23.10, amazonlinux:2023, fedora:39, opensuse/leap:15.5,
// SLES 15 SP5, linuxmint 21.2, debian:sid). And the ordering and index key of OSV ecosystem
// strings.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "collectors/core/os_release.hpp"
#include "schema-client/vuln/ecosystem.hpp"
#include "tests/support/temp_tree.hpp"

using namespace zt::vuln;

namespace {

std::optional<HostEcosystem> of_fixture(const std::string& host) {
  const auto text = zt::test::read_text(zt::test::fixture_host(host) / "etc/os-release");
  const auto os = zt::collector::parse_os_release(text);
  return ecosystem_of(os.id, os.id_like, os.version_id);
}

std::string name_of(const std::optional<HostEcosystem>& host) {
  return host ? host->ecosystem : "-";
}

}  // namespace

TEST_CASE("ecosystem_of: the fixture hosts' os-release", "[unit]") {
  CHECK(of_fixture("debian12") == HostEcosystem{"Debian:12", VersionScheme::dpkg});
  CHECK(of_fixture("sys-weak") == HostEcosystem{"Debian:10", VersionScheme::dpkg});
  CHECK(of_fixture("alpine318") == HostEcosystem{"Alpine:v3.18", VersionScheme::apk});
  CHECK(of_fixture("sys-centos7") ==
        HostEcosystem{"Red Hat:enterprise_linux:7", VersionScheme::rpm});
}

TEST_CASE("ecosystem_of: other distributions' os-release values", "[unit]") {
  using Ids = std::vector<std::string>;
  // ID, ID_LIKE, VERSION_ID as each image's /etc/os-release has them.
  CHECK(ecosystem_of("rhel", Ids{"fedora"}, "9.4") ==
        HostEcosystem{"Red Hat:enterprise_linux:9", VersionScheme::rpm});
  CHECK(name_of(ecosystem_of("rhel", Ids{"centos", "fedora"}, "10.0")) ==
        "Red Hat:enterprise_linux:10.0");
  CHECK(ecosystem_of("rocky", Ids{"rhel", "centos", "fedora"}, "9.3") ==
        HostEcosystem{"Rocky Linux:9", VersionScheme::rpm});
  CHECK(ecosystem_of("almalinux", Ids{"rhel", "centos", "fedora"}, "9.4") ==
        HostEcosystem{"AlmaLinux:9", VersionScheme::rpm});
  CHECK(ecosystem_of("ubuntu", Ids{"debian"}, "22.04") ==
        HostEcosystem{"Ubuntu:22.04:LTS", VersionScheme::dpkg});
  CHECK(name_of(ecosystem_of("ubuntu", Ids{"debian"}, "23.10")) == "Ubuntu:23.10");
  CHECK(name_of(ecosystem_of("ubuntu", Ids{"debian"}, "24.04")) == "Ubuntu:24.04:LTS");
  CHECK(name_of(ecosystem_of("ubuntu", Ids{"debian"}, "21.04")) == "Ubuntu:21.04");
  CHECK(ecosystem_of("opensuse-leap", Ids{"suse", "opensuse"}, "15.5") ==
        HostEcosystem{"openSUSE:Leap 15.5", VersionScheme::rpm});
  CHECK(name_of(ecosystem_of("opensuse-tumbleweed", Ids{"opensuse", "suse"}, "20240101")) ==
        "openSUSE:Tumbleweed");
  CHECK(name_of(ecosystem_of("sles", Ids{"suse"}, "15.5")) ==
        "SUSE:Linux Enterprise Server 15 SP5");
  CHECK(name_of(ecosystem_of("sles", Ids{"suse"}, "15")) == "SUSE:Linux Enterprise Server 15");
  // No OSV ecosystem, or a version that is not the base distribution's: none.
  CHECK(name_of(ecosystem_of("amzn", Ids{"fedora"}, "2023")) == "-");
  CHECK(name_of(ecosystem_of("fedora", Ids{}, "39")) == "-");
  CHECK(name_of(ecosystem_of("linuxmint", Ids{"ubuntu", "debian"}, "21.2")) == "-");
  CHECK(name_of(ecosystem_of("debian", Ids{}, "")) == "-");  // sid has no VERSION_ID
  CHECK(name_of(ecosystem_of("alpine", Ids{}, "edge")) == "-");
  CHECK(name_of(ecosystem_of("linux", Ids{}, "1.0")) == "-");
}

TEST_CASE("ecosystem strings: their ordering and index key", "[unit]") {
  CHECK(scheme_of("Debian:12") == VersionScheme::dpkg);
  CHECK(scheme_of("Ubuntu:Pro:18.04:LTS") == VersionScheme::dpkg);
  CHECK(scheme_of("Alpine:v3.19") == VersionScheme::apk);
  CHECK(scheme_of("Red Hat:enterprise_linux:9::appstream") == VersionScheme::rpm);
  CHECK(scheme_of("Rocky Linux:9") == VersionScheme::rpm);
  CHECK(scheme_of("openSUSE:Leap 15.5") == VersionScheme::rpm);
  CHECK_FALSE(scheme_of("PyPI").has_value());
  CHECK_FALSE(scheme_of("Debianish:12").has_value());
  CHECK(index_key("Red Hat:enterprise_linux:9::appstream") == "Red Hat:enterprise_linux:9");
  CHECK(index_key("Red Hat:enterprise_linux:10.0") == "Red Hat:enterprise_linux:10.0");
  CHECK(index_key("Debian:12") == "Debian:12");
}
