#include "collectors/core/socket_table.hpp"

#include <catch2/catch.hpp>

#include "tests/support/fuzz.hpp"
#include "tests/support/temp_tree.hpp"

using zt::collector::decode_address;
using zt::collector::Family;
using zt::collector::is_listening;
using zt::collector::parse_socket_table;
using zt::collector::Protocol;

namespace {

// Real lines of this machine's kernel (Debian 12, x86-64).
constexpr std::string_view kTcp =
    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode                                                     \n"
    "   0: 0100007F:E8C7 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        "
    "0 132079 1 000000000c35539c 100 0 0 10 0                    \n"
    "   1: 0A01A8C0:0016 3201A8C0:C822 01 00000000:00000000 02:000A7D8E 00000000   105        "
    "0 30050 4 0000000000000000 20 4 30 10 -1\n";

constexpr std::string_view kTcp6 =
    "  sl  local_address                         remote_address                        st "
    "tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
    "   0: 00000000000000000000000000000000:A6D5 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 132080 1 00000000b768e247 100 0 0 10 "
    "0\n"
    "   1: 0000000000000000FFFF00000100007F:923D 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 132088 1 0000000032e698c6 100 0 0 10 "
    "0\n"
    "   3: 00000000000000000000000001000000:CCCD 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000  1000        0 132082 1 00000000859fa2ed 100 0 0 10 "
    "0\n"
    "   4: 000080FE00000000FF0B5C02FEB9BB0A:0016 00000000000000000000000000000000:0000 0A "
    "00000000:00000000 00:00000000 00000000     0        0 132090 1 00000000859fa2ee 100 0 0 10 "
    "0\n";

constexpr std::string_view kUdp =
    "   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  "
    "timeout inode ref pointer drops            \n"
    " 1880: 0100007F:85AA 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        "
    "0 132091 2 0000000006a73f33 0        \n"
    "10619: 0100007F:E7CD 0100007F:0009 01 00000000:00000000 00:00000000 00000000     0        "
    "0 132084 2 00000000a3339fd2 0        \n";

}  // namespace

TEST_CASE("socket table: IPv4 TCP lines", "[unit][core][socket_table]") {
  const auto table = parse_socket_table(kTcp, Protocol::tcp, Family::ipv4);
  CHECK(table.malformed_lines == 0);
  REQUIRE(table.sockets.size() == 2);
  const auto& listen = table.sockets[0];
  CHECK(listen.protocol == Protocol::tcp);
  CHECK(listen.family == Family::ipv4);
  CHECK(listen.local_address == "127.0.0.1");
  CHECK(listen.local_port == 59591);
  CHECK(listen.remote_address == "0.0.0.0");
  CHECK(listen.remote_port == 0);
  CHECK(listen.state == 0x0A);
  CHECK(listen.uid == 0);
  CHECK(listen.inode == 132079);
  CHECK(is_listening(listen));

  const auto& established = table.sockets[1];
  CHECK(established.local_address == "192.168.1.10");
  CHECK(established.local_port == 22);
  CHECK(established.remote_address == "192.168.1.50");
  CHECK(established.remote_port == 51234);
  CHECK(established.state == 0x01);
  CHECK(established.uid == 105);
  CHECK_FALSE(is_listening(established));
}

TEST_CASE("socket table: IPv6 byte order, mapped and link-local addresses",
          "[unit][core][socket_table]") {
  const auto table = parse_socket_table(kTcp6, Protocol::tcp, Family::ipv6);
  CHECK(table.malformed_lines == 0);
  REQUIRE(table.sockets.size() == 4);
  CHECK(table.sockets[0].local_address == "::");
  CHECK(table.sockets[0].local_port == 42709);
  CHECK(table.sockets[1].local_address == "::ffff:127.0.0.1");
  CHECK(table.sockets[1].local_port == 37437);
  CHECK(table.sockets[2].local_address == "::1");
  CHECK(table.sockets[2].uid == 1000);
  CHECK(table.sockets[3].local_address == "fe80::25c:bff:abb:b9fe");
  for (const auto& s : table.sockets) CHECK(s.family == Family::ipv6);
}

TEST_CASE("socket table: UDP, unconnected is listening, connected is not",
          "[unit][core][socket_table]") {
  const auto table = parse_socket_table(kUdp, Protocol::udp, Family::ipv4);
  REQUIRE(table.sockets.size() == 2);
  CHECK(table.sockets[0].local_port == 34218);
  CHECK(table.sockets[0].state == 0x07);
  CHECK(is_listening(table.sockets[0]));
  CHECK(table.sockets[1].remote_port == 9);
  CHECK_FALSE(is_listening(table.sockets[1]));
  // A TCP socket in state 07 (CLOSE) is not listening, a UDP one in 0A cannot exist but is not.
  auto tcp_close = table.sockets[0];
  tcp_close.protocol = Protocol::tcp;
  CHECK_FALSE(is_listening(tcp_close));
}

TEST_CASE("socket table: headers, blank and malformed lines", "[unit][core][socket_table]") {
  CHECK(parse_socket_table("", Protocol::tcp, Family::ipv4).sockets.empty());
  const auto table = parse_socket_table(
      "  sl  local_address\n\n"
      "   0: 0100007F:0016 00000000:0000 0A\n"                                     // short
      "   1: 0100007:0016 00000000:0000 0A 0:0 0:0 0 0 0 1\n"                       // 7 digits
      "   2: 0100007F:16 00000000:0000 0A 0:0 0:0 0 0 0 1\n"                        // port
      "   3: 0100007F:0016 00000000:0000 XY 0:0 0:0 0 0 0 1\n"                      // state
      "   4: 0100007F:0016 00000000:0000 0A 0:0 0:0 0 -1 0 1\n"                     // uid
      "   5: 0100007F:0016 00000000:0000 0A 0:0 0:0 0 0 0 12a\n"                    // inode
      "   6: 0100007F:0016 00000000:0000 0A 0:0 0:0 0 0 0 77\n",
      Protocol::tcp, Family::ipv4);
  CHECK(table.malformed_lines == 6);
  REQUIRE(table.sockets.size() == 1);
  CHECK(table.sockets[0].inode == 77);
  // An IPv6 table read as IPv4 (or the reverse) yields nothing but malformed lines.
  CHECK(parse_socket_table(kTcp6, Protocol::tcp, Family::ipv4).malformed_lines == 4);
  CHECK(parse_socket_table(kTcp, Protocol::tcp, Family::ipv6).malformed_lines == 2);
}

TEST_CASE("socket table: decode_address", "[unit][core][socket_table]") {
  CHECK(decode_address("00000000", Family::ipv4) == "0.0.0.0");
  CHECK(decode_address("0100007F", Family::ipv4) == "127.0.0.1");
  CHECK(decode_address("3500007F", Family::ipv4) == "127.0.0.53");
  CHECK(decode_address("00000000000000000000000001000000", Family::ipv6) == "::1");
  CHECK(decode_address("B80D0120000000000000000001000000", Family::ipv6) == "2001:db8::1");
  CHECK_FALSE(decode_address("0100007F", Family::ipv6));
  CHECK_FALSE(decode_address("0100007G", Family::ipv4));
  CHECK_FALSE(decode_address("", Family::ipv4));
  CHECK_FALSE(decode_address("+100007F", Family::ipv4));
}

TEST_CASE("socket table: the fixture hosts' tables parse cleanly", "[unit][core][socket_table]") {
  for (const char* host : {"net-hardened", "net-weak"}) {
    const auto dir = zt::test::fixture_host(host) / "proc/net";
    for (const auto& [file, protocol, family] :
         {std::tuple{"tcp", Protocol::tcp, Family::ipv4},
          std::tuple{"tcp6", Protocol::tcp, Family::ipv6},
          std::tuple{"udp", Protocol::udp, Family::ipv4},
          std::tuple{"udp6", Protocol::udp, Family::ipv6}}) {
      INFO(host << " " << file);
      CHECK(parse_socket_table(zt::test::read_text(dir / file), protocol, family)
                .malformed_lines == 0);
    }
  }
}

TEST_CASE("socket table: fuzzed input", "[unit][core][socket_table][fuzz]") {
  for (auto family : {Family::ipv4, Family::ipv6}) {
    const std::string_view seed = family == Family::ipv4 ? kTcp : kTcp6;
    zt::test::fuzz_text(seed, [&](const std::string& text) {
      const auto table = parse_socket_table(text, Protocol::tcp, family);
      for (const auto& s : table.sockets) CHECK_FALSE(s.local_address.empty());
    });
  }
  zt::test::fuzz_text(kUdp, [](const std::string& text) {
    (void)parse_socket_table(text, Protocol::udp, Family::ipv4);
  });
}

TEST_CASE("endpoints: address and port as findings name them, and which bind addresses reach "
          "beyond this host",
          "[unit]") {
  using zt::collector::endpoint_text;
  using zt::collector::reachable_from_network;
  CHECK(endpoint_text("127.0.0.1", 6379) == "127.0.0.1:6379");
  CHECK(endpoint_text("::1", 6379) == "[::1]:6379");
  CHECK(reachable_from_network(""));
  CHECK(reachable_from_network("0.0.0.0"));
  CHECK(reachable_from_network("::"));
  CHECK(reachable_from_network("10.1.2.3"));
  CHECK(reachable_from_network("db.example.org"));
  CHECK_FALSE(reachable_from_network("127.0.0.1"));
  CHECK_FALSE(reachable_from_network("127.1.2.3"));
  CHECK_FALSE(reachable_from_network("localhost"));
  CHECK_FALSE(reachable_from_network("::1"));
}
