#include "collectors/core/content_collector.hpp"
#include "collectors/web3/report.hpp"

namespace zt::web3 {
namespace {

namespace ft = finding_type;

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

nlohmann::json endpoint_json(const RpcEndpoint& e) {
  return {{"transport", e.transport},
          {"address", e.address},
          {"port", e.port},
          {"apis", e.apis},
          {"default_apis", e.default_apis},
          {"apis_from_live", e.apis_from_live},
          {"dangerous_apis", dangerous_apis(e)}};
}

nlohmann::json node_metadata(const NodeSource& node) {
  nlohmann::json meta{{"client", to_string(node.view.client)}};
  if (!node.config_file.empty()) meta["config_file"] = node.config_file;
  if (node.pid != 0) meta["pid"] = node.pid;
  if (node.view.network_defaulted) meta["network_defaulted"] = true;
  return meta;
}

std::string describe(const std::vector<const RpcEndpoint*>& endpoints) {
  std::vector<std::string> parts;
  for (const RpcEndpoint* e : endpoints) {
    std::string part = e->transport + " on " + e->address + ":" + std::to_string(e->port);
    if (!e->apis.empty())
      part += " (" + join(e->apis) + (e->apis_from_live ? ", as it answered rpc_modules)" : ")");
    parts.push_back(part);
  }
  return join(parts);
}

void add_endpoint_finding(const NodeSource& node, const FindingType& type,
                          const std::vector<const RpcEndpoint*>& endpoints, std::string title,
                          std::string description, std::string remediation, Findings& out) {
  if (endpoints.empty()) return;
  nlohmann::json meta = node_metadata(node);
  meta["endpoints"] = nlohmann::json::array();
  for (const RpcEndpoint* e : endpoints) meta["endpoints"].push_back(endpoint_json(*e));
  out.push_back(make_finding(type, node.location, node.view.network, std::move(title),
                             std::move(description) + ": " + describe(endpoints) + ".",
                             std::move(remediation), std::move(meta)));
}

void one_node(const NodeSource& node, Findings& out) {
  const std::string client(to_string(node.view.client));
  std::vector<const RpcEndpoint*> dangerous_exposed, exposed, dangerous_local;
  for (const RpcEndpoint& e : node.view.endpoints) {
    const bool beyond = beyond_loopback(e.address);
    const bool dangerous = !dangerous_apis(e).empty();
    if (beyond && dangerous)
      dangerous_exposed.push_back(&e);
    else if (beyond)
      exposed.push_back(&e);
    else if (dangerous)
      dangerous_local.push_back(&e);
  }
  add_endpoint_finding(
      node, ft::kNodeRpcDangerousApiExposed, dangerous_exposed,
      client + " serves admin/personal/debug/miner RPC beyond loopback",
      "The " + client + " node (" + node.location +
          ") serves node-control or account namespaces to the network",
      "Bind the RPC to 127.0.0.1 (or a private interface behind an authenticating proxy) and "
      "serve only eth,net,web3 there; keep admin, personal, debug and miner on IPC.",
      out);
  add_endpoint_finding(
      node, ft::kNodeRpcExposed, exposed, client + " RPC listens beyond loopback",
      "The " + client + " node (" + node.location + ") serves JSON-RPC beyond loopback",
      "Bind the RPC to 127.0.0.1, or put it behind a firewall and an authenticating proxy.", out);
  add_endpoint_finding(
      node, ft::kNodeRpcDangerousApi, dangerous_local,
      client + " serves admin/personal/debug/miner RPC on loopback",
      "The " + client + " node (" + node.location +
          ") serves node-control or account namespaces to every local user and process",
      "Serve only eth,net,web3 over HTTP/WebSocket; use the IPC socket for the others.", out);

  if (!node.view.unlocked.empty()) {
    nlohmann::json meta = node_metadata(node);
    meta["unlocked"] = node.view.unlocked;
    meta["allow_insecure_unlock"] = node.view.insecure_unlock;
    out.push_back(make_finding(
        ft::kNodeUnlockedAccount, node.location, node.view.network,
        client + " runs with unlocked accounts",
        "The " + client + " node (" + node.location + ") unlocks " + join(node.view.unlocked) +
            " with --unlock: anything that reaches its RPC can sign with them" +
            (node.view.insecure_unlock ? " (--allow-insecure-unlock is set)." : "."),
        "Do not unlock accounts in the node; sign with an external signer (Clef) or a "
        "hardware wallet.",
        std::move(meta)));
  }
}

}  // namespace

Findings node_findings(const Snapshot& snapshot) {
  Findings out;
  for (const NodeSource& node : snapshot.nodes) one_node(node, out);
  return out;
}

nlohmann::json make_inventory(const Snapshot& s) {
  nlohmann::json nodes = nlohmann::json::array();
  for (const NodeSource& node : s.nodes) {
    nlohmann::json n = node_metadata(node);
    n["location"] = node.location;
    n["network"] = node.view.network;
    n["endpoints"] = nlohmann::json::array();
    for (const RpcEndpoint& e : node.view.endpoints) n["endpoints"].push_back(endpoint_json(e));
    n["live_checks"] = nlohmann::json::array();
    for (const collector::LiveCheck& c : node.live)
      n["live_checks"].push_back(collector::to_json(c));
    nodes.push_back(std::move(n));
  }
  nlohmann::json undecided = nlohmann::json::array();
  for (const WalletFile& w : s.wallets)
    if (w.undecided) undecided.push_back(w.file.path);
  nlohmann::json inv{
      {"nodes", std::move(nodes)},          {"processes_scanned", s.processes_scanned},
      {"units_read", s.units_read},         {"keystores", s.keystores.size()},
      {"wallets", s.wallets.size()},        {"wallets_undecided", std::move(undecided)},
      {"mnemonics", s.mnemonics.size()},    {"raw_keys", s.raw_keys.size()},
      {"solana_keypairs", s.solana.size()},
  };
  inv["walk"] = collector::walk_progress_json(s.walk);
  inv["live"] = collector::to_json(s.live);
  return inv;
}

}  // namespace zt::web3
