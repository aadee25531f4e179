#include <catch2/catch.hpp>

#include "collectors/container/daemon_json.hpp"
#include "collectors/container/engine_socket.hpp"
#include "collectors/container/registries_conf.hpp"
#include "collectors/container/toml_subset.hpp"

using namespace zt::container;
using zt::collector::FileInfo;
using zt::collector::FileType;
using zt::model::Severity;

TEST_CASE("daemon.json settings and their lines", "[unit]") {
  auto d = parse_daemon_json(R"({
  "hosts": ["unix:///var/run/docker.sock", "tcp://0.0.0.0:2375"],
  "insecure-registries": ["r:5000"],
  "live-restore": true,
  "userns-remap": "default"
})",
                             "/etc/docker/daemon.json");
  REQUIRE(d.ok());
  CHECK(d->hosts.size() == 2);
  CHECK(d->insecure_registries == std::vector<std::string>{"r:5000"});
  CHECK(d->live_restore == true);
  CHECK(d->userns_remap == "default");
  CHECK_FALSE(d->tls);
  CHECK(d->line_of("hosts") == 2);
  CHECK(d->line_of("live-restore") == 4);
  CHECK(d->line_of("tls") == 0);
  auto empty = parse_daemon_json("{}", "/etc/docker/daemon.json");
  REQUIRE(empty.ok());
  CHECK_FALSE(empty->live_restore.has_value());
}

TEST_CASE("daemon.json errors name the file and the field", "[unit]") {
  auto bad = parse_daemon_json(R"({"live-restore": "yes"})", "/etc/docker/daemon.json");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().message ==
        "/etc/docker/daemon.json: live-restore: expected a boolean, got string");
  auto broken = parse_daemon_json("{\"hosts\": [", "/etc/docker/daemon.json");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.error().message == "/etc/docker/daemon.json: not valid JSON");
}

TEST_CASE("TOML subset: tables and arrays across lines and comments and scalars", "[unit]") {
  auto doc = parse_toml_subset(R"(# top comment
top = 'literal\no-escape'
[containers]
default_ulimits = [
  "nofile=1024:1024",  # a comment inside
  "nproc=4096:4096",
]
pids_limit = 2_048
[[registry]]
location = "a.example" # trailing
insecure = true
[[registry]]
"quoted key" = "x\"y"
)",
                               "containers.conf");
  REQUIRE(doc.ok());
  const auto& e = doc->entries;
  REQUIRE(e.size() == 6);
  CHECK(e[0].table.empty());
  CHECK(std::get<std::string>(e[0].values[0]) == "literal\\no-escape");
  CHECK(e[1].table == "containers");
  CHECK(e[1].is_array);
  CHECK(e[1].values.size() == 2);
  CHECK(e[2].key == "pids_limit");
  CHECK(std::get<long long>(e[2].values[0]) == 2048);
  CHECK(e[2].line == 8);
  CHECK(e[3].block == 2);
  CHECK(std::get<bool>(e[4].values[0]));
  CHECK(e[5].block == 3);
  CHECK(e[5].key == "quoted key");
  CHECK(std::get<std::string>(e[5].values[0]) == "x\"y");
}

TEST_CASE("TOML subset errors carry the line", "[unit]") {
  CHECK(parse_toml_subset("a = 1\nb = {x = 1}\n", "f.conf").error().message ==
        "f.conf:2: unsupported value (expected a string, boolean, integer or array)");
  CHECK(parse_toml_subset("a = \"open\n", "f.conf").error().message ==
        "f.conf:1: unterminated string");
  CHECK(parse_toml_subset("[x\n", "f.conf").error().message == "f.conf:1: malformed table header");
  CHECK(parse_toml_subset("\n\njust words\n", "f.conf").error().message ==
        "f.conf:3: expected key = value");
  CHECK(parse_toml_subset("a = [1, 2\n", "f.conf").error().message ==
        "f.conf:2: unterminated array");
  CHECK(parse_toml_subset("a = 1 b\n", "f.conf").error().message ==
        "f.conf:1: unexpected text after the value");
}

TEST_CASE("registries.conf insecure registries in versions 1 and 2", "[unit]") {
  auto v2 = parse_toml_subset(R"([[registry]]
location = "secure.example"
insecure = false
[[registry]]
prefix = "docker.io"
insecure = true
[[registry.mirror]]
location = "m.example"
insecure = true
)",
                              "registries.conf");
  REQUIRE(v2.ok());
  auto found = insecure_registries(*v2);
  REQUIRE(found.size() == 1);
  CHECK(found[0].name == "docker.io");
  CHECK(found[0].line == 6);
  auto v1 = parse_toml_subset("[registries.insecure]\nregistries = [\"a:5000\", \"b\"]\n",
                              "registries.conf");
  REQUIRE(v1.ok());
  auto old = insecure_registries(*v1);
  REQUIRE(old.size() == 2);
  CHECK(old[1].name == "b");
  CHECK(old[1].line == 2);
}

TEST_CASE("engine socket exposure by mode and group", "[unit]") {
  const auto groups = parse_group_names("root:x:0:\ndocker:x:998:alice\nstaff:x:50:\nbad line\n");
  CHECK(groups.at(998) == "docker");
  CHECK(groups.size() == 3);
  FileInfo info;
  info.type = FileType::socket;
  info.mode = 0660;
  info.gid = 998;
  CHECK_FALSE(socket_exposure(info, groups).has_value());  // root:docker 0660, the norm
  info.mode = 0600;
  info.gid = 0;
  CHECK_FALSE(socket_exposure(info, groups).has_value());  // Podman's root:root 0600
  info.mode = 0666;
  auto world = socket_exposure(info, groups);
  REQUIRE(world);
  CHECK(world->severity == Severity::critical);
  CHECK(world->reason == "every local user can connect to it (mode 0666)");
  info.mode = 0660;
  info.gid = 50;
  auto staff = socket_exposure(info, groups);
  REQUIRE(staff);
  CHECK(staff->severity == Severity::high);
  CHECK(staff->reason == "members of group staff can connect to it (mode 0660)");
  info.mode = 0644;
  info.gid = 0;
  REQUIRE(socket_exposure(info, groups));
  CHECK(socket_exposure(info, groups)->severity == Severity::low);
}
