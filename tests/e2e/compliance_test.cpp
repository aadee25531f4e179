// Compliance end to end: the agent daemon runs the compliance collector on a fixture host and
// uploads; every control's result is a compliance_checks row equal to what the one-shot
// report of the same tree says, and only the failed controls are open vulnerabilities_v2
// findings (with their frameworks); the others are resolved with their result as the reason.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/process.hpp"

using namespace zt::testing;
using Set = std::set<std::string>;

namespace {

namespace fs = std::filesystem;

const std::string kPacks = std::string(ZT_SOURCE_DIR) + "/tests/fixtures/compliance/good";

// The cmp-host tree with the modes its README names (git keeps no modes but the x bit).
void make_host(const zt::test::TempTree& host) {
  host.copy_from(zt::test::fixture_host("cmp-host"));
  const auto rw_r_r = fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                      fs::perms::others_read;
  fs::permissions(host.root() / "etc/passwd", rw_r_r, fs::perm_options::replace);
  fs::permissions(host.root() / "etc/shadow", rw_r_r, fs::perm_options::replace);
}

nlohmann::json one_shot_compliance(const zt::test::TempTree& host) {
  zt::test::TempTree config;
  config.write("agent.yaml", "collectors:\n  compliance:\n    pack_dirs: [" + kPacks + "]\n");
  const zt::test::Completed done = zt::test::run_process(
      {agent_binary(), "--once", "--format", "json", "--collectors", "compliance",
       "--host-root", host.root().string(), "--config", (config.root() / "agent.yaml").string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  return nlohmann::json::parse(done.out);
}

}  // namespace

TEST_CASE("e2e: compliance results in compliance_checks and vulnerabilities_v2 equal the "
          "one-shot report of the same tree",
          "[integration]") {
  zt::test::TempTree host;
  make_host(host);
  const nlohmann::json report = one_shot_compliance(host);
  Set checks, open, closed;
  for (const nlohmann::json& f : report.at("findings")) {
    if (f.at("category") != "compliance") continue;
    const nlohmann::json& fields = f.at("fields");
    const std::string status = fields.at("status");
    checks.insert(fields.at("framework").get<std::string>() + " | " +
                  fields.at("category").get<std::string>() + " | " +
                  fields.at("requirement").get<std::string>() + " | " + status + " | " +
                  f.at("severity").get<std::string>() + " | " +
                  std::to_string(fields.at("evidence").size()));
    (status == "fail" ? open : closed)
        .insert(f.at("title").get<std::string>() + " | " +
                (status == "fail" ? "open" : "resolved " + (status == "pass" ? "passed"
                                                             : status == "error" ? "undecided"
                                                                                 : status)));
  }
  // The fixture's packs give every kind of result but error, which needs a file the probe
  // cannot read (root reads every file; the batch writer's test covers errors).
  for (const char* status : {"| pass |", "| fail |", "| not_applicable |", "| manual |"}) {
    INFO(status);
    CHECK(std::ranges::any_of(checks, [&](const std::string& c) {
      return c.find(status) != std::string::npos;
    }));
  }

  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.host_root = host.root();
  setup.only_collector = "compliance";
  setup.collector_options["compliance"] = "pack_dirs: [" + kPacks + "]";
  upload_one_scan(world, setup);

  const auto as_set = [](const std::vector<std::string>& lines) {
    return Set(lines.begin(), lines.end());
  };
  CHECK(as_set(world.lines("SELECT framework, category, requirement, status, severity,"
                           " jsonb_array_length(evidence) FROM compliance_checks")) == checks);
  CHECK(as_set(world.lines("SELECT title, status FROM vulnerabilities_v2 WHERE category ="
                           " 'compliance' AND status = 'open'")) == open);
  CHECK(as_set(world.lines("SELECT title, status || ' ' || resolved_reason FROM"
                           " vulnerabilities_v2 WHERE category = 'compliance' AND status <>"
                           " 'open'")) == closed);
  // Every finding names its frameworks, as the pack gives them.
  CHECK(world.count("SELECT count(*) FROM vulnerabilities_v2 WHERE category = 'compliance'"
                    " AND NOT metadata ? 'compliance_frameworks'") == 0);
}
