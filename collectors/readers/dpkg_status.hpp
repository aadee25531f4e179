#pragma once
// Parses dpkg's status database (/var/lib/dpkg/status): RFC 822-style stanzas separated by
// blank lines, "Field: value" lines, continuation lines starting with a space or a tab. Pure;
// never throws. Only the fields the package inventory needs are kept.
//
// installed_packages() gives what `dpkg-query -W -f='${binary:Package}\t${Version}\t
// ${source:Package}\t${source:Version}\t${Architecture}\n'` prints (one line a package), in
// database order, minus the packages whose state is `not-installed` (purged; dpkg
// keeps a stanza only while something still refers to it) or `config-files` (removed, only
// its conffiles left on disk): neither has any of its code installed, so neither belongs in
// an inventory of what runs on the host. Every other state (installed, unpacked,
// half-configured, half-installed, triggers-*) has files on disk and is kept.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zt::readers {

struct DpkgEntry {
  std::string package;
  std::string version;       // as written, epoch included ("1:2.38.1-5+deb12u3")
  std::string architecture;  // "amd64", "all", or empty when the stanza has none
  std::string multi_arch;    // "same", "foreign", "allowed", or empty
  std::string state;         // the third word of Status ("installed", "config-files", …)
  // The Source field "name" or "name (version)" (a version only when it differs from the
  // binary's: "util-linux (2.38.1-5+deb12u3)" for bsdutils 1:2.38.1-5+deb12u3), in two parts;
  // empty when the stanza has none.
  std::string source;
  std::string source_version;
};

struct DpkgStatus {
  std::vector<DpkgEntry> entries;
  // Stanzas left out because they have no Package field or a Status that is not three words.
  std::size_t malformed_stanzas = 0;
};

struct DpkgPackage {
  std::string name;  // ${binary:Package}: "libc6:amd64", "bash"
  std::string version;
  std::string source_name;     // ${source:Package}: "glibc"
  std::string source_version;  // ${source:Version}
  std::string architecture;    // ${Architecture}: "amd64", "all"

  bool operator==(const DpkgPackage&) const = default;
};

DpkgStatus parse_dpkg_status(std::string_view text);

// The host's native architecture: the Architecture of the `dpkg` package itself (dpkg is
// always of the native architecture). Without a dpkg stanza, the most common architecture
// other than "all" among the entries, or "" when there is none.
std::string native_architecture(const DpkgStatus& status);

// ${binary:Package}: the name, qualified with ":<arch>" when the package is Multi-Arch: same,
// or when its architecture is neither "all" nor the native one (as dpkg's pnaw_nonambig).
std::string binary_package_name(const DpkgEntry& entry, std::string_view native_arch);

// ${source:Package}: the Source field's name, or the package's own name when it has none.
std::string source_package_name(const DpkgEntry& entry);
// ${source:Version}: the Source field's version, or the package's own version when it has none.
std::string source_package_version(const DpkgEntry& entry);

// Whether dpkg-query -W lists the entry and the inventory keeps it (see above).
bool is_present(const DpkgEntry& entry);

std::vector<DpkgPackage> installed_packages(const DpkgStatus& status);

}  // namespace zt::readers
