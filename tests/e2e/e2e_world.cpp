#include "tests/e2e/e2e_world.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "tests/support/process.hpp"

namespace zt::testing {

E2eWorld::E2eWorld(std::string_view ingest_yaml, bool https)
    : ingest(std::string(ingest_yaml), https),
      company(ingest.create_company("acme")),
      token(ingest.create_token(company)) {
  make_mixed_host(host.root());
}

AgentSetup E2eWorld::agent_setup() const {
  AgentSetup setup;
  setup.server_url = ingest.base_url();
  if (setup.server_url.starts_with("https://")) setup.ca_file = ingest.tls().certificate();
  setup.enrollment_token = token;
  setup.host_root = host.root();
  return setup;
}

AgentSetup E2eWorld::provisioned_agent_setup() {
  AgentSetup setup = agent_setup();
  setup.api_key = ingest.enroll(token).second;
  setup.enrollment_token.clear();
  return setup;
}

std::vector<std::string> E2eWorld::lines(const std::string& sql) {
  const pg::Rows rows = ingest.owner().exec(sql);
  std::vector<std::string> out;
  for (int r = 0; r < rows.size(); ++r) {
    std::string line;
    for (int c = 0; c < rows.columns(); ++c)
      line += (c ? " | " : "") + std::string(rows.text(r, c));
    out.push_back(line);
  }
  return out;
}

long long E2eWorld::metric(const std::string& series) {
  const test::HttpReply reply = ingest.get("/metrics");
  REQUIRE(reply.status == 200);
  const std::size_t at = reply.body.find(series + " ");
  return at == std::string::npos ? 0 : std::stoll(reply.body.substr(at + series.size() + 1));
}

long long E2eWorld::answered(const std::string& route, int code) {
  return metric("zerotrace_ingest_requests_total{route=\"" + route + "\",code=\"" +
                std::to_string(code) + "\"}");
}

nlohmann::json one_shot_report(const std::filesystem::path& host_root) {
  std::string collectors;
  for (std::string_view name : kE2eCollectors)
    collectors += (collectors.empty() ? "" : ",") + std::string(name);
  const test::Completed done =
      test::run_process({agent_binary(), "--once", "--format", "json", "--collectors",
                         collectors, "--host-root", host_root.string()});
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  return nlohmann::json::parse(done.out);
}

std::vector<std::string> finding_lines(const nlohmann::json& report) {
  std::vector<std::string> out;
  for (const nlohmann::json& f : report.at("findings"))
    out.push_back(f.at("category").get<std::string>() + " | " +
                  f.at("severity").get<std::string>() + " | " + f.at("title").get<std::string>());
  std::sort(out.begin(), out.end());
  return out;
}

std::size_t batches_per_cycle(const std::filesystem::path& host_root, int max_findings) {
  const nlohmann::json report = one_shot_report(host_root);
  std::map<std::string, std::size_t> items = {{"system", 0}, {"network", 0}, {"auth", 0}};
  for (const nlohmann::json& f : report.at("findings")) ++items[f.at("category")];
  items["system"] += report.at("dependencies").size();
  std::size_t batches = 0;
  for (const auto& [category, n] : items)
    batches += std::max<std::size_t>(1, (n + static_cast<std::size_t>(max_findings) - 1) /
                                            static_cast<std::size_t>(max_findings));
  return batches;
}

long long duplicated_rows(E2eWorld& world) {
  return world.count(
             "SELECT count(*) - count(DISTINCT (company_id, agent_id, fingerprint))"
             " FROM vulnerabilities_v2") +
         world.count(
             "SELECT count(*) - count(DISTINCT (scan_id, name, version, location)) FROM dependencies");
}

void upload_one_scan(E2eWorld& world, const AgentSetup& setup) {
  AgentProcess agent(setup);
  agent.start();
  REQUIRE(agent.eventually(
      [&] {
        return world.count("SELECT count(*) FROM ingested_batches") == 1 &&
               agent.spooled_batches() == 0;
      },
      std::chrono::seconds(60)));
  agent.stop();
}

}  // namespace zt::testing
