// The collector against a real Podman API service (see podman_service.hpp): five containers
// made through the API, started, then collected over the socket the test chose.
#include <catch2/catch.hpp>
#include <map>
#include <set>

#include "collectors/container/container_collector.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/container/podman_service.hpp"
#include "tests/support/collector_harness.hpp"

using namespace std::chrono_literals;
using nlohmann::json;
using zt::collector::CollectResult;
using zt::collector::HostFs;
using zt::model::Finding;
using zt::model::Severity;
using Types = std::set<std::string>;

namespace {

constexpr const char* kImage = "localhost/zt-busybox:1.0";

// The containers of the test, made once: name → id.
const std::map<std::string, std::string>& podman_containers() {
  static const std::map<std::string, std::string> ids = [] {
    zt::test::PodmanService& podman = zt::test::shared_podman();
    const json sleep = json::array({"/bin/sleep", "600"});
    std::map<std::string, std::string> out;
    out["zt-priv"] =
        podman.run("zt-priv", {{"Image", kImage},
                               {"Cmd", sleep},
                               {"HostConfig", {{"Privileged", true}, {"NetworkMode", "none"}}}});
    out["zt-hostns"] = podman.run(
        "zt-hostns",
        {{"Image", kImage},
         {"Cmd", sleep},
         {"HostConfig", {{"NetworkMode", "host"}, {"PidMode", "host"}, {"IpcMode", "host"}}}});
    out["zt-sock"] = podman.run(
        "zt-sock",
        {{"Image", kImage},
         {"Cmd", sleep},
         {"HostConfig",
          {{"NetworkMode", "none"},
           {"Binds", {podman.socket().string() + ":/var/run/docker.sock", "/etc:/host-etc:rw"}}}}});
    out["zt-caps"] = podman.run(
        "zt-caps",
        {{"Image", "localhost/zt-busybox:latest"},
         {"Cmd", sleep},
         {"HostConfig",
          {{"NetworkMode", "none"}, {"CapAdd", {"SYS_ADMIN", "NET_ADMIN", "SYS_PTRACE"}}}}});
    out["zt-hardened"] = podman.run("zt-hardened", {{"Image", kImage},
                                                    {"Cmd", sleep},
                                                    {"User", "1000:1000"},
                                                    {"HostConfig",
                                                     {{"NetworkMode", "none"},
                                                      {"Memory", 67108864},
                                                      {"PidsLimit", 64},
                                                      {"ReadonlyRootfs", true},
                                                      {"CapDrop", {"ALL"}},
                                                      {"SecurityOpt", {"no-new-privileges"}}}}});
    return out;
  }();
  return ids;
}

CollectResult collect_podman() {
  auto collector = zt::container::descriptor().make(zt::test::options_of(
      zt::container::descriptor(), {{"socket", zt::test::shared_podman().socket().string()}}));
  REQUIRE(collector->capabilities(HostFs("/")).usable);
  return zt::test::collect_at(*collector, "/");
}

}  // namespace

// Where containers cannot be made (limitation()), what does run is checked: the real API
// service answers, the collector finds and reports the engine, with no container and no
// problem; the container findings are then covered by the recorded engine answers
// (api_parsers_test.cpp, report_test.cpp).
bool containers_possible() {
  const std::string& limitation = zt::test::shared_podman().limitation();
  if (!limitation.empty()) WARN("live containers not made: " << limitation);
  return limitation.empty();
}

TEST_CASE("Podman: the findings of each live container", "[integration]") {
  if (!containers_possible()) {
    const CollectResult result = collect_podman();
    CHECK(result.problems.empty());
    for (const Finding& f : result.findings) CHECK(f.fields.at("container_id") == "");
    return;
  }
  const auto& ids = podman_containers();
  const CollectResult result = collect_podman();
  INFO("problems: " << json(result.problems).dump());
  CHECK(result.problems.empty());

  std::map<std::string, Types> by_container;  // container id → finding types
  for (const Finding& f : result.findings) {
    CHECK(zt::model::finding_problems(f, "$").empty());
    const std::string id = f.fields.at("container_id");
    if (!id.empty()) by_container[id].insert(f.fields.at("finding_type").get<std::string>());
  }
  // Podman reports IpcMode "shareable" even for host IPC (see finding_types.hpp), and its
  // default PidsLimit (2048) is a limit.
  const Types base = {"root_user_no_userns", "no_memory_limit"};
  auto with_base = [&](Types extra) {
    extra.insert(base.begin(), base.end());
    return extra;
  };
  CHECK(by_container[ids.at("zt-priv")] == with_base({"privileged_container"}));
  CHECK(by_container[ids.at("zt-hostns")] ==
        with_base({"host_network_namespace", "host_pid_namespace"}));
  CHECK(by_container[ids.at("zt-sock")] ==
        with_base({"engine_socket_mounted", "sensitive_host_mount"}));
  CHECK(by_container[ids.at("zt-caps")] == with_base({"added_capabilities", "image_latest_tag"}));
  CHECK(by_container.count(ids.at("zt-hardened")) == 0);
  CHECK(by_container.size() == 4);

  for (const Finding& f : result.findings) {
    if (f.fields.at("container_id") == ids.at("zt-sock") &&
        f.fields.at("finding_type") == "engine_socket_mounted") {
      CHECK(f.severity == Severity::critical);
      CHECK(f.metadata.at("value")[0].at("source") == zt::test::shared_podman().socket().string());
    }
    if (f.fields.at("container_id") == ids.at("zt-caps") &&
        f.fields.at("finding_type") == "added_capabilities") {
      CHECK(f.severity == Severity::critical);
      CHECK(f.fields.at("image_name") == "localhost/zt-busybox");
      CHECK(f.fields.at("image_tag") == "latest");
      CHECK(f.description.find("zt-caps (" + ids.at("zt-caps").substr(0, 12) + ")") !=
            std::string::npos);
    }
  }
}

TEST_CASE("Podman: the inventory lists the engine and its containers and images", "[integration]") {
  const bool possible = containers_possible();
  const std::map<std::string, std::string> none;
  const auto& ids = possible ? podman_containers() : none;
  const CollectResult result = collect_podman();
  const json& inventory = result.inventory;
  REQUIRE(inventory.at("engine").is_object());
  CHECK(inventory.at("engine").at("kind") == "podman");
  CHECK(inventory.at("engine").at("api_version") == "1.41");
  CHECK_FALSE(inventory.at("engine").at("version").get<std::string>().empty());
  CHECK(inventory.at("engine").at("socket") == zt::test::shared_podman().socket().string());
  if (!possible) {
    CHECK(inventory.at("containers").empty());
    CHECK(inventory.at("images").empty());
    return;
  }
  std::map<std::string, std::string> states;
  for (const json& c : inventory.at("containers"))
    states[c.at("id").get<std::string>()] = c.at("state").get<std::string>();
  CHECK(states.size() == ids.size());
  for (const auto& [name, id] : ids) {
    INFO(name);
    CHECK(states[id] == "running");
  }
  REQUIRE(inventory.at("images").size() == 1);
  CHECK(inventory.at("images")[0].at("tags") ==
        json::array({"localhost/zt-busybox:1.0", "localhost/zt-busybox:latest"}));
  CHECK(inventory.at("containers_not_inspected") == 0);
}
