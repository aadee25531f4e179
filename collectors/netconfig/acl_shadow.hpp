#pragma once
// Which entries of an access list can never match: an entry every packet of which an earlier
// entry already matches (IOS stops at the first match). Set logic on the model of
// acl_entry.hpp: the protocol, both addresses under their wildcard masks (non-contiguous
// masks included), the port sets (eq/neq/lt/gt/range as unions of ranges) and `established`.
// An earlier entry with conditions the model does not capture never shadows, so a reported
// line is certain to be dead. Pure.
#include <cstddef>
#include <vector>

#include "collectors/netconfig/acl_entry.hpp"

namespace zt::netconfig {

// True when every packet `later` matches is matched by `earlier`.
bool covers(const AclEntry& earlier, const AclEntry& later);

struct Shadowed {
  std::size_t entry = 0;     // the dead entry's index
  std::size_t by_entry = 0;  // the first earlier entry that matches all of it
};

struct ShadowAnalysis {
  std::vector<Shadowed> dead;  // in order
  bool complete = true;        // false: the budget ran out before the last entry
};

// The dead entries. Each comparison of two entries spends one unit of `budget` (a list of n
// entries takes at most n(n-1)/2); when a comparison is needed and none is left, the analysis
// stops there.
ShadowAnalysis find_shadowed(const std::vector<AclEntry>& entries, std::size_t& budget);

}  // namespace zt::netconfig
