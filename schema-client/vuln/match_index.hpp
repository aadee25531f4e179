#pragma once
// The affected packages of OSV records, indexed once for matching many hosts: for each
// (ecosystem key, package name) the affected entries that name it, each with its ECOSYSTEM
// ranges (events sorted by the ecosystem's version ordering, "introduced 0" first) and its
// "versions" list, pointing at its record (id, CVE ids, withdrawn).
//
// What is kept: affected entries of the OS ecosystems scheme_of() knows (Debian, Ubuntu,
// Alpine, Red Hat, Rocky Linux, AlmaLinux, SUSE, openSUSE), under index_key() of their
// ecosystem, exactly: "Debian:12" is its own key, and a bare "Debian" (no release; OSV's
// Debian records always name one) is a key no host has, so it never matches. Left out: other
// ecosystems, and SEMVER and GIT ranges (an OS package's version is its distribution's, which
// an ECOSYSTEM range speaks of; SEMVER is for language packages and GIT names commits) — they
// are counted in skipped_ranges(). An entry left with no range and no version is dropped.
//
// A record's CVE ids: its id when it starts with "CVE-", its aliases that do, and its
// "upstream" ids that do (OSV 1.7: Debian's DEBIAN-CVE-… and Ubuntu's UBUNTU-CVE-… records
// name their CVE in upstream, not aliases); sorted, without repeats.
//
// The index references nothing of the records it was built from. Errors: none. Threads:
// build() is pure; a built Index is immutable and may be read from any number of threads.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "schema-client/feeds/records.hpp"
#include "schema-client/vuln/version_compare.hpp"

namespace zt::vuln {

struct IndexedRecord {
  std::string id;
  std::vector<std::string> cve_ids;
  bool withdrawn = false;
  std::string summary;       // the record's summary, else the first line of its details
  std::string cvss_vector;   // its CVSS_V3 severity's vector; empty when it has none
  std::string advisory_url;  // its first ADVISORY reference, else its first reference
};

struct IndexedAffected {
  std::uint32_t record = 0;  // Index::record(record)
  VersionScheme scheme = VersionScheme::dpkg;
  std::vector<std::vector<feeds::OsvEvent>> ranges;  // ECOSYSTEM ranges, events sorted
  std::vector<std::string> versions;
};

// The CVE ids of a record as described above (the feed store keeps them with the record).
std::vector<std::string> cve_ids_of(const feeds::OsvRecord& record);

class Index {
 public:
  static Index build(const std::vector<feeds::OsvRecord>& records);

  // The entries naming `package` under `ecosystem_key`; empty when none.
  const std::vector<IndexedAffected>& find(std::string_view ecosystem_key,
                                           std::string_view package) const;
  const IndexedRecord& record(std::uint32_t index) const { return records_[index]; }
  std::size_t record_count() const { return records_.size(); }

  std::size_t packages() const { return packages_; }
  std::size_t ranges() const { return ranges_; }
  std::size_t skipped_ranges() const { return skipped_ranges_; }

 private:
  // Looked up by string_view without a copy (C++20 heterogeneous lookup).
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  template <typename Value>
  using Map = std::unordered_map<std::string, Value, Hash, std::equal_to<>>;

  std::vector<IndexedRecord> records_;
  Map<Map<std::vector<IndexedAffected>>> entries_;  // ecosystem key → package name → entries
  std::size_t packages_ = 0;
  std::size_t ranges_ = 0;
  std::size_t skipped_ranges_ = 0;
};

}  // namespace zt::vuln
