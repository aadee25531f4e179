#include "tests/bench/osv_workload.hpp"

#include <algorithm>
#include <string>

namespace zt::bench {

namespace {

using feeds::OsvEvent;
using feeds::OsvEventKind;

std::string package_name(int n) { return "pkg" + std::to_string(n); }

// "1:2.13.7-3+deb12u2"-like versions: an epoch now and then, a revision always.
std::string version(std::mt19937_64& random) {
  std::uniform_int_distribution<int> part(0, 20);
  std::string v = random() % 10 == 0 ? "1:" : "";
  v += std::to_string(part(random)) + "." + std::to_string(part(random)) + "." +
       std::to_string(part(random)) + "-" + std::to_string(part(random) % 5 + 1);
  if (random() % 3 == 0) v += "+deb12u" + std::to_string(part(random) % 6 + 1);
  return v;
}

}  // namespace

std::vector<feeds::OsvRecord> osv_records(const OsvSizes& sizes, std::mt19937_64& random) {
  std::uniform_int_distribution<int> pick(0, sizes.packages - 1);
  std::vector<feeds::OsvRecord> records;
  for (int range = 0; range < sizes.ranges; range += 2) {
    feeds::OsvRecord record;
    record.id = "DEBIAN-CVE-" + std::to_string(2000 + range % 25) + "-" + std::to_string(range);
    record.upstream = {record.id.substr(7)};
    for (int k = 0; k < 2 && range + k < sizes.ranges; ++k) {
      feeds::OsvAffected affected;
      affected.package = {"Debian:12", package_name(pick(random)), ""};
      std::vector<OsvEvent> events{
          {OsvEventKind::introduced, random() % 3 == 0 ? version(random) : "0"}};
      if (random() % 5 != 0) events.push_back({OsvEventKind::fixed, version(random)});
      affected.ranges.push_back({feeds::OsvRangeType::ecosystem, "", std::move(events)});
      record.affected.push_back(std::move(affected));
    }
    records.push_back(std::move(record));
  }
  return records;
}

std::vector<vuln::InstalledPackage> host_packages(const OsvSizes& sizes, std::mt19937_64& random) {
  std::vector<int> sources(sizes.packages);
  for (int i = 0; i < sizes.packages; ++i) sources[i] = i;
  std::shuffle(sources.begin(), sources.end(), random);
  std::vector<vuln::InstalledPackage> host;
  for (int i = 0; i < sizes.packages && static_cast<int>(host.size()) < sizes.host; ++i) {
    const std::string source = package_name(sources[i]);
    const std::string v = version(random);
    host.push_back({source, v, source, v, "amd64"});
    if (static_cast<int>(host.size()) < sizes.host)
      host.push_back({"lib" + source, v, source, v, "amd64"});
  }
  return host;
}

}  // namespace zt::bench
