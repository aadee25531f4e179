// The live rpc_modules check of running execution clients: the answers it reads, and the
// collector on a host tree with running nodes and their sockets, the nodes' answers replayed
// (geth, besu and nethermind are not packaged for Debian; the answers have the shape that
// go-ethereum documents for rpc_modules, behind Go net/http's headers).
#include "collectors/web3/node_live_check.hpp"

#include <catch2/catch.hpp>
#include <set>

#include "collectors/web3/web3_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/recorded_checker.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/collectors/web3/wallet_fixtures.hpp"

using nlohmann::json;
using zt::collector::CollectResult;
using Strings = std::vector<std::string>;
namespace fx = zt::test::web3;

namespace {

std::string http_answer(int status, const std::string& reason, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " " + reason +
         "\r\nContent-Type: application/json\r\nVary: Origin\r\n"
         "Date: Mon, 07 Dec 2026 02:00:00 GMT\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kGethAllModules =
    http_answer(200, "OK",
                R"({"jsonrpc":"2.0","id":1,"result":{"admin":"1.0","debug":"1.0","engine":"1.0",)"
                R"("eth":"1.0","miner":"1.0","net":"1.0","rpc":"1.0","txpool":"1.0","web3":"1.0"}})"
                "\n");

constexpr std::string_view kTcpHeader =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode\n";

// A listening socket's line of /proc/net/tcp: address as the kernel writes it (little-endian
// hex), port in hex.
std::string tcp_listener(int slot, std::string_view address_hex, std::uint16_t port,
                         std::uint64_t inode) {
  char line[200];
  std::snprintf(line, sizeof line,
                "%4d: %s:%04X 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000 "
                "       0 %llu 1 ffff888100cd15c0 100 0 0 10 0\n",
                slot, std::string(address_hex).c_str(), port,
                static_cast<unsigned long long>(inode));
  return line;
}

void running(const zt::test::TempTree& tree, int pid, std::initializer_list<std::string_view> argv,
             std::uint64_t socket_inode) {
  const std::string dir = "proc/" + std::to_string(pid);
  tree.write(dir + "/cmdline", fx::cmdline(argv));
  tree.write(dir + "/comm", std::string(std::filesystem::path(*argv.begin()).filename()) + "\n");
  tree.write(dir + "/status", "Name:\tnode\nUid:\t1000\t1000\t1000\t1000\n");
  tree.mkdir(dir + "/fd");
  std::filesystem::create_symlink("socket:[" + std::to_string(socket_inode) + "]",
                                  tree.root() / dir / "fd/3");
}

CollectResult collect(const zt::test::TempTree& tree,
                      std::shared_ptr<zt::test::RecordedAnswers> answers,
                      const json& overrides = json::object()) {
  json options = {{"scan_files", false}};
  options.update(overrides);
  const auto& d = zt::web3::descriptor();
  auto collector = zt::web3::make_collector(zt::test::options_of(d, options),
                                            std::make_unique<zt::test::FakeChecker>(answers));
  return zt::test::collect_at(*collector, tree.root());
}

std::set<std::pair<std::string, std::string>> types_and_locations(const CollectResult& r) {
  std::set<std::pair<std::string, std::string>> out;
  for (const auto& f : r.findings)
    out.insert({f.fields.at("finding_type").get<std::string>(),
                f.metadata.at("location").get<std::string>()});
  return out;
}

}  // namespace

TEST_CASE("web3: rpc_modules answers give the namespaces served, anything else nothing", "[unit]") {
  CHECK(zt::web3::read_rpc_modules(kGethAllModules) ==
        Strings{"admin", "debug", "engine", "eth", "miner", "net", "rpc", "txpool", "web3"});
  // besu spells them upper case in its options; its answer is read lower case.
  CHECK(zt::web3::read_rpc_modules(http_answer(
            200, "OK", R"({"jsonrpc":"2.0","id":1,"result":{"ETH":"1.0","NET":"1.0"}})")) ==
        Strings{"eth", "net"});
  // A client without the method, a host allow-list refusal, a body that is not JSON-RPC.
  CHECK_FALSE(zt::web3::read_rpc_modules(http_answer(
      200, "OK",
      R"({"jsonrpc":"2.0","id":1,"error":{"code":-32601,"message":"the method rpc_modules does not exist/is not available"}})")));
  CHECK_FALSE(
      zt::web3::read_rpc_modules(http_answer(403, "Forbidden", "invalid host specified\n")));
  CHECK_FALSE(zt::web3::read_rpc_modules(http_answer(200, "OK", R"({"result":["eth"]})")));
  CHECK_FALSE(zt::web3::read_rpc_modules(http_answer(200, "OK", "<html></html>")));
  CHECK_FALSE(zt::web3::read_rpc_modules(""));
  const std::string request = zt::web3::rpc_modules_request();
  CHECK(request.starts_with("POST / HTTP/1.0\r\nHost: localhost\r\n"));
  CHECK(request.ends_with(R"({"jsonrpc":"2.0","id":1,"method":"rpc_modules","params":[]})"));
}

TEST_CASE("web3: a running node's HTTP RPC is judged by what it answers on loopback", "[unit]") {
  zt::test::TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\neth:x:1000:1000::/home/eth:/bin/sh\n");
  // geth whose options serve only eth,net,web3 on every interface, but whose RPC answers with
  // admin and debug (enabled since by admin_startHTTP, or another configuration): port 8547.
  running(tree, 4242,
          {"/usr/bin/geth", "--http", "--http.addr", "0.0.0.0", "--http.port", "8547", "--http.api",
           "eth,net,web3"},
          61001);
  // besu on loopback, default port, whose answer confirms its settings' namespaces.
  running(tree, 4343,
          {"/opt/besu/bin/besu", "--rpc-http-enabled", "--rpc-http-api=ETH,NET,WEB3,DEBUG"}, 61002);
  // geth serving HTTP by its options, but no listener of its own on that port: not asked.
  running(tree, 4444, {"/usr/bin/geth", "--http", "--http.port", "8590"}, 61003);
  tree.write("proc/net/tcp", std::string(kTcpHeader) + tcp_listener(0, "00000000", 8547, 61001) +
                                 tcp_listener(1, "0100007F", 8545, 61002) +
                                 tcp_listener(2, "0100007F", 8591, 61003));
  for (const char* table : {"proc/net/tcp6", "proc/net/udp", "proc/net/udp6"})
    tree.write(table, std::string(kTcpHeader));

  auto answers = std::make_shared<zt::test::RecordedAnswers>();
  answers->by_port[8547] = kGethAllModules;
  answers->by_port[8545] = http_answer(
      200, "OK",
      R"({"jsonrpc":"2.0","id":1,"result":{"DEBUG":"1.0","ETH":"1.0","NET":"1.0","WEB3":"1.0"}})");
  const CollectResult r = collect(tree, answers);
  for (const auto& p : r.problems) UNSCOPED_INFO(p);
  CHECK(r.problems.empty());

  std::set<std::string> asked;
  for (const auto& e : answers->asked) asked.insert(e.address + ":" + std::to_string(e.port));
  CHECK(asked == std::set<std::string>{"127.0.0.1:8547", "127.0.0.1:8545"});
  for (const std::string& sent : answers->sent) CHECK(sent == zt::web3::rpc_modules_request());

  // Without the live answer geth would be node_rpc_exposed; its answer makes it critical.
  CHECK(types_and_locations(r) == std::set<std::pair<std::string, std::string>>{
                                      {"node_rpc_dangerous_api_exposed", "process:/usr/bin/geth"},
                                      {"node_rpc_dangerous_api", "process:/opt/besu/bin/besu"}});
  for (const auto& f : r.findings) {
    const json& endpoint = f.metadata.at("endpoints").at(0);
    CHECK(endpoint.at("apis_from_live") == true);
    if (f.fields.at("finding_type") == "node_rpc_dangerous_api_exposed") {
      CHECK(endpoint.at("dangerous_apis") == json{"admin", "debug", "miner"});
      CHECK(f.description.find("as it answered rpc_modules") != std::string::npos);
    }
  }
  CHECK(r.inventory.at("live").at("enabled") == true);
  std::set<std::string> outcomes;
  for (const json& node : r.inventory.at("nodes"))
    for (const json& check : node.at("live_checks"))
      outcomes.insert(check.at("target").get<std::string>() + " " +
                      check.at("outcome").get<std::string>());
  CHECK(outcomes == std::set<std::string>{
                        "127.0.0.1:8547 serves admin,debug,engine,eth,miner,net,rpc,txpool,web3",
                        "127.0.0.1:8545 serves debug,eth,net,web3"});
}

TEST_CASE("web3: with live checks off, nodes are judged by their settings and never asked",
          "[unit]") {
  zt::test::TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  running(tree, 4242,
          {"/usr/bin/geth", "--http", "--http.addr", "0.0.0.0", "--http.api", "eth,net,web3"},
          61001);
  tree.write("proc/net/tcp", std::string(kTcpHeader) + tcp_listener(0, "00000000", 8545, 61001));
  auto answers = std::make_shared<zt::test::RecordedAnswers>();
  answers->by_port[8545] = kGethAllModules;
  const CollectResult r = collect(tree, answers, {{"live_checks", false}});
  CHECK(answers->asked.empty());
  CHECK(types_and_locations(r) == std::set<std::pair<std::string, std::string>>{
                                      {"node_rpc_exposed", "process:/usr/bin/geth"}});
  CHECK(r.inventory.at("live").at("enabled") == false);
}

TEST_CASE("web3: a node that answers something else keeps its settings' namespaces", "[unit]") {
  zt::test::TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:root:/root:/bin/bash\n");
  running(tree, 4242, {"/usr/bin/geth", "--http", "--http.api", "eth,admin"}, 61001);
  tree.write("proc/net/tcp", std::string(kTcpHeader) + tcp_listener(0, "0100007F", 8545, 61001));
  auto answers = std::make_shared<zt::test::RecordedAnswers>();
  answers->by_port[8545] = http_answer(403, "Forbidden", "invalid host specified\n");
  const CollectResult r = collect(tree, answers);
  REQUIRE(r.findings.size() == 1);
  CHECK(r.findings[0].fields.at("finding_type") == "node_rpc_dangerous_api");
  CHECK(r.findings[0].metadata.at("endpoints").at(0).at("apis_from_live") == false);
  const json check = r.inventory.at("nodes").at(0).at("live_checks").at(0);
  CHECK(check.at("outcome") == "answered HTTP 403, not rpc_modules");
}
