#pragma once
// RPM package versions, ordered exactly as rpm orders them (rpm 4.18: rpmvercmp in
// rpmio/rpmvercmp.c, the EVR split and rpmverCmp in rpmio/rpmver.c, which the Lua binding
// rpm.vercmp uses).
//
// compare_rpm_segments is rpmvercmp, the comparison of one version (or release, or epoch):
// - texts equal byte for byte are equal;
// - each side is cut into segments, runs of ASCII digits or runs of ASCII letters; every other
//   byte is a separator and is skipped (so "1.0" == "1_0" == "1..0");
// - '~' sorts before everything, even the end of the string ("1.0~rc1" < "1.0");
// - '^' sorts after the end of the string but before any further segment
//   ("1.0" < "1.0^git1" < "1.0.1");
// - a numeric segment beats an alphabetic one; numbers compare without their leading zeros,
//   the longer number winning, then digit by digit; letters compare by ASCII code;
// - when one side runs out of segments first, the side with something left is the greater.
//
// An EVR is [epoch:]version[-release]. split_rpm_evr splits it as rpm does: the epoch is the
// run of digits at the start when a ':' follows it ("" before the ':' means 0); the release is
// what follows the LAST '-'; a text with no ':' after its leading digits has no epoch.
// compare_rpm_evr is rpmverCmp: the epochs (missing: "0"), then the versions, with
// compare_rpm_segments; then the releases, where a missing release sorts before any release,
// even an empty one ("1.0" < "1.0-" < "1.0-1"). That is the order rpm -q, rpm.vercmp and
// package updates use. Dependency ranges are different: rpm's rpmverOverlap lets a version
// with no release ("Requires: foo >= 1.0") match every release of that version; a matcher
// that needs it compares without the release itself.
//
// Errors: none. rpm.vercmp refuses an empty EVR; here it is an empty version, which sorts
// before any version with a segment. A NUL byte ends the text (rpm reads C strings).
// Threads: pure functions over the caller's bytes, no allocation; safe from any thread.
#include <optional>
#include <string_view>

namespace zt::vuln {

struct RpmEvr {
  std::string_view epoch;                   // "" when missing: compares as "0"
  std::string_view version;
  std::optional<std::string_view> release;  // nullopt when missing
};

// <0 when a sorts before b, 0 when rpm holds them equal, >0 when a sorts after b.
int compare_rpm_segments(std::string_view a, std::string_view b);

// "[E:]V[-R]" split as rpm splits it; views into `evr`.
RpmEvr split_rpm_evr(std::string_view evr);

int compare_rpm_evr(const RpmEvr& a, const RpmEvr& b);
// Both texts split with split_rpm_evr, then compare_rpm_evr: rpm.vercmp(a, b).
int compare_rpm(std::string_view a, std::string_view b);

}  // namespace zt::vuln
