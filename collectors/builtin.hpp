#pragma once
// The built-in collectors, in the order they are listed and run.
#include <span>

#include "collectors/core/collector.hpp"

namespace zt::collector {

std::span<const CollectorDescriptor> builtin_collectors();

}  // namespace zt::collector
