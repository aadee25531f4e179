// Execution clients' command lines, configuration files and systemd units, and what their
// settings mean once each client's defaults apply.
#include "collectors/web3/node_settings.hpp"

#include <catch2/catch.hpp>

#include "collectors/web3/node_config.hpp"
#include "collectors/web3/systemd_exec.hpp"

using namespace zt::web3;
using Strings = std::vector<std::string>;

namespace {

NodeView view_of(const Strings& argv) {
  const auto command = node_command(argv);
  REQUIRE(command);
  return evaluate_node(command->client, settings_from_options(command->options));
}

}  // namespace

TEST_CASE("web3: geth on every interface with admin and an unlocked account", "[unit]") {
  const NodeView v =
      view_of({"/usr/bin/geth", "--sepolia", "--http", "--http.addr", "0.0.0.0",
               "--http.api=eth,net,admin,personal", "--ws", "--ws.addr=::", "--unlock",
               "0xabc,0xdef", "--allow-insecure-unlock"});
  CHECK(v.client == NodeClient::geth);
  CHECK(v.network == "sepolia");
  REQUIRE(v.endpoints.size() == 2);
  CHECK(v.endpoints[0] ==
        RpcEndpoint{"http", "0.0.0.0", 8545, {"eth", "net", "admin", "personal"}, false});
  CHECK(v.endpoints[1] == RpcEndpoint{"ws", "::", 8546, {"eth", "net", "web3"}, true});
  CHECK(dangerous_apis(v.endpoints[0]) == Strings{"admin", "personal"});
  CHECK(v.unlocked == Strings{"0xabc", "0xdef"});
  CHECK(v.insecure_unlock);
}

TEST_CASE("web3: geth on loopback with safe APIs, and without --http, exposes nothing", "[unit]") {
  const NodeView local = view_of({"geth", "--http", "--http.addr", "127.0.0.1", "--http.api",
                                  "eth,net,web3", "--networkid", "17000"});
  REQUIRE(local.endpoints.size() == 1);
  CHECK_FALSE(beyond_loopback(local.endpoints[0].address));
  CHECK(dangerous_apis(local.endpoints[0]).empty());
  CHECK(local.network == "holesky");
  CHECK(local.unlocked.empty());
  // --http.addr without --http: the server is off.
  CHECK(view_of({"geth", "--http.addr", "0.0.0.0"}).endpoints.empty());
  const NodeView plain = view_of({"geth"});
  CHECK(plain.network == "mainnet");
  CHECK(plain.network_defaulted);
}

TEST_CASE("web3: geth's options before 1.10 are read as their new names", "[unit]") {
  const NodeView v = view_of({"geth", "--rpc", "--rpcaddr", "0.0.0.0", "--rpcapi", "eth,debug"});
  REQUIRE(v.endpoints.size() == 1);
  CHECK(v.endpoints[0].address == "0.0.0.0");
  CHECK(dangerous_apis(v.endpoints[0]) == Strings{"debug"});
}

TEST_CASE("web3: erigon serves HTTP by default, WebSocket on the same server", "[unit]") {
  const NodeView v = view_of({"erigon", "--chain=sepolia", "--http.addr=0.0.0.0", "--ws"});
  CHECK(v.network == "sepolia");
  REQUIRE(v.endpoints.size() == 2);
  CHECK(v.endpoints[0].apis == Strings{"eth", "erigon", "engine"});
  CHECK(v.endpoints[1].transport == "ws");
  CHECK(v.endpoints[1].address == "0.0.0.0");
  CHECK(view_of({"erigon", "--http=false"}).endpoints.empty());
}

TEST_CASE("web3: besu run by java, and nethermind run by dotnet", "[unit]") {
  const NodeView besu =
      view_of({"java", "-Xmx4g", "-classpath", "/opt/besu/lib/*", "org.hyperledger.besu.Besu",
               "--network=holesky", "--rpc-http-enabled", "--rpc-http-host=0.0.0.0",
               "--rpc-http-api=ETH,NET,ADMIN"});
  CHECK(besu.client == NodeClient::besu);
  CHECK(node_command({"java", "org.hyperledger.besu.Besu"})->program ==
        "org.hyperledger.besu.Besu");
  CHECK(besu.network == "holesky");
  REQUIRE(besu.endpoints.size() == 1);
  CHECK(dangerous_apis(besu.endpoints[0]) == Strings{"admin"});
  const NodeView nm =
      view_of({"dotnet", "/app/Nethermind.Runner.dll", "--config", "mainnet", "--JsonRpc.Enabled",
               "true", "--JsonRpc.Host", "0.0.0.0", "--JsonRpc.EnabledModules", "[Eth,Net,Debug]"});
  CHECK(nm.client == NodeClient::nethermind);
  CHECK(nm.network == "mainnet");
  REQUIRE(nm.endpoints.size() == 1);
  CHECK(nm.endpoints[0].address == "0.0.0.0");
  CHECK(dangerous_apis(nm.endpoints[0]) == Strings{"debug"});
  CHECK_FALSE(node_command({"/usr/bin/python3", "geth.py"}));
  CHECK_FALSE(node_command({}));
}

TEST_CASE("web3: configuration files of geth, besu, erigon and nethermind", "[unit]") {
  const auto geth = parse_config(
      "[Eth]\nNetworkId = 11155111\n\n[Node]\nHTTPHost = \"0.0.0.0\"\nHTTPPort = 8547\nHTTPModules = [\n"
      "  \"eth\", # the usual\n  \"miner\"\n]\nWSHost = \"\"\n",
      ConfigFormat::toml);
  REQUIRE(client_of_config(geth) == NodeClient::geth);
  const NodeView g = evaluate_node(NodeClient::geth, settings_from_config(NodeClient::geth, geth));
  CHECK(g.network == "sepolia");
  REQUIRE(g.endpoints.size() == 1);
  CHECK(g.endpoints[0] == RpcEndpoint{"http", "0.0.0.0", 8547, {"eth", "miner"}, false});

  const auto besu = parse_config(
      "network=\"mainnet\"\nrpc-http-enabled=true\nrpc-http-host=\"10.0.0.5\"\nrpc-http-port=18545\n"
      "rpc-http-api=[\"ETH\",\"DEBUG\"]\n",
      ConfigFormat::toml);
  REQUIRE(client_of_config(besu) == NodeClient::besu);
  const NodeView b = evaluate_node(NodeClient::besu, settings_from_config(NodeClient::besu, besu));
  REQUIRE(b.endpoints.size() == 1);
  CHECK(b.endpoints[0] == RpcEndpoint{"http", "10.0.0.5", 18545, {"eth", "debug"}, false});

  const auto erigon = parse_config("chain: holesky\nhttp.addr: 0.0.0.0\nhttp.api: [eth, admin]\n",
                                   ConfigFormat::yaml);
  REQUIRE(client_of_config(erigon) == NodeClient::erigon);
  const NodeView e =
      evaluate_node(NodeClient::erigon, settings_from_config(NodeClient::erigon, erigon));
  CHECK(e.network == "holesky");
  REQUIRE(e.endpoints.size() == 1);
  CHECK(dangerous_apis(e.endpoints[0]) == Strings{"admin"});

  const auto nm = parse_config(
      R"({"Init": {"ChainSpecPath": "chainspec/sepolia.json"},
          "JsonRpc": {"Enabled": true, "Host": "0.0.0.0", "Port": 8645, "EnabledModules": ["Eth", "Admin"]}})",
      ConfigFormat::json);
  REQUIRE(client_of_config(nm) == NodeClient::nethermind);
  const NodeView n =
      evaluate_node(NodeClient::nethermind, settings_from_config(NodeClient::nethermind, nm));
  REQUIRE(n.endpoints.size() == 1);
  CHECK(n.endpoints[0] == RpcEndpoint{"http", "0.0.0.0", 8645, {"eth", "admin"}, false});
  CHECK(config_format_of("/etc/erigon.yaml") == ConfigFormat::yaml);
  CHECK(config_format_of("/etc/nethermind/mainnet.cfg") == ConfigFormat::json);
}

TEST_CASE("web3: a command line wins over its configuration file", "[unit]") {
  NodeSettings settings = settings_from_config(
      NodeClient::geth, parse_config("[Node]\nHTTPHost = \"0.0.0.0\"\n", ConfigFormat::toml));
  const auto command =
      node_command({"geth", "--config", "/etc/geth.toml", "--http.addr", "127.0.0.1"});
  REQUIRE(command);
  const NodeSettings options = settings_from_options(command->options);
  CHECK(config_file_of(NodeClient::geth, options) == "/etc/geth.toml");
  for (const auto& [k, v] : options) settings[k] = v;
  const NodeView v = evaluate_node(NodeClient::geth, settings);
  REQUIRE(v.endpoints.size() == 1);
  CHECK(v.endpoints[0].address == "127.0.0.1");
}

TEST_CASE("web3: addresses beyond loopback and chain ids", "[unit]") {
  for (std::string_view local : {"", "localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"})
    CHECK_FALSE(beyond_loopback(local));
  for (std::string_view wide : {"0.0.0.0", "::", "*", "192.168.1.10", "node.example"})
    CHECK(beyond_loopback(wide));
  CHECK(network_of_chain_id(1) == "mainnet");
  CHECK(network_of_chain_id(11155111) == "sepolia");
  CHECK(network_of_chain_id(560048) == "hoodi");
  CHECK(network_of_chain_id(1337) == "chain 1337");
}

TEST_CASE("web3: ExecStart lines of a systemd unit", "[unit]") {
  const auto commands = exec_start_commands(
      "[Unit]\nDescription=geth\n[Service]\nExecStartPre=/bin/true\n"
      "ExecStart=-/usr/local/bin/geth --http \\\n  --http.addr 0.0.0.0 \\\n"
      "  --datadir \"/var/lib/my geth\"\nRestart=always\n");
  REQUIRE(commands.size() == 1);
  CHECK(commands[0] == Strings{"/usr/local/bin/geth", "--http", "--http.addr", "0.0.0.0",
                               "--datadir", "/var/lib/my geth"});
  CHECK(split_command("a 'b c' \"d\"") == Strings{"a", "b c", "d"});
}

TEST_CASE("web3: RPC ports from the options, each client's default otherwise", "[unit]") {
  const NodeView geth =
      view_of({"geth", "--http", "--http.port", "8550", "--ws", "--ws.port=8551"});
  REQUIRE(geth.endpoints.size() == 2);
  CHECK(geth.endpoints[0].port == 8550);
  CHECK(geth.endpoints[1].port == 8551);
  const NodeView old_geth = view_of({"geth", "--rpc", "--rpcport", "8600"});
  REQUIRE(old_geth.endpoints.size() == 1);
  CHECK(old_geth.endpoints[0].port == 8600);
  const NodeView besu = view_of({"besu", "--rpc-http-enabled", "--rpc-http-port=9545",
                                 "--rpc-ws-enabled"});
  REQUIRE(besu.endpoints.size() == 2);
  CHECK(besu.endpoints[0].port == 9545);
  CHECK(besu.endpoints[1].port == 8546);
  // Not a port: the default stays.
  for (const char* bad : {"abc", "70000", "0", "85 45", ""}) {
    INFO(bad);
    const NodeView v = view_of({"geth", "--http", std::string("--http.port=") + bad});
    REQUIRE(v.endpoints.size() == 1);
    CHECK(v.endpoints[0].port == 8545);
  }
  const NodeView erigon = view_of({"erigon", "--http.port=8645", "--ws"});
  REQUIRE(erigon.endpoints.size() == 2);
  CHECK(erigon.endpoints[1].port == 8645);  // WebSocket on the HTTP server
}
