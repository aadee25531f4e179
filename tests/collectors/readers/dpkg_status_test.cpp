#include "collectors/readers/dpkg_status.hpp"

#include <catch2/catch.hpp>
#include <utility>

#include "tests/support/temp_tree.hpp"

using zt::readers::binary_package_name;
using zt::readers::DpkgEntry;
using zt::readers::DpkgPackage;
using zt::readers::installed_packages;
using zt::readers::native_architecture;
using zt::readers::parse_dpkg_status;
using zt::readers::source_package_name;
using zt::readers::source_package_version;
using Packages = std::vector<DpkgPackage>;

namespace {

std::string stanza(std::string_view package, std::string_view status, std::string_view arch,
                   std::string_view version, std::string_view multi_arch = "") {
  std::string s = "Package: " + std::string(package) + "\nStatus: " + std::string(status) +
                  "\nArchitecture: " + std::string(arch) + "\n";
  if (!multi_arch.empty()) s += "Multi-Arch: " + std::string(multi_arch) + "\n";
  return s + "Version: " + std::string(version) + "\n\n";
}

// installed_packages(), name and version only: what the tests of the selection look at.
using Listed = std::vector<std::pair<std::string, std::string>>;
Listed listed(const zt::readers::DpkgStatus& status) {
  Listed out;
  for (const DpkgPackage& p : installed_packages(status)) out.emplace_back(p.name, p.version);
  return out;
}

}  // namespace

TEST_CASE("dpkg status of the debian12 fixture gives what dpkg-query -W prints",
          "[unit][dpkg]") {
  const auto status = parse_dpkg_status(
      zt::test::read_text(zt::test::fixture_host("debian12") / "var/lib/dpkg/status"));
  CHECK(status.entries.size() == 13);
  CHECK(status.malformed_stanzas == 0);
  CHECK(native_architecture(status) == "amd64");
  // The same list as `dpkg-query --admindir=…/debian12/var/lib/dpkg -W -f='${binary:Package}
  // ${Version} ${source:Package} ${source:Version} ${Architecture}'` (dpkg 1.21.22), minus the
  // config-files kernel (linux-image-6.1.0-25-amd64); the purged telnet is not-installed.
  CHECK(installed_packages(status) ==
        Packages{
            {"base-files", "12.4+deb12u9", "base-files", "12.4+deb12u9", "amd64"},
            {"bsdutils", "1:2.38.1-5+deb12u3", "util-linux", "2.38.1-5+deb12u3", "amd64"},
            {"dpkg", "1.21.22", "dpkg", "1.21.22", "amd64"},
            {"hello:i386", "2.10-3", "hello", "2.10-3", "i386"},
            {"libc6:amd64", "2.36-9+deb12u9", "glibc", "2.36-9+deb12u9", "amd64"},
            {"libc6:i386", "2.36-9+deb12u9", "glibc", "2.36-9+deb12u9", "i386"},
            {"libssl3:amd64", "3.0.15-1~deb12u1", "openssl", "3.0.15-1~deb12u1", "amd64"},
            {"linux-image-6.1.0-28-amd64", "6.1.119-1", "linux-signed-amd64", "6.1.119+1",
             "amd64"},
            {"linux-image-6.1.0-30-amd64", "6.1.124-1", "linux-signed-amd64", "6.1.124+1",
             "amd64"},
            {"openssh-server", "1:9.2p1-2+deb12u3", "openssh", "1:9.2p1-2+deb12u3", "amd64"},
            {"tzdata", "2024b-0+deb12u1", "tzdata", "2024b-0+deb12u1", "all"},
        });
}

TEST_CASE("dpkg: ${source:Package} and ${source:Version} from the three forms of Source",
          "[unit][dpkg]") {
  const auto source_of = [](std::string_view source_line) {
    const auto status = parse_dpkg_status("Package: bash\nStatus: install ok installed\n" +
                                          std::string(source_line) +
                                          "Architecture: amd64\nVersion: 5.2.15-2+b8\n");
    REQUIRE(status.entries.size() == 1);
    const DpkgEntry& e = status.entries.front();
    return std::pair{source_package_name(e), source_package_version(e)};
  };
  using Source = std::pair<std::string, std::string>;
  // No Source: the package is its own source, at its own version.
  CHECK(source_of("") == Source{"bash", "5.2.15-2+b8"});
  // A name only: the source's version is the package's.
  CHECK(source_of("Source: bash-src\n") == Source{"bash-src", "5.2.15-2+b8"});
  // A name and a version (a rebuild, +b8, of source 5.2.15-2).
  CHECK(source_of("Source: bash (5.2.15-2)\n") == Source{"bash", "5.2.15-2"});
  CHECK(source_of("source:   util-linux   ( 2.38.1-5 )  \n") == Source{"util-linux", "2.38.1-5"});
  // A version without its closing parenthesis is not taken.
  CHECK(source_of("Source: bash (5.2.15-2\n") == Source{"bash", "5.2.15-2+b8"});
  // The last Source of a stanza wins, version and all.
  CHECK(source_of("Source: a (1)\nSource: b\n") == Source{"b", "5.2.15-2+b8"});
}

TEST_CASE("dpkg: ${binary:Package} qualifies Multi-Arch: same and foreign architectures",
          "[unit][dpkg]") {
  const auto entry = [](std::string arch, std::string multi_arch) {
    DpkgEntry e;
    e.package = "pkg";
    e.architecture = std::move(arch);
    e.multi_arch = std::move(multi_arch);
    return e;
  };
  CHECK(binary_package_name(entry("amd64", ""), "amd64") == "pkg");
  CHECK(binary_package_name(entry("amd64", "foreign"), "amd64") == "pkg");
  CHECK(binary_package_name(entry("amd64", "allowed"), "amd64") == "pkg");
  CHECK(binary_package_name(entry("amd64", "same"), "amd64") == "pkg:amd64");
  CHECK(binary_package_name(entry("i386", "same"), "amd64") == "pkg:i386");
  CHECK(binary_package_name(entry("i386", ""), "amd64") == "pkg:i386");
  CHECK(binary_package_name(entry("i386", "foreign"), "amd64") == "pkg:i386");
  CHECK(binary_package_name(entry("all", ""), "amd64") == "pkg");
  CHECK(binary_package_name(entry("all", "foreign"), "amd64") == "pkg");
  CHECK(binary_package_name(entry("all", "same"), "amd64") == "pkg:all");  // as dpkg does
  CHECK(binary_package_name(entry("", "same"), "amd64") == "pkg");         // no architecture
}

TEST_CASE("dpkg: the native architecture is that of the dpkg package", "[unit][dpkg]") {
  const auto status = parse_dpkg_status(stanza("bash", "install ok installed", "amd64", "5.2") +
                                        stanza("dpkg", "install ok installed", "arm64", "1.21") +
                                        stanza("zlib1g", "install ok installed", "arm64", "1.2",
                                               "same"));
  CHECK(native_architecture(status) == "arm64");
  CHECK(listed(status) ==
        Listed{{"bash:amd64", "5.2"}, {"dpkg", "1.21"}, {"zlib1g:arm64", "1.2"}});

  SECTION("without a dpkg stanza, the most common architecture other than all") {
    const auto no_dpkg =
        parse_dpkg_status(stanza("a", "install ok installed", "armhf", "1") +
                          stanza("b", "install ok installed", "riscv64", "1") +
                          stanza("c", "install ok installed", "riscv64", "1") +
                          stanza("d", "install ok installed", "all", "1") +
                          stanza("e", "install ok installed", "all", "1") +
                          stanza("f", "install ok installed", "all", "1"));
    CHECK(native_architecture(no_dpkg) == "riscv64");
    CHECK(listed(no_dpkg).front() == Listed::value_type{"a:armhf", "1"});
    CHECK(native_architecture(parse_dpkg_status("")) == "");
  }
}

TEST_CASE("dpkg: not-installed and config-files are left out, other states kept",
          "[unit][dpkg]") {
  const auto status = parse_dpkg_status(
      stanza("dpkg", "install ok installed", "amd64", "1") +
      stanza("purged", "purge ok not-installed", "amd64", "1") +
      stanza("removed", "deinstall ok config-files", "amd64", "1") +
      stanza("unpacked", "install ok unpacked", "amd64", "2") +
      stanza("half-installed", "install reinstreq half-installed", "amd64", "3") +
      stanza("half-configured", "install ok half-configured", "amd64", "4") +
      stanza("awaiting", "install ok triggers-awaited", "amd64", "5") +
      stanza("pending", "install ok triggers-pending", "amd64", "6") +
      stanza("held", "hold ok installed", "amd64", "7") +
      stanza("going", "deinstall ok installed", "amd64", "8") +
      "Package: no-status\nArchitecture: amd64\nVersion: 9\n\n");
  CHECK(status.entries.size() == 11);
  CHECK(listed(status) == Listed{{"dpkg", "1"},
                                               {"unpacked", "2"},
                                               {"half-installed", "3"},
                                               {"half-configured", "4"},
                                               {"awaiting", "5"},
                                               {"pending", "6"},
                                               {"held", "7"},
                                               {"going", "8"}});
}

TEST_CASE("dpkg: continuation lines never change a field", "[unit][dpkg]") {
  const auto status = parse_dpkg_status(
      "Package: tricky\n"
      "Status: install ok installed\n"
      "Architecture: amd64\n"
      "Version: 1.0-1\n"
      "Description: a description that quotes fields\n"
      " Version: 9.9\n"
      " Package: impostor\n"
      "\tArchitecture: i386\n"
      " .\n"
      "Conffiles:\n"
      " /etc/tricky.conf 0123456789abcdef0123456789abcdef\n");
  REQUIRE(status.entries.size() == 1);
  CHECK(status.entries[0].package == "tricky");
  CHECK(status.entries[0].version == "1.0-1");
  CHECK(status.entries[0].architecture == "amd64");
  CHECK(listed(status) == Listed{{"tricky", "1.0-1"}});
}

TEST_CASE("dpkg: separators, case, CRLF and a missing final newline", "[unit][dpkg]") {
  const auto status = parse_dpkg_status(
      "\n\npackage: lower\r\nSTATUS: install ok installed\r\nversion: 1\r\n"
      "architecture: amd64\r\nmulti-arch: same\r\n"
      "\r\n \t \n\n"
      "Package: last\nStatus: install ok installed\nVersion:  2  \nArchitecture: amd64");
  CHECK(listed(status) == Listed{{"lower:amd64", "1"}, {"last", "2"}});
}

TEST_CASE("dpkg: malformed stanzas are counted and left out, no crash", "[unit][dpkg]") {
  SECTION("no Package field, or a Status that is not three words") {
    const auto status = parse_dpkg_status(
        "Status: install ok installed\nVersion: 1\n\n" +
        stanza("short-status", "install ok", "amd64", "1") +
        stanza("good", "install ok installed", "amd64", "2"));
    CHECK(status.malformed_stanzas == 2);
    CHECK(listed(status) == Listed{{"good", "2"}});
  }
  SECTION("lines that are not fields are ignored") {
    const auto status = parse_dpkg_status(
        "garbage without colon\n: empty name\n" + stanza("good", "install ok installed", "amd64",
                                                         "2"));
    CHECK(listed(status) == Listed{{"good", "2"}});
  }
  SECTION("random text has no entries") {
    const auto status = parse_dpkg_status("\x01\x02 not a status file\n\n\xff\xfe\n");
    CHECK(status.entries.empty());
    CHECK(status.malformed_stanzas == 0);
    CHECK(parse_dpkg_status("").entries.empty());
  }
  SECTION("a stanza without a Version gives an empty version, as dpkg-query prints") {
    const auto status = parse_dpkg_status("Package: x\nStatus: install ok installed\n");
    CHECK(listed(status) == Listed{{"x", ""}});
  }
}
