// The collector on this machine (host root "/") with industrial listeners: a real Modbus/TCP
// server (Debian's python3-pymodbus) on every interface at port 502 when the test runs as root
// (the port is privileged), and sockets the test opens itself on the other protocols' ports:
// DNP3 on every interface, BACnet/IP over UDP on every interface, EtherNet/IP on loopback only
// (no finding). On OPC UA's port 4840, one after the other, real OPC UA servers (node-opcua,
// npm, where scripts/setup.sh installs it): one offering the security mode None to anonymous
// users, then one offering SignAndEncrypt only; without node-opcua, a socket that never
// answers. Only these ports are looked at.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <memory>
#include <set>

#include "collectors/iot_ot/iot_ot_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/loopback.hpp"
#include "tests/support/process.hpp"
#include "tests/support/temp_tree.hpp"

using namespace std::chrono_literals;
using zt::collector::CollectResult;
using Set = std::set<std::string>;

namespace {

// A socket of this process bound to address:port (and listening, for TCP); closed with it.
class OwnSocket {
 public:
  OwnSocket(int type, const char* address, unsigned short port)
      : fd_(::socket(AF_INET, type, 0)) {
    REQUIRE(fd_ >= 0);
    const int on = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in sa{};
    sa.sin_family = AF_INET;
    sa.sin_port = htons(port);
    ::inet_pton(AF_INET, address, &sa.sin_addr);
    INFO("binding " << address << ":" << port << " (is it taken on this machine?)");
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&sa), sizeof sa) == 0);
    if (type == SOCK_STREAM) REQUIRE(::listen(fd_, 4) == 0);
  }
  ~OwnSocket() { ::close(fd_); }
  OwnSocket(const OwnSocket&) = delete;
  OwnSocket& operator=(const OwnSocket&) = delete;

 private:
  int fd_;
};

const Set kTestPorts = {"502", "20000", "4840", "47808", "44818"};

// "protocol|device_id|finding_type|severity" of the findings on the test's ports.
Set industrial_findings(const CollectResult& result) {
  Set out;
  for (const auto& f : result.findings) {
    const std::string id = f.fields.at("device_id");
    if (!kTestPorts.contains(id.substr(id.rfind(':') + 1))) continue;
    out.insert(f.fields.at("protocol").get<std::string>() + "|" + id + "|" +
               f.fields.at("finding_type").get<std::string>() + "|" +
               std::string(zt::model::to_string(f.severity)));
  }
  return out;
}

// An OPC UA server (opcua_server.js) on every interface at port 4840, `mode` "none" or
// "secure", its certificates in a temporary folder.
class OpcUaServer {
 public:
  explicit OpcUaServer(const std::string& mode) {
    // Its log goes to stderr, which Child reads (Child closes stdout: node-opcua writes there
    // too, and a write to a closed stdout ends it).
    child_ = std::make_unique<zt::test::Child>(
        std::vector<std::string>{
            "/bin/sh", "-c", "exec /usr/bin/node \"$0\" 4840 \"$1\" \"$2\" 1>&2",
            ZT_SOURCE_DIR "/tests/collectors/iot_ot/opcua_server.js", mode, dir_.root().string()},
        std::vector<std::string>{"NODE_PATH=" ZT_NODE_OPCUA_MODULES,
                                 "HOME=" + dir_.root().string()});
    // The port opens before the server answers: it says when it does.
    REQUIRE(zt::test::wait_for_child_port(*child_, 4840, 120s));
    REQUIRE(child_->wait_for_stderr("listening", 120s));
  }

 private:
  zt::test::TempTree dir_;
  std::unique_ptr<zt::test::Child> child_;
};

// One run at "/"; a live check may take 10 s (a loaded machine, node's first answers).
CollectResult collect_here() {
  auto collector = zt::iot_ot::descriptor().make(
      zt::test::options_of(zt::iot_ot::descriptor(), {{"live_timeout_ms", 10000}}));
  CollectResult result = zt::test::collect_at(*collector, "/", std::stop_token{}, 60s);
  UNSCOPED_INFO("industrial listeners: " << result.inventory.at("industrial_listeners").dump());
  return result;
}

}  // namespace

TEST_CASE("live industrial: protocols without authentication on every interface are critical, "
          "OPC UA offering None critical and SignAndEncrypt only nothing, a loopback listener "
          "nothing",
          "[integration]") {
  OwnSocket dnp3(SOCK_STREAM, "0.0.0.0", 20000);
  OwnSocket bacnet(SOCK_DGRAM, "0.0.0.0", 47808);
  OwnSocket ethernet_ip(SOCK_STREAM, "127.0.0.1", 44818);
  Set expected = {"dnp3|0.0.0.0:20000|industrial_protocol_exposed|critical",
                  "bacnet|0.0.0.0:47808|industrial_protocol_exposed|critical"};

  std::unique_ptr<zt::test::Child> modbus;
  if (::geteuid() == 0) {
    modbus = std::make_unique<zt::test::Child>(std::vector<std::string>{
        "/usr/bin/python3", "-c",
        "from pymodbus.server import StartTcpServer\n"
        "from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext\n"
        "StartTcpServer(context=ModbusServerContext(slaves=ModbusSlaveContext(), single=True),"
        " address=('0.0.0.0', 502))\n"});
    REQUIRE(zt::test::wait_for_child_port(*modbus, 502, 60s));
    expected.insert("modbus|0.0.0.0:502|industrial_protocol_exposed|critical");
  } else {
    WARN("not root: no Modbus/TCP server on port 502 (privileged)");
  }

  if (!std::filesystem::exists(ZT_NODE_OPCUA_MODULES "/node-opcua-server")) {
    WARN("node-opcua is not installed in " ZT_NODE_OPCUA_MODULES " (scripts/setup.sh installs "
         "it with npm): a socket that never answers stands on 4840");
    OwnSocket opc_ua(SOCK_STREAM, "0.0.0.0", 4840);
    expected.insert("opc_ua|0.0.0.0:4840|opc_ua_exposed|medium");
    CHECK(industrial_findings(collect_here()) == expected);
    return;
  }
  {
    OpcUaServer open("none");  // Node listens on "::", both families
    Set with_none = expected;
    with_none.insert("opc_ua|[::]:4840|opc_ua_security_none|critical");
    CHECK(industrial_findings(collect_here()) == with_none);
  }
  OpcUaServer secure("secure");
  CHECK(industrial_findings(collect_here()) == expected);
}
