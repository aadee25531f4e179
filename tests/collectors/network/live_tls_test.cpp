// The TLS probe and the banner probe on this machine: `openssl s_server` processes the test
// starts on free loopback ports with certificates it makes (with the OpenSSL API: an expired
// one, one expiring in 10 days, valid ones), and an in-process server that greets like SSH
// (local_servers.hpp). Only the test's own ports are probed (probe_ports_allow); the servers
// are killed by pid when the test ends (zt::test::Child).
#include <catch2/catch.hpp>
#include <memory>
#include <set>

#include "collectors/network/local_prober.hpp"
#include "collectors/network/network_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/network/local_servers.hpp"
#include "tests/collectors/network/run_now.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::test::free_port;
using zt::test::make_certificate;
using zt::test::run_now;
using zt::test::start_tls_server;
using zt::test::TempTree;

namespace {

const json* find(const zt::collector::CollectResult& result, std::string_view type, int port) {
  for (const auto& f : result.findings)
    if (f.metadata.at("finding_type") == type && f.fields.at("port") == port) return &f.fields;
  return nullptr;
}

}  // namespace

TEST_CASE("system prober: banner and TLS against local servers", "[integration][network]") {
  TempTree tree;
  make_certificate(tree, "expired", -60, -1);
  make_certificate(tree, "expiring", -355, 10);
  make_certificate(tree, "valid", -1, 365);

  const int expired_port = free_port("0.0.0.0");
  const int expiring_port = free_port("127.0.0.1");
  const int modern_port = free_port("127.0.0.1");
  const int legacy_port = free_port("127.0.0.1");
  // Expired and self-signed, on every interface (probed through 127.0.0.1).
  auto expired = start_tls_server(tree, "expired", "0.0.0.0", expired_port, "");
  // TLS 1.2 only, certificate expiring in 10 days.
  auto expiring = start_tls_server(tree, "expiring", "127.0.0.1", expiring_port, "-tls1_2");
  auto modern = start_tls_server(tree, "valid", "127.0.0.1", modern_port, "");
  // TLS 1.0 only, NULL ciphers accepted (Debian's OpenSSL needs security level 0 for both).
  auto legacy = start_tls_server(tree, "valid", "127.0.0.1", legacy_port,
                                 "-tls1 -cipher ALL:eNULL:@SECLEVEL=0");
  const zt::test::LocalServers servers({zt::test::ServerKind::greeter});
  const int greeter_port = servers.ports().at(0);

  // The prober alone first.
  auto prober = zt::network::make_system_prober();
  const zt::network::Endpoint modern_target{zt::network::Family::ipv4, "127.0.0.1",
                                            static_cast<std::uint16_t>(modern_port)};
  const auto in_2s = [] { return std::chrono::steady_clock::now() + 2s; };
  const auto main = run_now(prober->tls(modern_target, {}, in_2s()));
  INFO(main.error);
  REQUIRE(main.handshake_ok);
  CHECK(main.protocol == "TLSv1.3");
  REQUIRE(main.certificate);
  CHECK(main.certificate->subject == "CN=valid");
  CHECK(main.certificate->self_signed);
  CHECK_FALSE(
      run_now(prober->tls(modern_target, {zt::network::TlsCap::tls1_1, false}, in_2s()))
          .handshake_ok);
  const auto banner = run_now(prober->exchange(
      {zt::network::Family::ipv4, "127.0.0.1", static_cast<std::uint16_t>(greeter_port)},
      zt::network::Ask::nothing, in_2s()));
  CHECK(banner.connected);
  CHECK(banner.bytes == "SSH-2.0-ZeroTraceTest_1.0\r\n");
  // Not TLS: the greeter speaks SSH; a closed port refuses.
  CHECK_FALSE(run_now(prober->tls({zt::network::Family::ipv4, "127.0.0.1",
                                   static_cast<std::uint16_t>(greeter_port)},
                                  {}, in_2s()))
                  .handshake_ok);
  const auto refused = run_now(prober->exchange(
      {zt::network::Family::ipv4, "127.0.0.1", static_cast<std::uint16_t>(free_port("127.0.0.1"))},
      zt::network::Ask::nothing, in_2s()));
  CHECK_FALSE(refused.connected);
  CHECK(refused.error == "connect: Connection refused");

  // The collector, probing the test's ports only.
  json allow = json::array();
  for (int port : {expired_port, expiring_port, modern_port, legacy_port, greeter_port})
    allow.push_back(std::to_string(port));
  auto collector = zt::network::descriptor().make(zt::test::options_of(
      zt::network::descriptor(), {{"probe_timeout_ms", 2000}, {"probe_ports_allow", allow}}));
  CHECK(collector->capabilities(zt::collector::HostFs("/")).reason ==
        "/proc/net/tcp readable; live probing (banners, TLS) of local TCP ports possible");
  const auto started = std::chrono::steady_clock::now();
  const auto result = zt::test::collect_at(*collector, "/", std::stop_token{}, 30s);
  CHECK(std::chrono::steady_clock::now() - started < 10s);
  CHECK(result.problems == std::vector<std::string>{});
  for (const auto& f : result.findings)
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});

  std::set<std::pair<std::string, int>> problems;  // (finding_type, port) of the test's ports
  for (const auto& f : result.findings) {
    const int port = f.fields.at("port");
    const std::string type = f.metadata.at("finding_type");
    if (type != "listening_service" &&
        (port == expired_port || port == expiring_port || port == modern_port ||
         port == legacy_port || port == greeter_port))
      problems.emplace(type, port);
  }
  CHECK(problems == std::set<std::pair<std::string, int>>{
                        {"tls_cert_expired", expired_port},
                        {"tls_self_signed_public", expired_port},
                        {"tls_cert_expiring", expiring_port},
                        {"tls_legacy_protocol", legacy_port},
                        {"tls_weak_cipher", legacy_port}});

  const json* info = find(result, "listening_service", modern_port);
  REQUIRE(info);
  CHECK(info->at("ssl_enabled") == true);
  CHECK(info->at("ssl_version") == "TLSv1.3");
  CHECK(info->at("ssl_cipher") == "TLS_AES_256_GCM_SHA384");
  const json* tls12 = find(result, "tls_cert_expiring", expiring_port);
  REQUIRE(tls12);
  CHECK(tls12->at("ssl_version") == "TLSv1.2");
  const json* weak = find(result, "tls_weak_cipher", legacy_port);
  REQUIRE(weak);
  CHECK(weak->at("ssl_version") == "TLSv1");
  const json* ssh = find(result, "listening_service", greeter_port);
  REQUIRE(ssh);
  CHECK(ssh->at("service_name") == "ssh");
  CHECK(ssh->at("service_version") == "ZeroTraceTest_1.0");
  CHECK_FALSE(ssh->contains("ssl_enabled"));
  for (const auto& f : result.findings)
    if (f.metadata.at("finding_type") == "tls_weak_cipher")
      CHECK(f.metadata.at("value") == "ECDHE-ECDSA-NULL-SHA");

  // Every other port of the host was left alone.
  for (const json& p : result.inventory.at("probing").at("probes")) {
    const int port = p.at("port");
    const bool ours = port == expired_port || port == expiring_port || port == modern_port ||
                      port == legacy_port || port == greeter_port;
    CHECK(p.at("target").is_null() != ours);
  }
}
