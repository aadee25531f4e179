#pragma once
// Ethereum execution clients (geth, erigon, besu, nethermind): which one a command line runs,
// its settings from the command line and its configuration file, and what they mean once
// each client's defaults are applied: the RPC endpoints it serves (HTTP, WebSocket), on
// which address and with which API namespaces, the accounts it unlocks, its network.
//
// Settings are kept under a canonical key: the option's name lower-cased without leading
// dashes and without '-', '_' and '.' ("--http.addr" → "httpaddr", "--rpc-http-host" →
// "rpchttphost", "--JsonRpc.Host" → "jsonrpchost"), a flag without a value as "true", a list
// as its items joined with ','. The command line wins over the file, as in every client.
//
// Defaults (each client's documentation): geth serves HTTP only with --http and WebSocket
// only with --ws, on localhost, ports 8545 and 8546, with eth,net,web3; erigon serves HTTP
// unless --http=false, on localhost:8545 with eth,erigon,engine, and WebSocket (--ws) on the
// same server; besu serves HTTP with --rpc-http-enabled and WebSocket with --rpc-ws-enabled,
// on 127.0.0.1, ports 8545 and 8546, with ETH,NET,WEB3; nethermind serves JSON-RPC (HTTP and
// WebSocket on one host) with JsonRpc.Enabled, on 127.0.0.1:8545, its default modules not
// judged (left empty). Without a network option geth, erigon and besu run mainnet;
// nethermind's comes from --config.
// Pure; never throws.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "collectors/web3/node_config.hpp"

namespace zt::web3 {

enum class NodeClient { geth, erigon, besu, nethermind };
std::string_view to_string(NodeClient client);

using NodeSettings = std::map<std::string, std::string>;

struct NodeCommand {
  NodeClient client = NodeClient::geth;
  std::string program;               // what runs: argv[0], besu's main class, nethermind's .dll
  std::vector<std::string> options;  // the arguments after the program (or its main class)
};

// geth, erigon, besu, nethermind or Nethermind.Runner by the program's file name; besu as
// `java … org.hyperledger.besu.Besu …`; nethermind as `dotnet …/Nethermind.Runner.dll …`.
std::optional<NodeCommand> node_command(const std::vector<std::string>& argv);

// The client whose configuration file this is, when no command line says: nethermind's
// JSON has a "JsonRpc" section, geth's TOML a "Node" section, besu's keys start with
// "rpc-" or "network", erigon's are flag names such as "http.addr" or "chain".
std::optional<NodeClient> client_of_config(const std::vector<ConfigEntry>& entries);

NodeSettings settings_from_options(const std::vector<std::string>& options);
NodeSettings settings_from_config(NodeClient client, const std::vector<ConfigEntry>& entries);

// The configuration file the options name (geth and erigon --config, besu --config-file,
// nethermind --config when it is a file path rather than a network name); nothing if none.
std::optional<std::string> config_file_of(NodeClient client, const NodeSettings& options);

struct RpcEndpoint {
  std::string transport;          // "http", "ws"
  std::string address;            // as configured: "0.0.0.0", "localhost"
  std::uint16_t port = 0;         // as configured, else the client's default (8545, 8546)
  std::vector<std::string> apis;  // lower case: "eth", "admin"
  bool default_apis = false;      // no API option: the client's default set
  // `apis` is what the running node answered to rpc_modules on loopback (node_live_check.hpp),
  // not what its settings say.
  bool apis_from_live = false;

  bool operator==(const RpcEndpoint&) const = default;
};

struct NodeView {
  NodeClient client = NodeClient::geth;
  std::vector<RpcEndpoint> endpoints;  // the enabled ones
  std::vector<std::string> unlocked;   // --unlock: addresses (or key indexes) as written
  bool insecure_unlock = false;        // --allow-insecure-unlock
  std::string network;                 // "mainnet", "sepolia", "chain 12345", "" unknown
  bool network_defaulted = false;      // no network option: the client's default

  bool operator==(const NodeView&) const = default;
};

NodeView evaluate_node(NodeClient client, const NodeSettings& settings);

// Not 127.0.0.0/8, ::1 or localhost (an empty address is the client's default: loopback).
bool beyond_loopback(std::string_view address);
// The namespaces of `endpoint` among admin, personal, debug and miner.
std::vector<std::string> dangerous_apis(const RpcEndpoint& endpoint);
// 1 → "mainnet", 11155111 → "sepolia", 17000 → "holesky", 5 → "goerli", 560048 → "hoodi",
// 100 → "gnosis", 10200 → "chiado"; any other → "chain <id>".
std::string network_of_chain_id(std::uint64_t id);

}  // namespace zt::web3
