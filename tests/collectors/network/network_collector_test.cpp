#include "collectors/network/network_collector.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <stdexcept>
#include <tuple>

#include "collectors/network/network_options.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/network/fake_prober.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionType;
using zt::collector::OptionValues;
using zt::model::Finding;
using zt::model::Severity;
using zt::test::fixture_host;
using zt::test::TempTree;

namespace {

using Key = std::tuple<std::string, std::string, int, std::string>;  // type, host, port, proto
using Keys = std::set<Key>;
using Calls = std::map<std::string, std::vector<std::string>>;  // target → its calls, in order

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::network::descriptor(), overrides);
}

// 2025-06-01T00:00:00Z: the fake prober's certificates are dated around it.
zt::model::Timestamp fixed_now() {
  return zt::model::Timestamp{std::chrono::sys_days{std::chrono::year{2025} / 6 / 1}};
}

CollectResult collect_at(const std::filesystem::path& root,
                         std::shared_ptr<zt::test::Recorded> recorded,
                         const OptionValues& values = options(),
                         std::stop_token stop = std::stop_token{}) {
  auto collector = zt::network::make_collector(
      values, std::make_unique<zt::test::FakeProber>(std::move(recorded)), &fixed_now);
  return zt::test::collect_at(*collector, root, std::move(stop));
}

Keys keys(const CollectResult& result) {
  Keys out;
  for (const Finding& f : result.findings)
    out.emplace(f.metadata.at("finding_type").get<std::string>(),
                f.fields.at("host").get<std::string>(), f.fields.at("port").get<int>(),
                f.fields.at("protocol").get<std::string>());
  return out;
}

const Finding& find(const CollectResult& result, std::string_view type, std::string_view host,
                    int port, std::string_view protocol = "tcp") {
  for (const Finding& f : result.findings)
    if (f.metadata.at("finding_type") == type && f.fields.at("host") == host &&
        f.fields.at("port") == port && f.fields.at("protocol") == protocol)
      return f;
  FAIL("no " << type << " finding for " << host << ":" << port << "/" << protocol);
  throw std::logic_error("unreachable");
}

void check_valid(const CollectResult& result) {
  std::set<Key> seen;
  for (const Finding& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$") == std::vector<zt::model::Problem>{});
    CHECK(f.category == zt::model::Category::network);
    CHECK(f.fingerprint.empty());
    CHECK(f.risk_score == 0.0);
    CHECK_FALSE(f.description.empty());
    CHECK_FALSE(f.remediation.empty());
    for (const char* key : {"finding_type", "address_family", "process", "source", "value"})
      CHECK(f.metadata.contains(key));
    // The identity (host, port, protocol, finding_type) is unique within a run.
    CHECK(seen.emplace(f.metadata.at("finding_type").get<std::string>(),
                       f.fields.at("host").get<std::string>(), f.fields.at("port").get<int>(),
                       f.fields.at("protocol").get<std::string>())
              .second);
  }
}

const Keys kHardened = {
    {"listening_service", "0.0.0.0", 22, "tcp"},   {"listening_service", "::", 22, "tcp"},
    {"listening_service", "127.0.0.1", 5432, "tcp"}, {"listening_service", "::1", 5432, "tcp"},
    {"listening_service", "127.0.0.1", 323, "udp"}, {"listening_service", "::1", 323, "udp"},
};

const Keys kWeakFileBased = {
    {"listening_service", "0.0.0.0", 21, "tcp"},
    {"listening_service", "0.0.0.0", 22, "tcp"},
    {"listening_service", "0.0.0.0", 23, "tcp"},
    {"listening_service", "0.0.0.0", 443, "tcp"},
    {"listening_service", "0.0.0.0", 6379, "tcp"},
    {"listening_service", "0.0.0.0", 7000, "tcp"},
    {"listening_service", "127.0.0.1", 11211, "tcp"},
    {"listening_service", "::", 3306, "tcp"},
    {"listening_service", "0.0.0.0", 69, "udp"},
    {"exposed_local_service", "0.0.0.0", 6379, "tcp"},
    {"exposed_local_service", "0.0.0.0", 7000, "tcp"},
    {"exposed_local_service", "::", 3306, "tcp"},
    {"cleartext_service", "0.0.0.0", 21, "tcp"},
    {"cleartext_service", "0.0.0.0", 23, "tcp"},
    {"cleartext_service", "0.0.0.0", 69, "udp"},
};

// Recorded probes of the weak host: an SSH, FTP, telnet and MariaDB greeting; on 443 an
// expired self-signed certificate, TLS 1.0 accepted and a NULL cipher accepted.
std::shared_ptr<zt::test::Recorded> weak_recording() {
  using namespace zt::network;
  auto r = std::make_shared<zt::test::Recorded>();
  r->banners[{"127.0.0.1", 22}] = {true, "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n", ""};
  r->banners[{"127.0.0.1", 21}] = {true, "220 (vsFTPd 3.0.3)\r\n", ""};
  r->banners[{"127.0.0.1", 23}] = {true, std::string("\xff\xfd\x18\xff\xfd\x20", 6), ""};
  const std::string payload = std::string("\x0a") + "10.11.6-MariaDB-0+deb12u1" + '\0' + "xyz";
  r->banners[{"::1", 3306}] = {
      true, std::string{static_cast<char>(payload.size()), 0, 0, 0} + payload, ""};
  r->banners[{"127.0.0.1", 7000}] = {false, "", "connect: Connection refused"};

  CertificateInfo cert;
  cert.subject = cert.issuer = "CN=weak.example.com";
  cert.not_before = zt::model::Timestamp{std::chrono::sys_days{std::chrono::year{2022} / 1 / 1}};
  cert.not_after = zt::model::Timestamp{std::chrono::sys_days{std::chrono::year{2023} / 1 / 1}};
  cert.self_signed = true;
  TlsResult main;
  main.handshake_ok = true;
  main.protocol = "TLSv1.2";
  main.cipher = "ECDHE-RSA-AES128-GCM-SHA256";
  main.certificate = cert;
  r->tls[{"127.0.0.1", 443, TlsCap::none, false}] = main;
  TlsResult tls10 = main;
  tls10.protocol = "TLSv1";
  tls10.cipher = "ECDHE-RSA-AES128-SHA";
  r->tls[{"127.0.0.1", 443, TlsCap::tls1_0, false}] = tls10;
  TlsResult weak = main;
  weak.cipher = "ECDHE-RSA-NULL-SHA";
  r->tls[{"127.0.0.1", 443, TlsCap::none, true}] = weak;
  return r;
}

}  // namespace

TEST_CASE("network: descriptor and options", "[unit][network]") {
  const auto d = zt::network::descriptor();
  CHECK(d.name == "network");
  CHECK(d.category == zt::model::Category::network);
  CHECK(d.default_interval == 900s);
  CHECK_FALSE(d.summary.empty());
  REQUIRE(d.make != nullptr);
  std::vector<std::tuple<std::string, OptionType, std::string>> table;
  for (const auto& o : d.options)
    table.emplace_back(std::string(o.key), o.type, zt::collector::default_text(o));
  CHECK(table == std::vector<std::tuple<std::string, OptionType, std::string>>{
                     {"probe_banners", OptionType::boolean, "true"},
                     {"probe_tls", OptionType::boolean, "true"},
                     {"probe_timeout_ms", OptionType::integer, "1500"},
                     {"max_probed_ports", OptionType::integer, "32"},
                     {"probe_ports_allow", OptionType::text_list, "[]"},
                     {"probe_ports_deny", OptionType::text_list, "[]"}});
  CHECK(d.options[2].min == 100);
  CHECK(d.options[2].max == 10000);
  CHECK(d.options[3].min == 0);
  CHECK(d.options[3].max == 1024);

  const auto o = zt::network::NetworkOptions::from(
      options({{"probe_ports_allow", {"443", "8000-8100"}}, {"probe_ports_deny", {"8080"}},
               {"probe_timeout_ms", 250}, {"max_probed_ports", 4}}));
  CHECK(o.probe_timeout == 250ms);
  CHECK(o.max_probed_ports == 4);
  CHECK(o.probe_ports_allow == std::vector<zt::network::PortRange>{{443, 443}, {8000, 8100}});
  CHECK(o.probe_ports_deny == std::vector<zt::network::PortRange>{{8080, 8080}});
  CHECK(d.make(options()) != nullptr);

  CHECK_THROWS_MATCHES(
      d.make(options({{"probe_ports_allow", {"443", "http"}}})), std::invalid_argument,
      Catch::Message("probe_ports_allow: \"http\" is not a port (1..65535) or a range of "
                     "ports (\"8000-8100\")"));
  CHECK_THROWS_MATCHES(
      d.make(options({{"probe_ports_deny", {"9000-8000"}}})), std::invalid_argument,
      Catch::Message("probe_ports_deny: \"9000-8000\" is not a port (1..65535) or a range "
                     "of ports (\"8000-8100\")"));
}

TEST_CASE("network: hardened host gives info rows only", "[unit][network]") {
  const auto root = fixture_host("net-hardened");
  auto recorded = std::make_shared<zt::test::Recorded>();
  const auto result = collect_at(root, recorded);
  CHECK(result.problems == std::vector<std::string>{});
  CHECK(keys(result) == kHardened);
  check_valid(result);
  for (const Finding& f : result.findings) CHECK(f.severity == Severity::info);

  const Finding& ssh = find(result, "listening_service", "::", 22);
  CHECK(ssh.fields == json{{"host", "::"}, {"port", 22}, {"protocol", "tcp"},
                           {"service_name", "ssh"}});
  CHECK(ssh.metadata == json{{"finding_type", "listening_service"},
                             {"address_family", "ipv6"},
                             {"process", {{"pid", 612}, {"name", "sshd"}, {"user", "root"}}},
                             {"source", "/proc/net/tcp6"},
                             {"value", "[::]:22"}});
  CHECK(ssh.title == "Port 22/tcp (ssh) listening on ::");
  const Finding& pg = find(result, "listening_service", "127.0.0.1", 5432);
  CHECK(pg.fields.at("service_name") == "postgresql");
  CHECK(pg.metadata.at("process") == json{{"pid", 701}, {"name", "postgres"}, {"user", "postgres"}});
  const Finding& chrony = find(result, "listening_service", "::1", 323, "udp");
  CHECK(chrony.fields.at("service_name") == "chrony");
  CHECK(chrony.metadata.at("process") ==
        json{{"pid", 540}, {"name", "chronyd"}, {"user", "_chrony"}});
  CHECK(chrony.metadata.at("source") == "/proc/net/udp6");

  // A fake prober replays recordings: with none, TCP ports are probed and nothing is found.
  // sshd greets first, then TLS; PostgreSQL is asked for TLS through its SSLRequest.
  CHECK(zt::test::calls_by_target(recorded->calls) ==
        Calls{{"127.0.0.1:22", {"banner 127.0.0.1:22", "tls 127.0.0.1:22 cap=0 weak=0"}},
              {"::1:22", {"banner ::1:22", "tls ::1:22 cap=0 weak=0"}},
              {"127.0.0.1:5432", {"tls 127.0.0.1:5432 cap=0 weak=0 pg=1"}},
              {"::1:5432", {"tls ::1:5432 cap=0 weak=0 pg=1"}}});
  CHECK(result.inventory.at("listener_count") == 6);
  CHECK(result.inventory.at("processes") == json{{"pids_scanned", 7}, {"pids_unreadable", 0}});
  CHECK(result.inventory.at("listeners").at(0) ==
        json{{"protocol", "tcp"},       {"address_family", "ipv4"},
             {"host", "0.0.0.0"},       {"port", 22},
             {"service_name", "ssh"},   {"service_version", nullptr},
             {"process", {{"pid", 612}, {"name", "sshd"}, {"user", "root"}}},
             {"pids", {612}},           {"uid", 0},
             {"inodes", {20001}},       {"source", "/proc/net/tcp"},
             {"banner", nullptr},       {"tls", nullptr}});
}

TEST_CASE("network: weak host, file-based checks (no probing)", "[unit][network]") {
  const auto root = fixture_host("net-weak");
  const HostFs fs(root);
  // The system prober on a fixture tree: nothing is probed, and the inventory says why.
  auto collector = zt::network::descriptor().make(options());
  const auto availability = collector->capabilities(fs);
  CHECK(availability.usable);
  CHECK(availability.reason ==
        "/proc/net/tcp (under " + root.string() + ") readable; no live probing: host root is " +
            root.string() + ", not this machine's /: its sockets are not probed live");
  Context context(fs, std::chrono::steady_clock::now() + 60s, std::stop_token{});
  const auto result = collector->collect(context);
  CHECK(result.problems == std::vector<std::string>{});
  CHECK(keys(result) == kWeakFileBased);
  check_valid(result);

  const auto& probing = result.inventory.at("probing");
  CHECK(probing.at("live") == false);
  CHECK(probing.at("probes").size() == 8);
  for (const auto& p : probing.at("probes")) {
    CHECK(p.at("target") == nullptr);
    CHECK(p.at("skipped") == "host root is " + root.string() +
                                 ", not this machine's /: its sockets are not probed live");
  }
  CHECK(result.inventory.at("processes") == json{{"pids_scanned", 13}, {"pids_unreadable", 1}});

  const Finding& redis = find(result, "exposed_local_service", "0.0.0.0", 6379);
  CHECK(redis.severity == Severity::high);
  CHECK(redis.title == "Redis on port 6379/tcp (redis) listens on all interfaces");
  CHECK(redis.metadata.at("process") ==
        json{{"pid", 900}, {"name", "redis-server"}, {"user", "redis"}});
  CHECK(redis.remediation.find("bind 127.0.0.1") != std::string::npos);
  // Identified by its process, not its port.
  CHECK(find(result, "exposed_local_service", "0.0.0.0", 7000).fields.at("service_name") ==
        "redis");
  const Finding& mysql = find(result, "exposed_local_service", "::", 3306);
  CHECK(mysql.metadata.at("address_family") == "ipv6");
  CHECK(mysql.metadata.at("value") == "[::]:3306");
  const Finding& telnet = find(result, "cleartext_service", "0.0.0.0", 23);
  CHECK(telnet.severity == Severity::high);
  CHECK(telnet.fields.at("service_name") == "telnet");
  CHECK(telnet.metadata.at("process") == json{{"pid", 450}, {"name", "inetd"}, {"user", "root"}});
  CHECK(find(result, "cleartext_service", "0.0.0.0", 21).severity == Severity::medium);
  const Finding& tftp = find(result, "cleartext_service", "0.0.0.0", 69, "udp");
  CHECK(tftp.fields.at("service_name") == "tftp");
  CHECK(tftp.metadata.at("process") == json{{"pid", 470}, {"name", "in.tftpd"}, {"user", "root"}});
  // nginx's master and workers share the socket: the lowest pid is the owner.
  const Finding& nginx = find(result, "listening_service", "0.0.0.0", 443);
  CHECK(nginx.fields.at("service_name") == "https");
  CHECK(nginx.metadata.at("process") == json{{"pid", 800}, {"name", "nginx"}, {"user", "root"}});
  CHECK(result.inventory.at("listeners").at(3).at("pids") == json{800, 801, 802});
}

TEST_CASE("network: weak host with recorded banners and TLS results", "[unit][network]") {
  auto recorded = weak_recording();
  const auto result = collect_at(fixture_host("net-weak"), recorded);
  CHECK(result.problems == std::vector<std::string>{});
  Keys expected = kWeakFileBased;
  expected.insert({{"tls_cert_expired", "0.0.0.0", 443, "tcp"},
                   {"tls_self_signed_public", "0.0.0.0", 443, "tcp"},
                   {"tls_legacy_protocol", "0.0.0.0", 443, "tcp"},
                   {"tls_weak_cipher", "0.0.0.0", 443, "tcp"}});
  CHECK(keys(result) == expected);
  check_valid(result);

  // Only TCP ports, through loopback for wildcard binds; the first message of the service
  // expected there (Redis PING, Memcached version), TLS at once on 443, and elsewhere only
  // where nothing was said and the port accepted the connection; capped and weak handshakes
  // only after a good one.
  CHECK(zt::test::calls_by_target(recorded->calls) ==
        Calls{{"127.0.0.1:21", {"banner 127.0.0.1:21"}},
              {"127.0.0.1:22", {"banner 127.0.0.1:22"}},
              {"127.0.0.1:23", {"banner 127.0.0.1:23"}},
              {"127.0.0.1:443",
               {"tls 127.0.0.1:443 cap=0 weak=0", "tls 127.0.0.1:443 cap=1 weak=0",
                "tls 127.0.0.1:443 cap=2 weak=0", "tls 127.0.0.1:443 cap=0 weak=1"}},
              {"::1:3306", {"banner ::1:3306"}},
              {"127.0.0.1:6379",
               {"banner 127.0.0.1:6379 ask=redis_ping", "tls 127.0.0.1:6379 cap=0 weak=0"}},
              {"127.0.0.1:7000", {"banner 127.0.0.1:7000 ask=redis_ping"}},
              {"127.0.0.1:11211",
               {"banner 127.0.0.1:11211 ask=memcached_version",
                "tls 127.0.0.1:11211 cap=0 weak=0"}}});

  const Finding& ssh = find(result, "listening_service", "0.0.0.0", 22);
  CHECK(ssh.fields.at("service_version") == "OpenSSH_9.2p1 Debian-2+deb12u3");
  CHECK(ssh.metadata.at("banner") == "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3");
  CHECK(find(result, "cleartext_service", "0.0.0.0", 21).fields.at("service_version") ==
        "vsFTPd 3.0.3");
  CHECK(find(result, "exposed_local_service", "::", 3306).fields.at("service_version") ==
        "10.11.6-MariaDB-0+deb12u1");

  const json tls_fields = {{"host", "0.0.0.0"},
                           {"port", 443},
                           {"protocol", "tcp"},
                           {"service_name", "https"},
                           {"ssl_enabled", true},
                           {"ssl_version", "TLSv1.2"},
                           {"ssl_cipher", "ECDHE-RSA-AES128-GCM-SHA256"},
                           {"ssl_cert_expiry", "2023-01-01T00:00:00.000Z"}};
  const Finding& expired = find(result, "tls_cert_expired", "0.0.0.0", 443);
  CHECK(expired.severity == Severity::high);
  CHECK(expired.fields == tls_fields);
  CHECK(expired.metadata.at("value") == "2023-01-01T00:00:00.000Z");
  CHECK(expired.title == "Expired TLS certificate on port 443/tcp (https)");
  CHECK(find(result, "listening_service", "0.0.0.0", 443).fields == tls_fields);
  const Finding& self_signed = find(result, "tls_self_signed_public", "0.0.0.0", 443);
  CHECK(self_signed.severity == Severity::medium);
  CHECK(self_signed.metadata.at("value") == "CN=weak.example.com");
  const Finding& legacy = find(result, "tls_legacy_protocol", "0.0.0.0", 443);
  CHECK(legacy.severity == Severity::medium);
  CHECK(legacy.metadata.at("value") == json{"TLSv1"});
  CHECK(legacy.remediation.find("ssl_protocols TLSv1.2 TLSv1.3;") != std::string::npos);
  const Finding& weak = find(result, "tls_weak_cipher", "0.0.0.0", 443);
  CHECK(weak.severity == Severity::high);
  CHECK(weak.metadata.at("value") == "ECDHE-RSA-NULL-SHA");
}

TEST_CASE("network: expiring certificate, loopback self-signed", "[unit][network]") {
  // Only 127.0.0.1:11211 (tcp) is probed: allow list; its certificate expires in 10 days and
  // is self-signed, which is no finding on a loopback bind.
  auto recorded = std::make_shared<zt::test::Recorded>();
  zt::network::TlsResult main;
  main.handshake_ok = true;
  main.protocol = "TLSv1.3";
  main.cipher = "TLS_AES_256_GCM_SHA384";
  main.certificate = zt::network::CertificateInfo{"CN=local", "CN=local",
                                                  fixed_now() - std::chrono::days{355},
                                                  fixed_now() + std::chrono::days{10}, true};
  recorded->tls[{"127.0.0.1", 11211, zt::network::TlsCap::none, false}] = main;
  const auto result =
      collect_at(fixture_host("net-weak"), recorded,
                 options({{"probe_ports_allow", {"11000-12000"}}, {"probe_banners", false}}));
  check_valid(result);
  Keys expected = kWeakFileBased;
  expected.insert({"tls_cert_expiring", "127.0.0.1", 11211, "tcp"});
  CHECK(keys(result) == expected);
  const Finding& expiring = find(result, "tls_cert_expiring", "127.0.0.1", 11211);
  CHECK(expiring.severity == Severity::medium);
  CHECK(expiring.description ==
        "The certificate served on 127.0.0.1:11211 (subject CN=local) expires on "
        "2025-06-11T00:00:00.000Z, in 10 day(s).");
  CHECK(recorded->calls == std::vector<std::string>{"tls 127.0.0.1:11211 cap=0 weak=0",
                                                    "tls 127.0.0.1:11211 cap=1 weak=0",
                                                    "tls 127.0.0.1:11211 cap=2 weak=0",
                                                    "tls 127.0.0.1:11211 cap=0 weak=1"});
  const auto& probes = result.inventory.at("probing").at("probes");
  CHECK(probes.at(0) == json{{"host", "0.0.0.0"}, {"port", 21}, {"target", nullptr},
                             {"skipped", "port not in probe_ports_allow"}});
}

TEST_CASE("network: cap of probed ports", "[unit][network]") {
  auto recorded = std::make_shared<zt::test::Recorded>();
  const auto result = collect_at(fixture_host("net-weak"), recorded,
                                 options({{"max_probed_ports", 2}, {"probe_tls", false}}));
  CHECK(zt::test::calls_by_target(recorded->calls) ==
        Calls{{"127.0.0.1:21", {"banner 127.0.0.1:21"}},
              {"127.0.0.1:22", {"banner 127.0.0.1:22"}}});
  std::size_t capped = 0;
  for (const auto& p : result.inventory.at("probing").at("probes"))
    capped += p.at("skipped") == "cap of 2 probed ports per run (max_probed_ports) reached";
  CHECK(capped == 6);
}

TEST_CASE("network: a stop request ends the run with what it has", "[unit][network]") {
  std::stop_source stop;
  stop.request_stop();
  auto recorded = std::make_shared<zt::test::Recorded>();
  const auto result = collect_at(fixture_host("net-weak"), recorded, options(), stop.get_token());
  CHECK(recorded->calls.empty());
  CHECK(result.problems ==
        std::vector<std::string>{
            "stopped while matching sockets to processes: deadline passed or shutdown "
            "requested; some listeners have no process",
            "stopped before probing 8 port(s): deadline passed or shutdown requested"});
  // The sockets are still reported, without processes.
  CHECK(result.findings.size() == kWeakFileBased.size() - 1);  // 7000 is redis by process only
  check_valid(result);
  CHECK(find(result, "listening_service", "0.0.0.0", 6379).metadata.at("process") == nullptr);
}

TEST_CASE("network: unreadable and missing tables", "[unit][network]") {
  TempTree tree;
  tree.copy_from(fixture_host("net-hardened"));
  std::filesystem::remove(tree.root() / "proc/net/udp");
  std::filesystem::remove(tree.root() / "proc/net/tcp6");  // IPv6 disabled: not a problem
  std::filesystem::remove(tree.root() / "etc/passwd");     // users by number
  tree.write("proc/net/tcp", zt::test::read_text(fixture_host("net-hardened") / "proc/net/tcp") +
                                 "garbage line\n");
  const auto result = collect_at(tree.root(), std::make_shared<zt::test::Recorded>());
  CHECK(result.problems ==
        std::vector<std::string>{
            "/proc/net/tcp (under " + tree.root().string() + "): 1 malformed line(s) left out",
            "cannot read /proc/net/udp (under " + tree.root().string() +
                "): No such file or directory"});
  CHECK(keys(result) == Keys{{"listening_service", "0.0.0.0", 22, "tcp"},
                             {"listening_service", "127.0.0.1", 5432, "tcp"},
                             {"listening_service", "::1", 323, "udp"}});
  CHECK(find(result, "listening_service", "127.0.0.1", 5432).metadata.at("process") ==
        json{{"pid", 701}, {"name", "postgres"}, {"user", "103"}});

  std::filesystem::remove(tree.root() / "proc/net/tcp");
  const HostFs fs(tree.root());
  const auto availability = zt::network::descriptor().make(options())->capabilities(fs);
  CHECK_FALSE(availability.usable);
  CHECK(availability.reason == "cannot read /proc/net/tcp (under " + tree.root().string() +
                                   "): No such file or directory");
}
