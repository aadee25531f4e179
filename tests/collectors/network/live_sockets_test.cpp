// The collector on this machine (HostFs at "/") against `ss -tulnH`, with listeners this test
// opens itself: TCP and UDP, IPv4 and IPv6, loopback and any-address, on free ports.
//
// Both sides are normalised the same way before comparing (protocol, address, port):
//   - ss prints IPv6 addresses in brackets ("[::1]", "[::ffff:127.0.0.1]"): brackets removed;
//   - ss prints the IPv6 wildcard of a dual-stack socket (IPV6_V6ONLY off) as "*" and of a
//     v6-only one as "[::]": both are "::", as the collector's host field;
//   - ss appends "%<interface>" to a socket bound to a device (SO_BINDTODEVICE, e.g.
//     systemd-resolved's "127.0.0.53%lo"): /proc/net does not show the device, so it is cut.
// A connected UDP socket (state ESTAB) is listed by neither.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <stdexcept>
#include <tuple>

#include "collectors/network/network_collector.hpp"
#include "collectors/core/text.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/process.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using Entry = std::tuple<std::string, std::string, int>;  // protocol, address, port
using Entries = std::set<Entry>;

namespace {

class Socket {
 public:
  Socket(int family, int type, const std::string& address, bool listen,
         const std::string& connect_to = "") {
    fd_ = ::socket(family, type | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error("socket failed");
    const int one = 1;
    if (family == AF_INET6) ::setsockopt(fd_, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
    sockaddr_storage storage{};
    socklen_t length = fill(family, address, 0, storage);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&storage), length) != 0)
      throw std::runtime_error("bind " + address + " failed");
    if (listen && ::listen(fd_, 8) != 0) throw std::runtime_error("listen failed");
    length = sizeof storage;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&storage), &length);
    port_ = ntohs(family == AF_INET ? reinterpret_cast<sockaddr_in*>(&storage)->sin_port
                                    : reinterpret_cast<sockaddr_in6*>(&storage)->sin6_port);
    if (!connect_to.empty()) {
      sockaddr_storage peer{};
      const socklen_t peer_length = fill(family, connect_to, 9, peer);
      if (::connect(fd_, reinterpret_cast<sockaddr*>(&peer), peer_length) != 0)
        throw std::runtime_error("connect failed");
    }
  }
  ~Socket() { ::close(fd_); }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int port() const { return port_; }

 private:
  static socklen_t fill(int family, const std::string& address, std::uint16_t port,
                        sockaddr_storage& storage) {
    if (family == AF_INET) {
      auto* sin = reinterpret_cast<sockaddr_in*>(&storage);
      sin->sin_family = AF_INET;
      sin->sin_port = htons(port);
      ::inet_pton(AF_INET, address.c_str(), &sin->sin_addr);
      return sizeof(sockaddr_in);
    }
    auto* sin6 = reinterpret_cast<sockaddr_in6*>(&storage);
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons(port);
    ::inet_pton(AF_INET6, address.c_str(), &sin6->sin6_addr);
    return sizeof(sockaddr_in6);
  }
  int fd_ = -1;
  int port_ = 0;
};

std::string normalise_ss_address(std::string address) {
  if (const auto percent = address.find('%'); percent != std::string::npos)
    address.erase(percent);
  if (address.size() >= 2 && address.front() == '[' && address.back() == ']')
    address = address.substr(1, address.size() - 2);
  if (address == "*") address = "::";
  return address;
}

// `ss -tulnH`: "tcp LISTEN 0 128 127.0.0.1:59591 0.0.0.0:*".
Entries parse_ss(const std::string& text) {
  Entries out;
  for (std::string_view line : zt::collector::split_lines(text)) {
    const auto words = zt::collector::split_whitespace(line);
    if (words.empty()) continue;
    REQUIRE(words.size() >= 5);
    const std::string local(words[4]);
    const auto colon = local.rfind(':');
    REQUIRE(colon != std::string::npos);
    out.emplace(std::string(words[0]), normalise_ss_address(local.substr(0, colon)),
                std::stoi(local.substr(colon + 1)));
  }
  return out;
}

Entries run_ss() {
  const auto done = zt::test::run_process({"/usr/bin/ss", "-tulnH"});
  REQUIRE(done.exit_code == 0);
  return parse_ss(done.out);
}

zt::collector::CollectResult collect_here() {
  auto collector = zt::network::descriptor().make(zt::test::options_of(
      zt::network::descriptor(), {{"probe_banners", false}, {"probe_tls", false}}));
  return zt::test::collect_at(*collector, "/", std::stop_token{}, 30s);
}

Entries entries_of(const zt::collector::CollectResult& result) {
  Entries out;
  for (const json& l : result.inventory.at("listeners"))
    out.emplace(l.at("protocol").get<std::string>(), l.at("host").get<std::string>(),
                l.at("port").get<int>());
  return out;
}

}  // namespace

TEST_CASE("ss output normalisation", "[unit][network][live]") {
  CHECK(parse_ss("udp UNCONN 0 0 127.0.0.53%lo:53 0.0.0.0:*\n"
                 "tcp LISTEN 0 128 *:42709 *:*\n"
                 "tcp LISTEN 0 128 [::]:22 [::]:*\n"
                 "udp UNCONN 0 0 [::ffff:127.0.0.1]:38801 *:*\n"
                 "tcp LISTEN 0 4096 [fe80::1]%eth0:8080 [::]:*\n") ==
        Entries{{"udp", "127.0.0.53", 53},
                {"tcp", "::", 42709},
                {"tcp", "::", 22},
                {"udp", "::ffff:127.0.0.1", 38801},
                {"tcp", "fe80::1", 8080}});
}

TEST_CASE("network on this host: listeners equal ss -tulnH", "[integration][network]") {
  const Socket tcp4_lo(AF_INET, SOCK_STREAM, "127.0.0.1", true);
  const Socket tcp4_any(AF_INET, SOCK_STREAM, "0.0.0.0", true);
  const Socket tcp6_lo(AF_INET6, SOCK_STREAM, "::1", true);
  const Socket tcp6_any(AF_INET6, SOCK_STREAM, "::", true);
  const Socket tcp_bound(AF_INET, SOCK_STREAM, "127.0.0.1", false);  // bound, not listening
  const Socket udp4_lo(AF_INET, SOCK_DGRAM, "127.0.0.1", false);
  const Socket udp4_any(AF_INET, SOCK_DGRAM, "0.0.0.0", false);
  const Socket udp6_lo(AF_INET6, SOCK_DGRAM, "::1", false);
  const Socket udp6_any(AF_INET6, SOCK_DGRAM, "::", false);
  const Socket udp_connected(AF_INET, SOCK_DGRAM, "127.0.0.1", false, "127.0.0.1");

  const Entries mine = {{"tcp", "127.0.0.1", tcp4_lo.port()}, {"tcp", "0.0.0.0", tcp4_any.port()},
                        {"tcp", "::1", tcp6_lo.port()},       {"tcp", "::", tcp6_any.port()},
                        {"udp", "127.0.0.1", udp4_lo.port()}, {"udp", "0.0.0.0", udp4_any.port()},
                        {"udp", "::1", udp6_lo.port()},       {"udp", "::", udp6_any.port()}};

  // The host's own sockets may change between the two reads: read again once if they differ.
  zt::collector::CollectResult result;
  Entries collected, listed;
  for (int attempt = 0; attempt < 2; ++attempt) {
    const Entries before = run_ss();
    result = collect_here();
    collected = entries_of(result);
    listed = run_ss();
    if (collected == listed && before == listed) break;
  }
  CHECK(result.problems == std::vector<std::string>{});
  CHECK(collected == listed);
  for (const Entry& e : mine) CHECK(collected.count(e) == 1);
  CHECK(collected.count({"tcp", "127.0.0.1", tcp_bound.port()}) == 0);
  CHECK(collected.count({"udp", "127.0.0.1", udp_connected.port()}) == 0);

  // Our sockets belong to this process.
  std::ifstream comm_file("/proc/self/comm");
  std::string comm;
  std::getline(comm_file, comm);
  std::size_t ours = 0;
  for (const json& l : result.inventory.at("listeners")) {
    const Entry e{l.at("protocol"), l.at("host"), l.at("port")};
    if (mine.count(e) == 0) continue;
    ++ours;
    INFO(l.dump());
    CHECK(l.at("process").at("pid") == ::getpid());
    CHECK(l.at("process").at("name") == comm);
    CHECK(l.at("process").at("user") == ::getpwuid(::geteuid())->pw_name);
    CHECK(l.at("address_family") ==
          (std::get<1>(e).find(':') != std::string::npos ? "ipv6" : "ipv4"));
  }
  CHECK(ours == mine.size());
  CHECK(result.inventory.at("probing").at("live") == false);
}
