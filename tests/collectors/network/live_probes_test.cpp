// Five local listeners that do not speak first, probed on this machine (HostFs at "/"): a real
// redis-server and memcached (identified by their processes, asked PING and version), an
// in-process HTTP server and an `openssl s_server` on ports nothing names (the greeting
// wait, then TLS, then HTTP HEAD), and a silent port. Each must be identified, and the run,
// with a per-port limit of 5 s, must end well before the 25 s that probing them one after
// another could take.
#include <catch2/catch.hpp>
#include <optional>
#include <set>
#include <stop_token>
#include <thread>
#include <tuple>

#include "collectors/network/network_collector.hpp"
#include "tests/collectors/network/local_servers.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/memcached_server.hpp"
#include "tests/support/process.hpp"
#include "tests/support/redis_server.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

namespace {

// (port, service_name, service_version, TLS protocol): "" for null.
using Seen = std::tuple<int, std::string, std::string, std::string>;

std::string text_or_empty(const json& value) {
  return value.is_null() ? std::string() : value.get<std::string>();
}

// "memcached 1.6.18" → "1.6.18"
std::string memcached_version() {
  const auto done = zt::test::run_process({"/usr/bin/memcached", "-V"});
  REQUIRE(done.exit_code == 0);
  const std::string line = done.out.substr(0, done.out.find('\n'));
  return line.substr(line.find(' ') + 1);
}

}  // namespace

TEST_CASE("network on this host: five listeners that wait for the client, probed at once",
          "[integration][network]") {
  const zt::test::RedisServer redis({});
  const zt::test::MemcachedServer memcached(false);
  const zt::test::LocalServers local({zt::test::ServerKind::http, zt::test::ServerKind::silent});
  const int http_port = local.ports().at(0);
  const int silent_port = local.ports().at(1);
  zt::test::TempTree tree;
  zt::test::make_certificate(tree, "probes", -1, 365);
  const int tls_port = zt::test::free_port("127.0.0.1");
  const auto tls = zt::test::start_tls_server(tree, "probes", "127.0.0.1", tls_port, "");
  const std::set<int> ours = {redis.port(), memcached.port(), http_port, silent_port, tls_port};

  constexpr auto kPortLimit = 5000ms;
  json allow = json::array();
  for (int port : ours) allow.push_back(std::to_string(port));
  auto collector = zt::network::descriptor().make(zt::test::options_of(
      zt::network::descriptor(),
      {{"probe_timeout_ms", kPortLimit.count()}, {"probe_ports_allow", allow}}));

  const auto started = std::chrono::steady_clock::now();
  const auto result = zt::test::collect_at(*collector, "/", std::stop_token{}, 120s);
  const auto took = std::chrono::steady_clock::now() - started;

  CHECK(result.problems == std::vector<std::string>{});
  std::set<Seen> seen;
  for (const json& l : result.inventory.at("listeners")) {
    if (l.at("protocol") != "tcp" || ours.count(l.at("port").get<int>()) == 0) continue;
    INFO(l.dump());
    const json& tls_seen = l.at("tls");
    seen.emplace(l.at("port").get<int>(), text_or_empty(l.at("service_name")),
                 text_or_empty(l.at("service_version")),
                 tls_seen.is_null() ? std::string() : tls_seen.at("protocol").get<std::string>());
  }
  CHECK(seen == std::set<Seen>{
                    {redis.port(), "redis", "", ""},
                    {memcached.port(), "memcached", memcached_version(), ""},
                    {http_port, "http", std::string(zt::test::kHttpServer), ""},
                    {tls_port, "", "", "TLSv1.3"},
                    {silent_port, "", "", ""},
                });
  for (const json& p : result.inventory.at("probing").at("probes"))
    CHECK(p.at("target").is_null() != (ours.count(p.at("port").get<int>()) == 1));

  // The silent port takes half its limit (a quarter waiting for a greeting, a quarter for the
  // TLS handshake), the others less, all at the same time: about 2.5 s. One after another
  // they could take 5 × 5 s. The bound leaves a loaded machine room.
  const double seconds = std::chrono::duration<double>(took).count();
  INFO("probing took " << seconds << " s");
  CHECK(took >= kPortLimit / 2 - 100ms);  // the silent port was given its two quarters
  CHECK(took < 12s);
}

TEST_CASE("network on this host: a stop request ends the probing at once",
          "[integration][network]") {
  const zt::test::LocalServers local({zt::test::ServerKind::silent});
  auto collector = zt::network::descriptor().make(zt::test::options_of(
      zt::network::descriptor(),
      {{"probe_timeout_ms", 10000}, {"probe_ports_allow", {std::to_string(local.ports().at(0))}}}));
  std::stop_source stop;

  // Stops the run once the silent port has been connected to: the probing is under way.
  std::jthread stopper([&](const std::stop_token& done) {
    const auto give_up = std::chrono::steady_clock::now() + 60s;
    while (local.accepted() == 0 && !done.stop_requested() &&
           std::chrono::steady_clock::now() < give_up)
      std::this_thread::sleep_for(5ms);  // polling the server's counter: no event to wait on
    stop.request_stop();
  });
  const auto started = std::chrono::steady_clock::now();
  const auto result = zt::test::collect_at(*collector, "/", stop.get_token(), 120s);
  const auto took = std::chrono::steady_clock::now() - started;
  stopper.request_stop();

  CHECK(local.accepted() >= 1);
  CHECK(result.problems ==
        std::vector<std::string>{"stopped while probing 1 port(s): deadline passed or shutdown "
                                 "requested; what they said before is kept"});
  // The port's own limit is 10 s; the stop is seen within 50 ms.
  INFO("the run took " << std::chrono::duration<double>(took).count() << " s");
  CHECK(took < 8s);
}
