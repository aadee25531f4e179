// The operator's commands of issue 22 as an operator runs them: company list, token list and
// revoke, prune, each with --format json.
#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <thread>

#include "schema-client/model/wire_format.hpp"
#include "tests/ingest/api/ingest_process.hpp"
#include "tests/schema-client/sample_batch.hpp"

using nlohmann::json;
using zt::testing::IngestProcess;
using Set = std::set<std::string>;

namespace {

Set ids_of(const json& listed, const std::string& key = "id") {
  Set ids;
  for (const json& item : listed) ids.insert(item.at(key).get<std::string>());
  return ids;
}

json enroll_body(const std::string& token) {
  zt::model::AgentInfo info;
  info.name = info.hostname = "web-1";
  return {{"enrollment_token", token}, {"agent", zt::model::to_json(info)}};
}

}  // namespace

TEST_CASE("company list, token list and token revoke", "[integration]") {
  IngestProcess ingest;
  const std::string acme = ingest.create_company("Acme");
  const std::string globex = ingest.create_company("Globex");
  const std::string first = ingest.create_token(acme);
  const auto second = ingest.admin({"token", "create", "--company", acme, "--max-uses", "1",
                                    "--description", "rack 4"});
  REQUIRE(second.exit_code == 0);
  ingest.create_token(globex);
  ingest.enroll(first);

  const auto companies = ingest.admin({"company", "list"});
  REQUIRE(companies.exit_code == 0);
  CHECK(ids_of(companies.output) == Set{acme, globex});
  for (const json& c : companies.output)
    CHECK(c.at("agents") == (c.at("id") == acme ? 1 : 0));

  const auto listed = ingest.admin({"token", "list", "--company", acme});
  REQUIRE(listed.exit_code == 0);
  REQUIRE(listed.output.size() == 2);
  CHECK(ids_of(listed.output, "company_id") == Set{acme});
  CHECK(ids_of(listed.output, "state") == Set{"active"});
  CHECK(listed.output.dump().find(first) == std::string::npos);  // never the token itself
  CHECK(ingest.admin({"token", "list"}).output.size() == 3);

  const std::string id = second.output.at("id");
  const auto revoked = ingest.admin({"token", "revoke", id});
  REQUIRE(revoked.exit_code == 0);
  CHECK(revoked.output.at("revoked") == true);
  for (const json& t : ingest.admin({"token", "list", "--company", acme}).output)
    CHECK(t.at("state") == (t.at("id") == id ? "revoked" : "active"));
  const auto refused =
      ingest.post("/api/v1/enroll", enroll_body(second.output.at("token")).dump());
  CHECK(refused.status == 401);

  CHECK(ingest.admin({"token", "revoke", "00000000-0000-4000-8000-000000000000"}).exit_code == 1);
  CHECK(ingest.admin({"token", "revoke", "not-a-uuid"}).exit_code == 2);
  CHECK(ingest.admin({"token", "create", "--company", acme, "--for-agent",
                      "00000000-0000-4000-8000-000000000000"}).exit_code == 1);
}

TEST_CASE("prune deletes old inventories and keeps each agent's latest", "[integration]") {
  IngestProcess ingest;
  const std::string company = ingest.create_company("Acme");
  const auto [agent, key] = ingest.enroll(ingest.create_token(company));
  const auto [other, other_key] = ingest.enroll(ingest.create_token(company), "web-2");
  auto send = [&](const std::string& k, int hour) {
    const auto batch = zt::testing::completed_scan("machine-" + k, hour);
    REQUIRE(ingest.post("/api/v1/batches", zt::model::serialize(batch), k).status == 200);
    return batch.scan.id;
  };
  const std::string old1 = send(key, 8), old2 = send(key, 9), theirs = send(other_key, 9);
  ingest.owner().exec("UPDATE scans SET created_at = now() - interval '40 days'");
  const std::string recent = send(key, 10);
  const long long per_scan = ingest.count("SELECT count(*) FROM dependencies WHERE scan_id = '" +
                                          recent + "'");
  REQUIRE(per_scan > 0);
  auto scans_with_inventory = [&] {
    const zt::pg::Rows rows =
        ingest.owner().exec("SELECT DISTINCT scan_id::text FROM dependencies");
    Set out;
    for (int r = 0; r < rows.size(); ++r) out.emplace(rows.text(r, 0));
    return out;
  };
  REQUIRE(scans_with_inventory() == Set{old1, old2, theirs, recent});

  const auto pruned = ingest.admin({"prune", "--older-than", "30d"});
  REQUIRE(pruned.exit_code == 0);
  CHECK(pruned.output.at("dependencies_deleted") == 2 * per_scan);
  // The other agent's only inventory is old but its latest: kept.
  CHECK(scans_with_inventory() == Set{theirs, recent});

  CHECK(ingest.admin({"prune", "--older-than", "30d"}).output.at("dependencies_deleted") == 0);
  CHECK(ingest.admin({"prune", "--older-than", "a month"}).exit_code == 2);
  CHECK(ingest.admin({"prune"}).exit_code == 2);
}

TEST_CASE("serve prunes old inventories on its own (retention.dependencies_older_than)",
          "[integration]") {
  IngestProcess ingest("retention:\n  dependencies_older_than: 30d\n");
  const std::string company = ingest.create_company("Acme");
  const auto [agent, key] = ingest.enroll(ingest.create_token(company));
  auto send = [&](int hour) {
    const auto batch = zt::testing::completed_scan("machine-1", hour);
    REQUIRE(ingest.post("/api/v1/batches", zt::model::serialize(batch), key).status == 200);
    return batch.scan.id;
  };
  const std::string old = send(8);
  ingest.owner().exec("UPDATE scans SET created_at = now() - interval '40 days'");
  const std::string recent = send(9);
  const std::string inventories = "SELECT count(DISTINCT scan_id) FROM dependencies";
  REQUIRE(ingest.count(inventories) == 2);

  ingest.stop();
  ingest.start();  // a run right after start
  // Waits for the event with a generous deadline (a loaded machine), never a fixed time.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (ingest.count(inventories) != 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(ingest.count("SELECT count(*) FROM dependencies WHERE scan_id = '" + old + "'") == 0);
  CHECK(ingest.count("SELECT count(*) FROM dependencies WHERE scan_id = '" + recent + "'") > 0);
}
