#pragma once
// The matcher's fixtures (data/match/, see its README.md): an OSV folder indexed, and the
// Debian 12 host's package list.
#include <filesystem>
#include <string_view>
#include <vector>

#include "schema-client/vuln/match.hpp"

namespace zt::vuln::test {

std::filesystem::path match_data(std::string_view relative);

// The index of the records in data/match/<folder>; the test fails if any is refused.
Index index_of(std::string_view folder);

// data/match/debian12_packages.tsv: name, version, source, source version, arch ("-" none).
std::vector<InstalledPackage> debian12_packages();

}  // namespace zt::vuln::test
