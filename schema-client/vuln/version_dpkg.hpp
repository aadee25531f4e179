#pragma once
// Debian package versions, ordered exactly as dpkg orders them (dpkg 1.21, Debian 12:
// lib/dpkg/version.c and parseversion in lib/dpkg/parsehelp.c; deb-version(5)).
//
// A version is [epoch:]upstream_version[-debian_revision]:
// - the epoch is the number before the first ':' (none: 0), compared as a number;
// - the revision is what follows the LAST '-' (none: "", which compares like "0");
// - the upstream version, then the revision, are compared from the left in alternating runs:
//   a run of non-digits, byte by byte, where '~' sorts before everything, even the end of the
//   string, then the end, then letters (by ASCII code), then every other byte; then a run of
//   digits, compared as a number of any length (leading zeros do not count).
// Bytes of 0x80 and more sort between the letters and the ASCII punctuation, as dpkg on amd64
// orders them (it weighs a signed char); blanks around the version are ignored, as dpkg does.
//
// Validity (parse_dpkg) follows dpkg's parseversion: refused (dpkg: "bad syntax", an error) are
// an empty or blank version, blanks inside it, an epoch that is not a number as strtol reads
// it, negative or above 2147483647, nothing after the epoch's ':', an empty upstream version
// and an empty revision after a '-'. Accepted with a warning (DpkgVersion::warned, as dpkg
// warns) are an upstream version that does not start with a digit, and a byte outside
// [A-Za-z0-9.+~:-] in the upstream version or outside [A-Za-z0-9.+~] in the revision.
// (Dpkg::Version's version_check in libdpkg-perl refuses the warned ones too.)
//
// compare_dpkg on text is total: it never fails, never throws and never allocates. For every
// version dpkg accepts, with or without a warning, its sign is dpkg's. For text dpkg refuses,
// the same rules are applied to a lenient split, which is our choice, not dpkg's: what precedes
// the first ':' is the epoch only when dpkg could read it as one (a number that is too large
// still compares as a number); otherwise the ':' belongs to the upstream version; an empty
// part compares like "0"; blanks inside compare as ordinary bytes. A caller that must tell
// such text apart calls parse_dpkg first. A NUL byte ends the version (dpkg reads C strings).
//
// Threads: pure functions over the caller's bytes; safe from any thread.
#include <cstdint>
#include <optional>
#include <string_view>

namespace zt::vuln {

struct DpkgVersion {
  std::uint32_t epoch = 0;    // 0 to 2147483647
  std::string_view upstream;  // never empty; a view into the parsed text
  std::string_view revision;  // "" when the version has no '-'
  bool warned = false;        // dpkg accepts it but warns that its syntax is bad
};

// The version dpkg reads from `text`, or nullopt where dpkg refuses it (see above).
std::optional<DpkgVersion> parse_dpkg(std::string_view text);

// <0 when a sorts before b, 0 when dpkg holds them equal, >0 when a sorts after b.
int compare_dpkg(const DpkgVersion& a, const DpkgVersion& b);
int compare_dpkg(std::string_view a, std::string_view b);

}  // namespace zt::vuln
