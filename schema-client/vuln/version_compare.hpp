#pragma once
// One entry point for the CVE matcher: a package's version against an advisory's, in the
// ordering of the package manager that installed it (version_dpkg.hpp, version_rpm.hpp,
// version_apk.hpp say what each one does, with invalid text included).
//
// Errors: none; never throws. Threads: pure; safe from any thread.
#include <string_view>

namespace zt::vuln {

enum class VersionScheme { dpkg, rpm, apk };

// <0 when a sorts before b, 0 when the scheme holds them equal, >0 when a sorts after b. For
// rpm, a and b are whole "[E:]V[-R]" texts (compare_rpm).
int compare_versions(VersionScheme scheme, std::string_view a, std::string_view b);

}  // namespace zt::vuln
