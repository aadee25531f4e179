#pragma once
// Debian package version ordering, as dpkg --compare-versions applies it (deb-version(5),
// Debian Policy 5.6.12): [epoch:]upstream_version[-debian_revision].
//
// The epoch is the number before the first ':' (0 when there is none) and is compared as a
// number. The revision is what follows the last '-' ("" when there is none, which sorts like
// "0"). Upstream versions, then revisions, are compared left to right in alternating runs:
// a run of non-digits, compared character by character where '~' sorts before anything, even
// the end of the string, then the end, then letters, then every other character; then a run
// of digits, compared as a number. Pure, total (any text compares), never throws.
//
// Kernel releases ("6.1.0-28-amd64", "6.1.62-0-lts") order correctly under the same rules,
// which is why the kernel check uses it too.
#include <string_view>

namespace zt::system {

// <0 when a sorts before b, 0 when they are equal, >0 when a sorts after b.
int compare_debian_versions(std::string_view a, std::string_view b);

}  // namespace zt::system
