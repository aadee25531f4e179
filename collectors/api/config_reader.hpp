#pragma once
// Reads the configuration files of the kubelets and Consul agents found (discover.hpp) through
// HostFs and applies them under their flags: the kubelet's --config file, Consul's
// -config-file files and the *.json and *.hcl of its -config-dir folders (name order, as
// Consul reads them; Debian's /etc/consul.d when it names none). A file that cannot be read
// or parsed is a problem naming it; the service keeps what its flags say.
#include <string>
#include <vector>

#include "collectors/api/snapshot.hpp"
#include "collectors/core/host_fs.hpp"

namespace zt::api {

void read_service_configs(const collector::HostFs& fs, std::vector<ApiService>& services,
                          std::vector<std::string>& problems);

}  // namespace zt::api
