#pragma once
// The compliance collector: runs the rule packs (PACKS.md) over the host; one finding per
// control result, every status included, and a score per framework in the inventory.
#include "collectors/core/collector.hpp"

namespace zt::compliance {

collector::CollectorDescriptor descriptor();

}  // namespace zt::compliance
