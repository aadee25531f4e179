#include "tests/schema-client/vuln/match_data.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

#include "schema-client/feeds/osv_archive.hpp"

namespace zt::vuln::test {

std::filesystem::path match_data(std::string_view relative) {
  return std::filesystem::path(ZT_SOURCE_DIR) / "tests/schema-client/vuln/data/match" / relative;
}

Index index_of(std::string_view folder) {
  auto read = zt::feeds::read_osv_folder(match_data(folder));
  REQUIRE(read.problems.empty());
  return Index::build(read.records);
}

std::vector<InstalledPackage> debian12_packages() {
  std::ifstream in(match_data("debian12_packages.tsv"));
  REQUIRE(in);
  std::vector<InstalledPackage> packages;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line.starts_with('#')) continue;
    std::istringstream fields(line);
    InstalledPackage p;
    std::getline(fields, p.name, '\t');
    std::getline(fields, p.version, '\t');
    std::getline(fields, p.source_name, '\t');
    std::getline(fields, p.source_version, '\t');
    std::getline(fields, p.arch, '\t');
    if (p.source_name == "-") p.source_name.clear();
    if (p.source_version == "-") p.source_version.clear();
    packages.push_back(p);
  }
  return packages;
}

}  // namespace zt::vuln::test
