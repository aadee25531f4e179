#include <catch2/catch.hpp>

#include "collectors/container/engine_api.hpp"
#include "collectors/container/image_ref.hpp"
#include "tests/collectors/container/fixtures.hpp"

using namespace zt::container;
using zt::test::api_fixture;

TEST_CASE("container inspect of Podman's privileged container", "[unit]") {
  auto c = parse_container_inspect(api_fixture("podman", "inspect-zt-priv.json"));
  REQUIRE(c.ok());
  CHECK(c->id == "5ca41043f820cc90854aa1799e7d384059748ee453271d42cc8c6b79d0b3b398");
  CHECK(c->name == "zt-priv");
  CHECK(c->image == "localhost/zt-busybox:1.0");
  CHECK(c->image_id.starts_with("sha256:"));
  CHECK(c->state == "running");
  CHECK(c->privileged);
  // Podman's quirks: the capability this sandbox lacks shows as dropped; empty lists are [].
  CHECK(c->cap_drop == std::vector<std::string>{"SYS_RESOURCE"});
  CHECK(c->cap_add.empty());
  CHECK(c->pids_limit == 2048);
  CHECK(c->memory == 0);
  CHECK(c->user.empty());
}

TEST_CASE("container inspect of Podman's socket and host mounts", "[unit]") {
  auto c = parse_container_inspect(api_fixture("podman", "inspect-zt-sock.json"));
  REQUIRE(c.ok());
  REQUIRE(c->mounts.size() == 3);
  CHECK(c->mounts[0].type == "bind");
  CHECK(c->mounts[0].destination == "/var/run/docker.sock");
  CHECK(c->mounts[0].rw);
  bool saw_root_ro = false;
  for (const MountInfo& m : c->mounts)
    if (m.source == "/root") saw_root_ro = !m.rw;
  CHECK(saw_root_ro);
}

TEST_CASE("container inspect of Podman's host namespaces and caps and hardened container",
          "[unit]") {
  auto ns = parse_container_inspect(api_fixture("podman", "inspect-zt-hostns.json"));
  REQUIRE(ns.ok());
  CHECK(ns->network_mode == "host");
  CHECK(ns->pid_mode == "host");
  CHECK(ns->ipc_mode == "shareable");  // Podman's answer even for host IPC
  auto caps = parse_container_inspect(api_fixture("podman", "inspect-zt-caps.json"));
  REQUIRE(caps.ok());
  CHECK(caps->cap_add == std::vector<std::string>{"NET_ADMIN", "SYS_ADMIN", "SYS_PTRACE"});
  auto hard = parse_container_inspect(api_fixture("podman", "inspect-zt-hardened.json"));
  REQUIRE(hard.ok());
  CHECK(hard->user == "1000:1000");
  CHECK(hard->memory == 67108864);
  CHECK(hard->pids_limit == 64);
  CHECK(hard->readonly_rootfs);
  CHECK(hard->security_opt == std::vector<std::string>{"no-new-privileges"});
  CHECK(hard->cap_drop.size() == 14);  // CapDrop ALL, expanded by Podman
}

TEST_CASE("container inspect of Docker's containers with their nulls", "[unit]") {
  auto priv = parse_container_inspect(api_fixture("docker", "inspect-zt-priv.json"));
  REQUIRE(priv.ok());
  CHECK(priv->privileged);
  CHECK(priv->state == "created");  // it could not start here (no CAP_SYS_RESOURCE)
  CHECK(priv->image == "zt-busybox:1.0");
  CHECK_FALSE(priv->pids_limit.has_value());  // Docker sends null
  CHECK(priv->cap_add.empty());
  auto ns = parse_container_inspect(api_fixture("docker", "inspect-zt-hostns.json"));
  REQUIRE(ns.ok());
  CHECK(ns->ipc_mode == "host");
  CHECK(ns->pid_mode == "host");
  auto hard = parse_container_inspect(api_fixture("docker", "inspect-zt-hardened.json"));
  REQUIRE(hard.ok());
  CHECK(hard->cap_drop == std::vector<std::string>{"ALL"});
  auto sock = parse_container_inspect(api_fixture("docker", "inspect-zt-sock.json"));
  REQUIRE(sock.ok());
  CHECK(sock->mounts.size() == 3);
}

TEST_CASE("container inspect errors name the field", "[unit]") {
  auto not_json = parse_container_inspect("<html>");
  REQUIRE_FALSE(not_json.ok());
  CHECK(not_json.error().message == "container inspect: not valid JSON");
  auto array = parse_container_inspect("[]");
  REQUIRE_FALSE(array.ok());
  CHECK(array.error().message == "container inspect: expected a JSON object, got array");
  auto bad = parse_container_inspect(R"({"Id":"abc","HostConfig":{"CapAdd":"SYS_ADMIN"}})");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message ==
        "container inspect: HostConfig.CapAdd: expected an array of strings, got string");
  auto mounts = parse_container_inspect(R"({"Id":"abc","Mounts":[{"RW":"yes"}]})");
  REQUIRE_FALSE(mounts.ok());
  CHECK(mounts.error().message ==
        "container inspect: Mounts[0].RW: expected a boolean, got string");
  auto no_id = parse_container_inspect("{}");
  REQUIRE_FALSE(no_id.ok());
  CHECK(no_id.error().message == "container inspect: Id: missing");
}

TEST_CASE("container lists of both engines", "[unit]") {
  auto podman = parse_container_list(api_fixture("podman", "containers-json-all.json"));
  REQUIRE(podman.ok());
  REQUIRE(podman->size() == 6);
  CHECK((*podman)[0].name == "zt-created-only");
  CHECK((*podman)[0].state == "created");
  CHECK((*podman)[1].status == "Up 5 seconds");
  auto docker = parse_container_list(api_fixture("docker", "containers-json-all.json"));
  REQUIRE(docker.ok());
  REQUIRE(docker->size() == 5);
  CHECK((*docker)[4].name == "zt-priv");
  CHECK((*docker)[4].state == "created");
  CHECK_FALSE(parse_container_list("{}").ok());
  CHECK(parse_container_list(R"([{"Names":["/x"]}])").error().message ==
        "container list: [0].Id: missing");
}

TEST_CASE("image lists of both engines", "[unit]") {
  auto podman = parse_image_list(api_fixture("podman", "images-json-multi.json"));
  REQUIRE(podman.ok());
  REQUIRE(podman->size() == 2);
  CHECK((*podman)[0].tags ==
        std::vector<std::string>{"localhost/zt-busybox:1.0", "localhost/zt-latest:latest"});
  CHECK((*podman)[0].size == 1997912);
  auto docker = parse_image_list(api_fixture("docker", "images-json.json"));
  REQUIRE(docker.ok());
  REQUIRE(docker->size() == 1);
  CHECK((*docker)[0].tags == std::vector<std::string>{"zt-busybox:1.0"});
  auto dangling = parse_image_list(R"([{"Id":"sha256:1","RepoTags":["<none>:<none>"]}])");
  REQUIRE(dangling.ok());
  CHECK((*dangling)[0].tags.empty());
}

TEST_CASE("engine version tells Docker from Podman", "[unit]") {
  auto podman = parse_engine_version(api_fixture("podman", "version.json"));
  REQUIRE(podman.ok());
  CHECK(podman->kind == EngineKind::podman);
  CHECK(podman->version == "4.3.1");
  CHECK(podman->api_version == "1.41");
  auto docker = parse_engine_version(api_fixture("docker", "version.json"));
  REQUIRE(docker.ok());
  CHECK(docker->kind == EngineKind::docker);
  CHECK(docker->version == "20.10.24+dfsg1");
  CHECK_FALSE(parse_engine_version("{}").ok());
  CHECK_FALSE(parse_engine_version("HTTP/1.1 200 OK").ok());
}

TEST_CASE("image references split into name and tag and digest", "[unit]") {
  auto plain = split_image_ref("localhost/zt-busybox:1.0");
  CHECK(plain.name == "localhost/zt-busybox");
  CHECK(plain.tag == "1.0");
  auto port = split_image_ref("registry:5000/app");
  CHECK(port.name == "registry:5000/app");
  CHECK(port.tag.empty());
  auto digest = split_image_ref("registry:5000/app:2@sha256:abcd");
  CHECK(digest.name == "registry:5000/app");
  CHECK(digest.tag == "2");
  CHECK(digest.digest == "sha256:abcd");
  CHECK(split_image_ref("sha256:84625c53d4b3").is_id);
  CHECK(short_id("sha256:84625c53d4b356f051fded") == "84625c53d4b3");
}
