#include "collectors/network/listener.hpp"

#include "collectors/network/service_catalog.hpp"

namespace zt::network {

std::string service_name(const Listener& listener) {
  if (listener.banner && !listener.banner->service.empty()) return listener.banner->service;
  if (listener.process)
    if (auto s = service_for_process(listener.process->name); !s.empty()) return std::string(s);
  return std::string(service_for_port(listener.protocol, listener.port));
}

}  // namespace zt::network
