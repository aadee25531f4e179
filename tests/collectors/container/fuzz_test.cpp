// Every parser on random, truncated and shuffled input: it must return, never throw or crash
// (the ASan build catches memory errors), and what reaches a finding must serialise.
#include "tests/support/fuzz.hpp"

#include <catch2/catch.hpp>

#include "collectors/container/daemon_json.hpp"
#include "collectors/container/engine_api.hpp"
#include "collectors/container/engine_socket.hpp"
#include "collectors/container/image_ref.hpp"
#include "collectors/container/registries_conf.hpp"
#include "collectors/container/report.hpp"
#include "collectors/container/toml_subset.hpp"
#include "collectors/core/utf8.hpp"
#include "tests/collectors/container/fixtures.hpp"

using namespace zt::container;
using zt::test::api_fixture;
using zt::test::fixture_host;
using zt::test::fuzz_text;
using zt::test::read_text;

namespace {

void emit(const Findings& findings) {
  for (const auto& f : findings)
    (void)nlohmann::json{{"t", f.title},
                         {"d", f.description},
                         {"r", f.remediation},
                         {"f", f.fields},
                         {"m", f.metadata}}
        .dump();
}

// The recorded inspect answer cut down to the fields the parser reads (a whole one is 6 KB,
// and every truncation of the seed is parsed).
std::string inspect_seed() {
  const auto full = nlohmann::json::parse(api_fixture("podman", "inspect-zt-sock.json"));
  nlohmann::json host;
  for (const char* key : {"Binds", "NetworkMode", "PidMode", "IpcMode", "Privileged", "CapAdd",
                          "CapDrop", "Memory", "PidsLimit", "UsernsMode", "SecurityOpt"})
    host[key] = full["HostConfig"][key];
  return nlohmann::json{{"Id", full["Id"]},
                        {"Name", full["Name"]},
                        {"Image", full["Image"]},
                        {"State", {{"Status", full["State"]["Status"]}}},
                        {"Config", {{"Image", full["Config"]["Image"]}, {"User", "0"}}},
                        {"HostConfig", host},
                        {"Mounts", full["Mounts"]}}
      .dump(1);
}

// Two entries of the recorded container list, with the fields the parser reads.
std::string list_seed() {
  const auto full = nlohmann::json::parse(api_fixture("docker", "containers-json-all.json"));
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < 2; ++i) {
    nlohmann::json item;
    for (const char* key : {"Id", "Names", "Image", "State", "Status"}) item[key] = full[i][key];
    out.push_back(item);
  }
  return out.dump(1);
}

}  // namespace

TEST_CASE("fuzz: container inspect and the container report", "[unit]") {
  fuzz_text(inspect_seed(), [](const std::string& text) {
    auto info = parse_container_inspect(text);
    if (info) emit(container_findings(*info, EngineContext{"/run/podman/podman.sock", false}));
  });
}

TEST_CASE("fuzz: container and image lists and the engine version", "[unit]") {
  fuzz_text(
      list_seed(), [](const std::string& text) { (void)parse_container_list(text); }, 1000);
  fuzz_text(
      api_fixture("podman", "images-json-multi.json"),
      [](const std::string& text) { (void)parse_image_list(text); }, 1000);
  fuzz_text(
      api_fixture("docker", "version.json"),
      [](const std::string& text) { (void)parse_engine_version(text); }, 1000);
}

TEST_CASE("fuzz: image references", "[unit]") {
  fuzz_text("registry.example:5000/team/app:1.2@sha256:0123",
            [](const std::string& text) { (void)split_image_ref(text); });
}

TEST_CASE("fuzz: configuration parsers and their findings", "[unit]") {
  const auto weak = fixture_host("container-weak");
  fuzz_text(read_text(weak / "etc/docker/daemon.json"), [](const std::string& text) {
    ConfigSnapshot config;
    config.daemon_json_present = true;
    auto daemon = parse_daemon_json(text, "/etc/docker/daemon.json");
    if (daemon) config.daemon = std::move(*daemon);
    emit(config_findings(config, true));
  });
  fuzz_text(read_text(weak / "etc/containers/registries.conf"), [](const std::string& text) {
    auto doc = parse_toml_subset(text, "/etc/containers/registries.conf");
    if (!doc) return;
    ConfigSnapshot config;
    for (const InsecureRegistry& r : insecure_registries(*doc))
      config.insecure_registries.push_back({r.name, {{"/etc/containers/registries.conf", r.line}}});
    emit(config_findings(config, false));
  });
  fuzz_text("root:x:0:\ndocker:x:998:alice,bob\nstaff:x:50:\n", [](const std::string& text) {
    for (const auto& [gid, name] : parse_group_names(text))
      CHECK(zt::collector::is_valid_utf8(name));
  });
}

TEST_CASE("registries.conf that is not UTF-8 is refused with its line", "[unit]") {
  CHECK(parse_toml_subset("a = \"ok\"\nb = \"\xff\"\n", "f.conf").error().message ==
        "f.conf:2: not valid UTF-8");
}
