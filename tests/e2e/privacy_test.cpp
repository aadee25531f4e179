// Privacy end to end: the agent daemon runs the privacy collector on a host tree with planted
// secrets and personal data and uploads; the privacy_findings rows equal the one-shot report
// of the same tree, and no row holds a planted value.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "tests/e2e/e2e_world.hpp"
#include "tests/support/process.hpp"

using namespace zt::testing;
using Set = std::set<std::string>;

namespace {

const std::vector<std::string> kPlanted{"Env-e2e-password-7Qx", "Pg-e2e-password-3Kd",
                                        "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00"};

void make_host(const zt::test::TempTree& host) {
  host.write("home/ann/.env", "APP=site\nDB_PASSWORD=" + kPlanted[0] + "\n");
  host.write("home/ann/.pgpass", "db:5432:*:app:" + kPlanted[1] + "\n");
  host.write("srv/exports/customers.csv",
             "name,card,iban\nAnn," + kPlanted[2] + "," + kPlanted[3] + "\n");
}

}  // namespace

TEST_CASE("e2e: privacy_findings rows equal the one-shot report of the same tree, without "
          "a planted value",
          "[integration]") {
  zt::test::TempTree host;
  make_host(host);
  zt::test::TempTree config;
  config.write("agent.yaml", "collectors:\n  privacy:\n    hash_salt: e2e\n");
  const zt::test::Completed done = zt::test::run_process(
      {agent_binary(), "--once", "--format", "json", "--collectors", "privacy", "--host-root",
       host.root().string(), "--config", (config.root() / "agent.yaml").string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  const nlohmann::json report = nlohmann::json::parse(done.out);
  Set rows, kinds;
  for (const nlohmann::json& f : report.at("findings")) {
    if (f.at("category") != "privacy") continue;
    const nlohmann::json& fields = f.at("fields");
    const std::string kind = fields.at("finding_type").get<std::string>() + " | " +
                             fields.at("data_type").get<std::string>() + " | " +
                             fields.at("location").get<std::string>() + " | " +
                             f.at("severity").get<std::string>();
    kinds.insert(kind);
    rows.insert(kind + " | " + f.at("title").get<std::string>() + " | " +
                f.at("metadata").at("hash").get<std::string>());
  }
  CHECK(kinds == Set{"stored_password | env_password | /home/ann/.env:2 | critical",
                     "stored_password | pgpass | /home/ann/.pgpass:1 | critical",
                     "payment_card_number | visa | /srv/exports/customers.csv:2 | high",
                     "bank_account_number | iban | /srv/exports/customers.csv:2 | high"});

  E2eWorld world;
  AgentSetup setup = world.agent_setup();
  setup.host_root = host.root();
  setup.only_collector = "privacy";
  setup.collector_options["privacy"] = "hash_salt: e2e";
  upload_one_scan(world, setup);

  const std::vector<std::string> stored =
      world.lines("SELECT finding_type, data_type, location, severity, title, metadata->>'hash'"
                  " FROM privacy_findings");
  CHECK(Set(stored.begin(), stored.end()) == rows);
  for (const std::string& row : world.lines("SELECT row_to_json(p)::text FROM privacy_findings p"))
    for (const std::string& value : kPlanted) {
      INFO(row);
      CHECK(row.find(value) == std::string::npos);
    }
}
