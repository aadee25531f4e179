#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "collectors/container/container_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/container/recorded_client.hpp"
#include "tests/collectors/container/unix_server.hpp"
#include "tests/support/temp_tree.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::Context;
using zt::collector::HostFs;
using zt::collector::OptionValues;
using zt::model::Finding;
using zt::model::Severity;
using zt::test::fixture_host;
using zt::test::TempTree;
using zt::test::UnixPeer;
using zt::test::UnixServer;

namespace {

using Key = std::pair<std::string, std::string>;  // finding_type, container name or image_name

OptionValues options(const json& overrides = json::object()) {
  return zt::test::options_of(zt::container::descriptor(), overrides);
}

std::unique_ptr<zt::collector::Collector> real_collector(const json& overrides = json::object()) {
  return zt::container::descriptor().make(options(overrides));
}

CollectResult collect(zt::collector::Collector& collector, const std::filesystem::path& root) {
  return zt::test::collect_at(collector, root);
}

// (type, container name) for container findings, (type, image_name) for host-wide ones.
std::multiset<Key> keys(const CollectResult& result) {
  std::multiset<Key> out;
  for (const Finding& f : result.findings) {
    const std::string type = f.fields.at("finding_type");
    const std::string subject = f.metadata.contains("container_name")
                                    ? f.metadata.at("container_name").get<std::string>()
                                    : f.fields.at("image_name").get<std::string>();
    out.emplace(type, subject);
  }
  return out;
}

const Finding& find(const CollectResult& result, std::string_view type) {
  for (const Finding& f : result.findings)
    if (f.fields.at("finding_type") == type) return f;
  FAIL("no finding " << type);
  throw std::logic_error("unreachable");
}

void check_valid(const CollectResult& result) {
  for (const Finding& f : result.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$").empty());
    CHECK(f.category == zt::model::Category::container);
  }
}

}  // namespace

TEST_CASE("weak host tree: every configuration finding", "[unit]") {
  auto collector = real_collector();
  const HostFs fs(fixture_host("container-weak"));
  const auto availability = collector->capabilities(fs);
  CHECK(availability.usable);
  CHECK(availability.reason == "no engine socket; configuration files only");

  const CollectResult result = collect(*collector, fixture_host("container-weak"));
  CHECK(result.problems.empty());
  check_valid(result);
  CHECK(keys(result) == std::multiset<Key>{{"daemon_tcp_without_tls", ""},
                                           {"insecure_registry", "registry.local:5000"},
                                           {"insecure_registry", "dev.registry.lan:5000"},
                                           {"insecure_registry", "mirror.corp.example"},
                                           {"daemon_live_restore_disabled", ""},
                                           {"daemon_userns_remap_disabled", ""}});
  const Finding& tcp = find(result, "daemon_tcp_without_tls");
  CHECK(tcp.severity == Severity::critical);
  CHECK(tcp.metadata.at("location") == "/etc/docker/daemon.json:3");
  CHECK(tcp.metadata.at("value") == json::array({"tcp://0.0.0.0:2375"}));
  CHECK(find(result, "daemon_live_restore_disabled").metadata.at("location") ==
        "/etc/docker/daemon.json:6");
  for (const Finding& f : result.findings)
    if (f.fields.at("image_name") == "dev.registry.lan:5000")
      CHECK(f.metadata.at("sources")[0].at("location") == "/etc/containers/registries.conf:12");
  CHECK(result.inventory.at("config_files") ==
        json::array({"/etc/docker/daemon.json", "/etc/containers/registries.conf",
                     "/etc/containers/registries.conf.d/50-mirror.conf"}));
  CHECK(result.inventory.at("engine").is_null());
}

TEST_CASE("hardened host tree: no finding", "[unit]") {
  auto collector = real_collector();
  const CollectResult result = collect(*collector, fixture_host("container-hardened"));
  CHECK(result.problems.empty());
  CHECK(result.findings.empty());
  CHECK(result.inventory.at("config_files").size() == 2);
}

TEST_CASE("no engine: not usable and nothing collected and no problem", "[unit]") {
  TempTree tree;
  tree.write("etc/passwd", "root:x:0:0:root:/root:/bin/sh\n");
  tree.write("run/docker.sock", "a plain file is not a socket");
  auto collector = real_collector();
  const auto availability = collector->capabilities(HostFs(tree.root()));
  CHECK_FALSE(availability.usable);
  CHECK(availability.reason.starts_with(
      "no container engine: no API socket at /run/docker.sock, /var/run/docker.sock, "
      "/run/podman/podman.sock and none of /etc/docker/daemon.json"));
  const CollectResult result = collect(*collector, tree.root());
  CHECK(result.findings.empty());
  CHECK(result.problems.empty());

  auto configured = real_collector({{"socket", "/srv/engine.sock"}});
  const auto named = configured->capabilities(HostFs(tree.root()));
  CHECK_FALSE(named.usable);
  CHECK(named.reason.starts_with("no container engine: no API socket at /srv/engine.sock and"));
}

TEST_CASE("a stop request ends the run before the engine is asked", "[unit]") {
  TempTree tree;
  std::filesystem::create_directories(tree.root() / "run");
  UnixServer server(tree.root() / "run/docker.sock", UnixPeer::refuse);
  bool dialled = false;
  auto collector =
      zt::container::make_collector(options(), [&](const zt::container::ClientSettings&) {
        dialled = true;
        return std::make_unique<zt::test::RecordedClient>("docker");
      });
  std::stop_source stop;
  stop.request_stop();
  const HostFs fs(tree.root());
  Context context(fs, std::chrono::steady_clock::now() + 60s, stop.get_token());
  const CollectResult result = collector->collect(context);
  CHECK_FALSE(dialled);
  CHECK(result.problems ==
        std::vector<std::string>{"stopped before reading the engine API: deadline passed or "
                                 "shutdown requested"});
}

TEST_CASE("recorded Docker engine behind a world-writable socket", "[unit]") {
  TempTree tree;
  tree.write("etc/group", "root:x:0:\ndocker:x:998:\n");
  const auto socket = tree.root() / "run/docker.sock";
  std::filesystem::create_directories(socket.parent_path());
  UnixServer server(socket, UnixPeer::refuse);
  ::chmod(socket.c_str(), 0666);
  tree.symlink("/run", "var/run");

  std::vector<std::filesystem::path> dialled;
  auto collector =
      zt::container::make_collector(options(), [&](const zt::container::ClientSettings& settings) {
        dialled.push_back(settings.socket);
        return std::make_unique<zt::test::RecordedClient>("docker");
      });
  CHECK(collector->capabilities(HostFs(tree.root())).reason ==
        "engine socket /run/docker.sock (under " + tree.root().string() + ")");
  const CollectResult result = collect(*collector, tree.root());
  CHECK(result.problems.empty());
  check_valid(result);
  // /var/run/docker.sock is the same file through the link: one socket, dialled once.
  CHECK(dialled == std::vector<std::filesystem::path>{socket});

  const std::multiset<Key> base = {
      {"root_user_no_userns", ""}, {"no_memory_limit", ""}, {"no_pids_limit", ""}};
  std::multiset<Key> expected = {
      {"privileged_container", "zt-priv"},  {"host_network_namespace", "zt-hostns"},
      {"host_pid_namespace", "zt-hostns"},  {"host_ipc_namespace", "zt-hostns"},
      {"engine_socket_mounted", "zt-sock"}, {"sensitive_host_mount", "zt-sock"},
      {"added_capabilities", "zt-caps"},    {"engine_socket_exposed", ""},
      {"daemon_live_restore_disabled", ""}, {"daemon_userns_remap_disabled", ""}};
  for (const char* name : {"zt-priv", "zt-hostns", "zt-sock", "zt-caps"})
    for (const Key& k : base) expected.emplace(k.first, name);
  CHECK(keys(result) == expected);
  CHECK(find(result, "engine_socket_exposed").severity == Severity::critical);
  CHECK(find(result, "daemon_live_restore_disabled").metadata.at("location") ==
        "/etc/docker/daemon.json (absent)");

  const json& inventory = result.inventory;
  CHECK(inventory.at("engine") == json({{"kind", "docker"},
                                        {"version", "20.10.24+dfsg1"},
                                        {"api_version", "1.41"},
                                        {"socket", "/run/docker.sock"}}));
  CHECK(inventory.at("sockets") == json::array({"/run/docker.sock"}));
  REQUIRE(inventory.at("containers").size() == 5);
  CHECK(inventory.at("containers")[0].at("name") == "zt-hardened");
  CHECK(inventory.at("containers")[0].at("state") == "running");
  CHECK(inventory.at("images")[0].at("tags") == json::array({"zt-busybox:1.0"}));
}

TEST_CASE("max_containers bounds the inspections", "[unit]") {
  TempTree tree;
  std::filesystem::create_directories(tree.root() / "run/podman");
  UnixServer server(tree.root() / "run/podman/podman.sock", UnixPeer::refuse);
  auto collector = zt::container::make_collector(
      options({{"max_containers", 2}}), [](const zt::container::ClientSettings&) {
        return std::make_unique<zt::test::RecordedClient>("podman");
      });
  const CollectResult result = collect(*collector, tree.root());
  CHECK(result.inventory.at("engine").at("kind") == "podman");
  CHECK(result.inventory.at("containers").size() == 6);
  CHECK(result.inventory.at("containers_not_inspected") == 4);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].starts_with("4 container(s) not inspected"));
}

TEST_CASE("an engine socket that refuses or stalls or answers garbage is a problem", "[unit]") {
  TempTree tree;
  const auto socket = tree.root() / "engine.sock";
  const json opts = {{"socket", "/engine.sock"}, {"api_timeout_ms", 300}};
  std::string reply;
  UnixPeer peer = UnixPeer::refuse;
  std::string expected;
  SECTION("refused") { expected = "Couldn't connect to server"; }
  SECTION("stalled") {
    peer = UnixPeer::stall;
    expected = "Timeout was reached";
  }
  SECTION("not HTTP") {
    peer = UnixPeer::reply;
    reply = "garbage\r\n\r\n";
    expected = "GET /version on /engine.sock: ";
  }
  SECTION("HTTP but not JSON") {
    peer = UnixPeer::reply;
    reply = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello";
    expected = "engine version: not valid JSON";
  }
  SECTION("HTTP error") {
    peer = UnixPeer::reply;
    reply =
        "HTTP/1.1 500 Oops\r\nContent-Length: 17\r\nConnection: close\r\n\r\n"
        "{\"message\":\"no\"}\n";
    expected = "HTTP 500: no";
  }
  SECTION("too large") {
    peer = UnixPeer::reply;
    reply = "HTTP/1.1 200 OK\r\nContent-Length: 70000\r\nConnection: close\r\n\r\n" +
            std::string(70000, ' ');
    expected = "answer larger than 65536 bytes";
  }
  UnixServer server(socket, peer, reply);
  json with_cap = opts;
  with_cap["max_response_bytes"] = 65536;
  auto collector = real_collector(with_cap);
  CHECK(collector->capabilities(HostFs(tree.root())).usable);
  const auto started = std::chrono::steady_clock::now();
  const CollectResult result = collect(*collector, tree.root());
  CHECK(std::chrono::steady_clock::now() - started < 5s);
  REQUIRE(result.problems.size() == 1);
  INFO(result.problems[0]);
  CHECK(result.problems[0].find(expected) != std::string::npos);
  CHECK(result.problems[0].find("GET /version on /engine.sock") != std::string::npos);
  CHECK(result.findings.empty());  // the socket is private and the engine unknown
  CHECK(result.inventory.at("engine").is_null());
}
