#include "collectors/builtin.hpp"

#include "collectors/system/system_collector.hpp"

namespace zt::collector {

std::span<const CollectorDescriptor> builtin_collectors() {
  // Adding a collector: its folder, and one line here.
  static const CollectorDescriptor kBuiltin[] = {
      zt::system::descriptor(),
  };
  return kBuiltin;
}

}  // namespace zt::collector
