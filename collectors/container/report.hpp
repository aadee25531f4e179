#pragma once
// Turns what one run of the container collector saw (snapshot.hpp) into findings (types,
// severities and identity: finding_types.hpp) and its inventory (scan.results.container).
// Pure; never throws. Every finding has category container, fields {container_id,
// image_name, image_tag, finding_type}, risk_score model::default_risk_score(severity), and
// its evidence in metadata (the inspect field and value, or the file and line).
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/container/engine_api.hpp"
#include "collectors/container/snapshot.hpp"
#include "schema-client/model/finding.hpp"

namespace zt::container {

using Findings = std::vector<model::Finding>;

// Every finding, in this order: each inspected container's, the sockets', the configuration's.
Findings make_findings(const Snapshot& snapshot);

// {"engine": {kind, version, api_version, socket} | null, "sockets": [host paths found],
//  "containers": [{id, name, image, state, status}], "images": [{id, tags, size}],
//  "containers_not_inspected", "config_files": [host paths read]}
nlohmann::json make_inventory(const Snapshot& snapshot);

// The parts of make_findings (report_containers.cpp, report_host.cpp).

// What a container finding needs to know about the engine it runs on.
struct EngineContext {
  std::string socket;                // host path of the engine's socket, "" if unknown
  bool daemon_userns_remap = false;  // Docker remaps every container's root
};

Findings container_findings(const ContainerInfo& container, const EngineContext& engine);

// engine_socket_exposed, one finding for every socket that others may use.
Findings socket_findings(const std::vector<SocketSeen>& sockets,
                         const std::map<std::uint32_t, std::string>& groups);

// daemon.json and registries.conf. The Docker daemon settings (TCP, live-restore,
// userns-remap) only when `docker_present`.
Findings config_findings(const ConfigSnapshot& config, bool docker_present);

// One finding with the fields and the risk score set.
model::Finding make_finding(std::string_view type, model::Severity severity,
                            std::string container_id, std::string image_name,
                            std::string image_tag);

}  // namespace zt::container
