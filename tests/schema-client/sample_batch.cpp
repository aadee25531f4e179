#include "tests/schema-client/sample_batch.hpp"

#include "schema-client/model/fingerprint.hpp"
#include "schema-client/model/uuid.hpp"
#include "schema-client/model/wire_format.hpp"

namespace zt::testing {

using model::Category;
using model::Severity;
using nlohmann::json;

model::Timestamp make_time(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms) {
  using namespace std::chrono;
  return sys_days{year{y} / month{mo} / day{d}} + hours{h} + minutes{mi} + seconds{s} +
         milliseconds{ms};
}

namespace {

model::Finding make(Category category, Severity severity, double risk, std::string title,
                    json fields, json metadata) {
  model::Finding f;
  f.category = category;
  f.severity = severity;
  f.risk_score = risk;
  f.title = std::move(title);
  f.description = "Seen by the " + std::string(to_string(category)) + " collector.";
  f.remediation = "See the evidence in metadata.";
  f.fields = std::move(fields);
  f.metadata = std::move(metadata);
  f.fingerprint = model::compute_fingerprint(kAgentIdentity, f);
  return f;
}

}  // namespace

model::Finding sample_finding(Category category) {
  switch (category) {
    case Category::system:
      return make(category, Severity::high, 7.5, "openssl 3.0.11-1~deb12u1: CVE-2023-5678",
                  {{"vulnerability_type", "package"},
                   {"os_name", "Debian GNU/Linux"},
                   {"os_version", "12"},
                   {"component_name", "openssl"},
                   {"component_version", "3.0.11-1~deb12u1"},
                   {"cve_id", "CVE-2023-5678"},
                   {"patch_available", true},
                   {"patch_url", "https://security-tracker.debian.org/tracker/CVE-2023-5678"},
                   {"eol_date", "2028-06-30"}},
                  {{"source", "/var/lib/dpkg/status"}, {"cvss_score", 5.3}});
    case Category::network:
      return make(category, Severity::medium, 5.3, "TLS certificate of 0.0.0.0:443 expires soon",
                  {{"host", "0.0.0.0"},
                   {"port", 443},
                   {"protocol", "tcp"},
                   {"service_name", "nginx"},
                   {"service_version", "1.22.1"},
                   {"ssl_enabled", true},
                   {"ssl_version", "TLSv1.2"},
                   {"ssl_cipher", "ECDHE-RSA-AES128-GCM-SHA256"},
                   {"ssl_cert_expiry", "2026-12-01T23:59:59.000Z"},
                   {"vulnerability_count", 2}},
                  {{"finding_type", "tls_cert_expiring"}, {"days_left", 5}});
    case Category::compliance:
      return make(category, Severity::low, 3.1, "CIS 1.1.2.1: /tmp is not a separate partition",
                  {{"framework", "CIS Debian Linux 12 v1.0.0"},
                   {"category", "Filesystem"},
                   {"requirement", "1.1.2.1"},
                   {"status", "fail"},
                   {"evidence", {{"file", "/etc/fstab"}, {"mounts", json::array()}}}},
                  json::object());
    case Category::auth:
      return make(category, Severity::critical, 9.8, "Account backup has an empty password",
                  {{"finding_type", "empty_password"}, {"user_account", "backup"}},
                  {{"file", "/etc/shadow"}, {"line", 17}});
    case Category::database:
      return make(category, Severity::high, 8.1, "PostgreSQL trusts local connections",
                  {{"database_type", "postgresql"},
                   {"host", "127.0.0.1"},
                   {"port", 5432},
                   {"database_name", "all"},
                   {"finding_type", "trust_auth"}},
                  {{"file", "/etc/postgresql/15/main/pg_hba.conf"}, {"line", 98}});
    case Category::api:
      return make(category, Severity::high, 7.2, "GET /admin answers without authentication",
                  {{"api_type", "rest"},
                   {"endpoint", "http://127.0.0.1:8080/admin"},
                   {"method", "GET"},
                   {"finding_type", "unauthenticated_endpoint"}},
                  {{"status_code", 200}});
    case Category::container:
      return make(category, Severity::high, 8.0, "Container web runs privileged",
                  {{"container_id", "3f4e9a1b2c7d"},
                   {"image_name", "docker.io/library/nginx"},
                   {"image_tag", "1.21"},
                   {"finding_type", "privileged_container"}},
                  {{"runtime", "docker"}});
    case Category::ai_ml:
      return make(category, Severity::medium, 6.0, "Model server listens on all interfaces",
                  {{"finding_type", "exposed_model_server"},
                   {"model_name", "llama3"},
                   {"model_version", "8b-instruct-q4_0"},
                   {"framework", "ollama"}},
                  {{"listen", "0.0.0.0:11434"}});
    case Category::iot_ot:
      return make(category, Severity::critical, 9.1, "Modbus writes accepted without auth",
                  {{"device_type", "plc"},
                   {"device_id", "plc-line-3"},
                   {"protocol", "modbus/tcp"},
                   {"finding_type", "unauthenticated_write"}},
                  {{"unit_id", 1}});
    case Category::privacy:
      return make(category, Severity::medium, 4.4, "E-mail addresses in an access log",
                  {{"finding_type", "pii_in_log"},
                   {"data_type", "email_address"},
                   {"location", "/var/log/app/access.log"}},
                  {{"matches", 12}});
    case Category::web3:
      return make(category, Severity::critical, 9.9, "Wallet private key readable by all",
                  {{"finding_type", "private_key_on_disk"},
                   {"contract_address", "0x5FbDB2315678afecb367f032d93F642f64180aa3"},
                   {"network", "ethereum-mainnet"}},
                  {{"location", "/home/dev/.ethereum/keystore/key.json"}});
    case Category::config:
      return make(category, Severity::high, 7.0, "sshd permits root login",
                  {{"finding_type", "weak_setting"},
                   {"category", "remote access"},
                   {"affected_component", "PermitRootLogin"},
                   {"config_snippet", "PermitRootLogin yes"},
                   {"line_numbers", {32}},
                   {"compliance_frameworks", {"CIS", "PCI-DSS"}},
                   {"status", "open"},
                   {"filename", "sshd_config"},
                   {"file_path", "/etc/ssh/sshd_config"},
                   {"file_hash", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
                   {"device_type", "server"},
                   {"manufacturer", "OpenBSD"},
                   {"model", "OpenSSH"},
                   {"firmware_version", "9.2p1"},
                   {"config_type", "sshd"}},
                  {{"value", "yes"}});
  }
  return {};
}

std::vector<model::ConfigFile> sample_config_files() {
  return {{.file_path = "/etc/ssh/sshd_config",
           .filename = "sshd_config",
           .file_hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
           .device_type = "server",
           .manufacturer = "OpenBSD",
           .model = "OpenSSH",
           .firmware_version = "9.2p1",
           .config_type = "sshd",
           .parsing_status = "parsed",
           .analysis_status = "analyzed",
           .parsed_data = {{"PermitRootLogin", {{"value", "yes"}, {"line", 32}}}},
           .analysis = model::ConfigAnalysis{.total_findings = 1,
                                             .critical_findings = 0,
                                             .compliance_scores = {{"cis", 87.5}, {"pci_dss_4", 90.0}},
                                             .overall_security_score = 92.31,
                                             .overall_risk_score = 7.0}},
          {.file_path = "/srv/backups/switch-04.cfg",
           .filename = "switch-04.cfg",
           .file_hash = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
           .device_type = "",
           .manufacturer = "",
           .model = "",
           .firmware_version = "",
           .config_type = "",
           .parsing_status = "unsupported",
           .analysis_status = "not_analyzed",
           .parsed_data = nlohmann::json::object(),
           .analysis = std::nullopt}};
}

model::Batch sample_batch() {
  model::Batch b;
  b.batch_id = "0d3c5b7e-8a41-4f2b-9c6d-1e2f3a4b5c6d";
  b.agent = {.name = "web-01",
             .hostname = "web-01.example.internal",
             .version = "0.1.0",
             .os = "linux",
             .os_version = "Debian GNU/Linux 12 (bookworm)",
             .cpu_cores = 8,
             .memory_gb = 15.6,
             .capabilities = {{"collectors", {"system", "network", "config"}}},
             .metrics = {{"spool_batches", 3}, {"dropped_batches", 0}}};
  b.scan.id = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
  b.scan.scan_type = "scheduled";
  b.scan.status = model::ScanStatus::partial;
  b.scan.progress = 100;
  b.scan.start_time = make_time(2026, 11, 26, 17, 28, 48, 123);
  b.scan.end_time = make_time(2026, 11, 26, 17, 29, 3, 7);
  b.scan.options = {{"collectors", {"system", "network"}}};
  b.scan.results = {
      {"network", {.status = model::CollectorStatus::completed,
                   .category = model::Category::network,
                   .started_at = make_time(2026, 11, 26, 17, 28, 48, 200),
                   .duration_ms = 1830,
                   .finding_count = 1,
                   .dependency_count = 0,
                   .inventory = json{{"listeners", 4}}}},
      {"system", {.status = model::CollectorStatus::timed_out,
                  .category = model::Category::system,
                  .started_at = make_time(2026, 11, 26, 17, 28, 48, 123),
                  .duration_ms = 14000,
                  .finding_count = 0,
                  .dependency_count = 2,
                  .errors = {"did not finish within its timeout of 14 s"},
                  .inventory = json::object()}},
      {"container", {.status = model::CollectorStatus::unavailable,
                     .errors = {"no container engine socket found"}}}};
  b.scan.metadata = {{"trigger", "timer"}};
  for (const model::CategorySpec& s : model::all_categories())
    b.findings.push_back(sample_finding(s.category));
  // The second as an agent before 0008 sends it: no source, architecture or ecosystem.
  b.dependencies = {
      {"libssl3", "3.0.11-1~deb12u1", "deb", "/var/lib/dpkg/status", "Apache-2.0", "openssl",
       "3.0.11-1~deb12u1", "amd64", "Debian:12"},
      {"libc6", "2.36-9+deb12u4", "deb", "/var/lib/dpkg/status", ""}};
  return b;
}

model::Batch running_batch() {
  model::Batch b = sample_batch();
  b.batch_id = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
  b.scan.status = model::ScanStatus::running;
  b.scan.progress = 40;
  b.scan.end_time = std::nullopt;
  return b;
}

model::Batch sample_batch_with_config_files() {
  model::Batch b = sample_batch();
  b.config_files = sample_config_files();
  return b;
}

json sample_document() { return model::to_json(sample_batch_with_config_files()); }

model::Batch completed_scan(const std::string& agent_identity, int hour) {
  model::Batch batch = sample_batch();
  batch.batch_id = model::new_uuid();
  batch.scan.id = model::new_uuid();
  batch.scan.start_time = make_time(2026, 11, 26, hour, 0, 0);
  batch.scan.end_time = make_time(2026, 11, 26, hour, 1, 0);
  batch.scan.status = model::ScanStatus::completed;
  batch.scan.results.clear();
  for (const auto& s : model::all_categories())
    batch.scan.results[std::string(s.name)] = {.status = model::CollectorStatus::completed,
                                               .category = s.category};
  for (auto& f : batch.findings) f.fingerprint = model::compute_fingerprint(agent_identity, f);
  return batch;
}

model::Batch next_scan(const model::Batch& scan, int hour) {
  model::Batch next = completed_scan(kAgentIdentity, hour);
  next.findings = scan.findings;
  next.dependencies = scan.dependencies;
  return next;
}

FindingChanges change_findings(model::Batch& scan, std::mt19937_64& random,
                               const std::string& agent_identity, int& next_port) {
  FindingChanges changes;
  std::uniform_int_distribution<int> eighth(0, 7), added(0, 3);
  std::vector<model::Finding> kept;
  for (model::Finding& f : scan.findings) {
    const int draw = eighth(random);
    if (draw == 0) {
      changes.removed.insert(f.fingerprint);
      continue;
    }
    if (draw == 1) {
      f.title += " (changed)";
      changes.changed.insert(f.fingerprint);
    }
    kept.push_back(std::move(f));
  }
  for (int n = added(random); n > 0; --n) {
    model::Finding f = sample_finding(model::Category::network);
    f.fields["port"] = next_port++;
    f.title = "port " + std::to_string(next_port - 1) + " answers";
    f.fingerprint = model::compute_fingerprint(agent_identity, f);
    changes.added.insert(f.fingerprint);
    kept.push_back(std::move(f));
  }
  scan.findings = std::move(kept);
  return changes;
}

}  // namespace zt::testing
