#pragma once
// Turns what one run of the network collector saw (snapshot.hpp) into its output: one
// `listening_service` info finding per listener, the problem findings (types, severities and
// identity: finding_types.hpp), and the inventory (scan.results.network). Pure; never throws.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "collectors/network/snapshot.hpp"
#include "schema-client/model/finding.hpp"
#include "schema-client/model/timestamp.hpp"

namespace zt::network {

std::vector<model::Finding> make_findings(const Snapshot& snapshot, model::Timestamp now);

// {"listeners": [{protocol, address_family, host, port, service_name, service_version,
//   process: {pid, name, user} | null, pids, uid, inodes, source, banner, tls}],
//  "listener_count", "probing": {live, note, probes: [{host, port, target, skipped}]},
//  "processes": {pids_scanned, pids_unreadable}}
nlohmann::json make_inventory(const Snapshot& snapshot);

using collector::endpoint_text;  // "0.0.0.0:22", "[::]:22"

}  // namespace zt::network
