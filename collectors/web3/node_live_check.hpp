#pragma once
// The web3 collector's live check of a running execution client, on loopback only: one
// JSON-RPC `rpc_modules` call (POST / over HTTP/1.0, Host "localhost", which geth's and besu's
// default host allow-lists accept) to each HTTP endpoint its settings give, reached at the
// loopback address of the process's own listener on that port (collector::loopback_target).
// The answer {"result": {"admin": "1.0", "eth": "1.0", …}} names the namespaces the endpoint
// really serves: they replace what the settings said. No other method is ever called: nothing
// of the chain, the accounts or the node's state is read or changed. WebSocket endpoints are
// judged from the settings only. Never throws.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/core/host_sockets.hpp"
#include "collectors/core/live_checker.hpp"
#include "collectors/web3/snapshot.hpp"

namespace zt::web3 {

std::string rpc_modules_request();

// The namespaces an rpc_modules answer names, lower case and sorted; nothing when it is not
// one (another status, a JSON-RPC error, not JSON). Pure.
std::optional<std::vector<std::string>> read_rpc_modules(std::string_view answer);

// Checks the HTTP endpoints of `node` (a running process, node.pid) among the host's
// `listeners`, each within `limit`; every exchange is recorded in node.live.
void check_node(NodeSource& node, const std::vector<collector::ListeningSocket>& listeners,
                collector::LiveChecker& checker, std::chrono::milliseconds limit);

}  // namespace zt::web3
