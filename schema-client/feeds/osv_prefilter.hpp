#pragma once
// A cheap look at an OSV record's bytes before it is parsed: might it name one of a host's
// packages? A one-shot scan matches one host against a whole ecosystem's export (Debian's has
// about 40,000 records, a tenth of them about packages a host has), so parsing only the
// records that may concern the host saves most of the time and memory.
//
// The test never says "no" to a record that names one of the packages: it looks at every
// string that follows a "name" key anywhere in the record (package names and anything else
// called "name"), and says "maybe" for any record it cannot read that simply (a "name" value
// with an escape, or a \u escape anywhere, since a key can be spelled with one). A "maybe"
// record is parsed and matched as usual, so a false "maybe" costs only time. Pure; one filter
// may serve several threads at once.
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace zt::feeds {

class OsvPackageFilter {
 public:
  explicit OsvPackageFilter(const std::vector<std::string>& package_names);

  // True when the record may name one of the packages; counts the records it turned away.
  bool may_concern(std::string_view record_bytes);


  std::size_t turned_away() const { return turned_away_.load(); }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> names_;
  std::atomic<std::size_t> turned_away_ = 0;
};

}  // namespace zt::feeds
