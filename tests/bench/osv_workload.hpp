#pragma once
// Generated CVE-matching workloads for the benchmarks (match_bench, rematch_bench): OSV records
// of Debian 12 source packages with ECOSYSTEM ranges, and hosts of installed packages drawn
// from the same sources, all from the caller's random generator (print its seed).
#include <random>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/vuln/match.hpp"

namespace zt::bench {

struct OsvSizes {
  int packages = 50'000;  // source packages the ranges name
  int ranges = 200'000;   // affected ECOSYSTEM ranges, two per record
  int host = 1'000;       // installed packages per host
};

// Two affected entries per record, one ECOSYSTEM range each; every third range starts at a
// version instead of "0", every fifth never ends.
std::vector<feeds::OsvRecord> osv_records(const OsvSizes& sizes, std::mt19937_64& random);

// Installed packages of distinct sources, each source with two binaries at its version.
std::vector<vuln::InstalledPackage> host_packages(const OsvSizes& sizes, std::mt19937_64& random);

}  // namespace zt::bench
