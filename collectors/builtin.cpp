#include "collectors/builtin.hpp"

#include "collectors/auth/auth_collector.hpp"
#include "collectors/container/container_collector.hpp"
#include "collectors/database/database_collector.hpp"
#include "collectors/network/network_collector.hpp"
#include "collectors/system/system_collector.hpp"

namespace zt::collector {

std::span<const CollectorDescriptor> builtin_collectors() {
  // Adding a collector: its folder, and one line here.
  static const CollectorDescriptor kBuiltin[] = {
      zt::system::descriptor(),
      zt::network::descriptor(),
      zt::auth::descriptor(),
      zt::container::descriptor(),
      zt::database::descriptor(),
  };
  return kBuiltin;
}

}  // namespace zt::collector
