// PostgreSQL waits for the client and speaks TLS only after its SSLRequest: two real servers
// (tests/support/postgres_cluster.hpp), one with TLS off and one with a self-signed
// certificate, probed on this machine. The second must show its TLS (protocol, certificate),
// which only a handshake on the connection that carried the SSLRequest can see.
#include <catch2/catch.hpp>

#include "collectors/network/network_collector.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/postgres_cluster.hpp"

using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("network on this host: PostgreSQL with and without TLS, through its SSLRequest",
          "[integration][network]") {
  zt::test::PostgresCluster plain;
  zt::test::PostgresOptions tls_options;
  tls_options.conf_lines = {"ssl = on"};
  tls_options.self_signed_tls = true;
  zt::test::PostgresCluster with_tls(tls_options);

  auto collector = zt::network::descriptor().make(zt::test::options_of(
      zt::network::descriptor(),
      {{"probe_timeout_ms", 5000},
       {"probe_ports_allow", {std::to_string(plain.port()), std::to_string(with_tls.port())}}}));
  const auto result = zt::test::collect_at(*collector, "/");
  CHECK(result.problems == std::vector<std::string>{});

  std::map<int, json> seen;  // port → TLS (null: none) of the TCP listeners on 127.0.0.1
  for (const json& l : result.inventory.at("listeners")) {
    const int port = l.at("port");
    if (l.at("protocol") != "tcp" || (port != plain.port() && port != with_tls.port())) continue;
    INFO(l.dump());
    CHECK(l.at("service_name") == "postgresql");
    seen[port] = l.at("tls");
  }
  REQUIRE(seen.size() == 2);
  CHECK(seen.at(plain.port()).is_null());
  const json& tls = seen.at(with_tls.port());
  REQUIRE_FALSE(tls.is_null());
  CHECK(tls.at("handshake_ok") == true);
  CHECK(tls.at("protocol") == "TLSv1.3");
  CHECK(tls.at("certificate").at("self_signed") == true);
  CHECK(tls.at("weak_check_done") == true);
  CHECK(tls.at("legacy_accepted") == json::array());
}
