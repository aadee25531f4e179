// The privacy collector on a host tree made here: planted secrets in their real formats
// (keys generated with openssl and ssh-keygen) and as many near-misses that must give
// nothing; the findings are compared as exact sets, and every output is searched for every
// planted value.
#include "collectors/privacy/privacy_collector.hpp"

#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <iostream>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "collectors/privacy/checksums.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using zt::test::TempTree;

namespace {

// (location, data_type, finding_type, severity)
using Row = std::tuple<std::string, std::string, std::string, std::string>;

struct Plant {
  const TempTree& tree;
  std::vector<std::string> values;  // every secret planted, to be searched for in the output

  void file(const std::string& host_path, const std::string& content, mode_t mode) {
    tree.write(host_path.substr(1), content);
    REQUIRE(::chmod((tree.root() / host_path.substr(1)).c_str(), mode) == 0);
  }
  const std::string& value(std::string v) { return values.emplace_back(std::move(v)); }
};

std::string random_alnum(std::mt19937_64& rng, std::size_t n) {
  static constexpr std::string_view kChars =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += kChars[rng() % kChars.size()];
  return out;
}

// A token of GitHub's or npm's checksummed shape: prefix, 30 characters, CRC32 in base62.
std::string checksummed(std::string_view prefix, std::mt19937_64& rng) {
  const std::string random = random_alnum(rng, 30);
  return std::string(prefix) + random + zt::privacy::base62_fixed(zt::privacy::crc32(random), 6);
}

std::string base64(std::string_view bytes) {
  static constexpr std::string_view kChars =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < bytes.size(); i += 3) {
    const auto v = (static_cast<unsigned char>(bytes[i]) << 16) |
                   (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                   static_cast<unsigned char>(bytes[i + 2]);
    for (int s = 18; s >= 0; s -= 6) out += kChars[(v >> s) & 63];
  }
  if (bytes.size() - i == 1) {
    const auto v = static_cast<unsigned char>(bytes[i]) << 16;
    out += kChars[(v >> 18) & 63];
    out += kChars[(v >> 12) & 63];
    out += "==";
  } else if (bytes.size() - i == 2) {
    const auto v = (static_cast<unsigned char>(bytes[i]) << 16) |
                   (static_cast<unsigned char>(bytes[i + 1]) << 8);
    out += kChars[(v >> 18) & 63];
    out += kChars[(v >> 12) & 63];
    out += kChars[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

void run(const std::string& command) {
  INFO(command);
  REQUIRE(std::system((command + " >/dev/null 2>&1").c_str()) == 0);
}

bool have(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

// The body of a PEM or OpenSSH key file (what must never appear in the output).
std::string key_body(const std::string& text) {
  const std::size_t start = text.find('\n') + 1;
  const std::size_t end = text.find("-----END");
  return text.substr(start, end - start);
}

std::set<Row> rows_of(const zt::collector::CollectResult& result) {
  std::set<Row> rows;
  for (const auto& f : result.findings)
    rows.emplace(f.fields.at("location").get<std::string>(),
                 f.fields.at("data_type").get<std::string>(),
                 f.fields.at("finding_type").get<std::string>(),
                 std::string(zt::model::to_string(f.severity)));
  return rows;
}

std::string everything_in(const zt::collector::CollectResult& result) {
  std::string out = result.inventory.dump();
  for (const auto& f : result.findings)
    out += f.title + f.description + f.remediation + f.fields.dump() + f.metadata.dump();
  for (const std::string& p : result.problems) out += p;
  return out;
}

}  // namespace

TEST_CASE("Privacy finds every planted secret and nothing in the near-misses", "[unit][privacy]") {
  REQUIRE(have("openssl"));
  const bool ssh_keygen = have("ssh-keygen");
  const std::uint64_t seed = std::random_device{}();
  std::cout << "privacy test seed: " << seed << "\n";
  INFO("seed " << seed);
  std::mt19937_64 rng(seed);
  TempTree tree;
  TempTree work;  // where keys are generated
  Plant plant{tree, {}};
  std::set<Row> expected;
  const auto expect = [&](const std::string& location, const char* data_type,
                          const char* finding_type, const char* severity) {
    expected.emplace(location, data_type, finding_type, severity);
  };

  // ---- planted: tokens (world-readable: critical) ----
  const std::string github = plant.value(checksummed("ghp_", rng));
  const std::string npm = plant.value(checksummed("npm_", rng));
  const std::string gitlab = plant.value("glpat-" + random_alnum(rng, 20));
  const std::string slack = plant.value("xoxb-123456789012-1234567890123-" + random_alnum(rng, 24));
  const std::string stripe = plant.value("sk_live_" + random_alnum(rng, 24));
  const std::string sendgrid =
      plant.value("SG." + random_alnum(rng, 22) + "." + random_alnum(rng, 43));
  const std::string pypi = plant.value("pypi-AgEIcHlwaS5vcmc" + random_alnum(rng, 60));
  const std::string fine_grained =
      plant.value("github_pat_" + random_alnum(rng, 22) + "_" + random_alnum(rng, 59));
  plant.file("/opt/app/tokens.txt",
             "github: " + github + "\nnpm=" + npm + "\n" + gitlab + "\nslack " + slack +
                 "\nstripe: \"" + stripe + "\"\n" + sendgrid + "\n" + pypi + "\n" + fine_grained +
                 "\n",
             0644);
  for (const auto& [line, type] : std::vector<std::pair<int, const char*>>{{1, "github_token"},
                                                                           {2, "npm_token"},
                                                                           {3, "gitlab_token"},
                                                                           {4, "slack_token"},
                                                                           {5, "stripe_secret_key"},
                                                                           {6, "sendgrid_api_key"},
                                                                           {7, "pypi_token"},
                                                                           {8, "github_token"}})
    expect("/opt/app/tokens.txt:" + std::to_string(line), type, "api_token", "critical");

  // ---- planted: cloud credentials (group-readable: high) ----
  const std::string aws_id = plant.value("AKIA" + std::string("IOSFODNN7Q2X3Z4W"));
  const std::string aws_secret =
      plant.value("wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + random_alnum(rng, 10));
  plant.file(
      "/root/.aws/credentials",
      "[default]\naws_access_key_id = " + aws_id + "\naws_secret_access_key = " + aws_secret + "\n",
      0640);
  expect("/root/.aws/credentials:2", "aws_access_key", "cloud_credential", "high");
  std::string azure_bytes;
  for (int i = 0; i < 64; ++i) azure_bytes += static_cast<char>(rng() & 0xff);
  const std::string azure = plant.value(base64(azure_bytes));
  plant.file("/srv/web/appsettings.conf",
             "Storage=DefaultEndpointsProtocol=https;AccountName=zt;AccountKey=" + azure +
                 ";EndpointSuffix=core.windows.net\n",
             0640);
  expect("/srv/web/appsettings.conf:1", "azure_storage_key", "cloud_credential", "high");

  // ---- planted: keys without a passphrase (owner-only: medium) ----
  run("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out " +
      (work.root() / "pkcs8.pem").string());
  run("openssl pkey -in " + (work.root() / "pkcs8.pem").string() + " -traditional -out " +
      (work.root() / "ec.pem").string());
  const std::string pkcs8 = zt::test::read_text(work.root() / "pkcs8.pem");
  const std::string ec = zt::test::read_text(work.root() / "ec.pem");
  plant.value(key_body(pkcs8));
  plant.value(key_body(ec));
  plant.file("/home/ann/keys/server.key", pkcs8, 0600);
  plant.file("/home/ann/keys/ec.key", "# the EC key\n" + ec, 0600);
  expect("/home/ann/keys/server.key:1", "pem_private_key", "unprotected_private_key", "medium");
  expect("/home/ann/keys/ec.key:2", "pem_private_key", "unprotected_private_key", "medium");
  // A GCP service-account key, its private key the PKCS#8 one with its newlines escaped.
  std::string escaped;
  for (const char c : pkcs8) escaped += c == '\n' ? std::string("\\n") : std::string(1, c);
  plant.file(
      "/home/ann/gcp.json",
      "{\n  \"type\": \"service_account\",\n  \"project_id\": \"zt\",\n  \"private_key\": \"" +
          escaped + "\",\n  \"client_email\": \"x@zt.iam.gserviceaccount.com\"\n}\n",
      0600);
  expect("/home/ann/gcp.json:4", "gcp_service_account_key", "cloud_credential", "medium");
  if (ssh_keygen) {
    run("ssh-keygen -q -t ed25519 -N '' -C planted -f " + (work.root() / "id_ed25519").string());
    const std::string openssh = zt::test::read_text(work.root() / "id_ed25519");
    plant.value(key_body(openssh));
    plant.file("/home/ann/.ssh/id_ed25519", openssh, 0600);
    expect("/home/ann/.ssh/id_ed25519:1", "openssh_private_key", "unprotected_private_key",
           "medium");
  } else {
    WARN("ssh-keygen not installed: the OpenSSH key cases are not run");
  }
  const std::string putty_private = plant.value(random_alnum(rng, 44));
  plant.file("/home/ann/keys/ann.ppk",
             "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: ann\n"
             "Public-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIFakePublicKeyFakePublicKeyFake\nAAAA\n"
             "Private-Lines: 1\n" +
                 putty_private + "\nPrivate-MAC: 00\n",
             0600);
  expect("/home/ann/keys/ann.ppk:1", "putty_private_key", "unprotected_private_key", "medium");

  // ---- planted: passwords in config and credential files ----
  const std::string jwt = plant.value("jwt-planted-" + random_alnum(rng, 16));
  plant.file("/etc/myapp/config.yaml", "server:\n  port: 8080\n  jwt_secret: " + jwt + "\n", 0644);
  expect("/etc/myapp/config.yaml:3", "jwt_secret", "jwt_signing_secret", "critical");
  const std::string db_password = plant.value("Db-" + random_alnum(rng, 14));
  plant.file("/var/www/site/settings.ini",
             "[db]\nurl = postgres://app:" + db_password + "@db.internal:5432/app\n", 0644);
  expect("/var/www/site/settings.ini:2", "database_url", "stored_password", "critical");
  const std::string env_password = plant.value("Env-" + random_alnum(rng, 14));
  plant.file("/var/www/site/.env", "APP_NAME=site\nDB_PASSWORD=\"" + env_password + "\"\n", 0640);
  expect("/var/www/site/.env:2", "env_password", "stored_password", "high");
  const std::string pgpass = plant.value("Pg-" + random_alnum(rng, 14));
  plant.file("/home/ann/.pgpass", "# local\ndb:5432:*:app:" + pgpass + "\n", 0600);
  expect("/home/ann/.pgpass:2", "pgpass", "stored_password", "medium");
  const std::string mycnf = plant.value("My-" + random_alnum(rng, 14));
  plant.file("/root/.my.cnf", "[client]\nuser=root\npassword=" + mycnf + "\n", 0644);
  expect("/root/.my.cnf:3", "mysql_config", "stored_password", "critical");
  const std::string netrc = plant.value("Net-" + random_alnum(rng, 14));
  plant.file("/home/ann/.netrc", "machine api.example.com login ann password " + netrc + "\n",
             0600);
  expect("/home/ann/.netrc:1", "netrc", "stored_password", "medium");
  const std::string gitcred = plant.value("Git-" + random_alnum(rng, 14));
  plant.file("/home/ann/.git-credentials", "https://ann:" + gitcred + "@git.example.com\n", 0600);
  expect("/home/ann/.git-credentials:1", "git_credentials", "stored_password", "medium");
  const std::string kube_token = plant.value("Kube-" + random_alnum(rng, 30));
  const std::string kube_key = plant.value(base64("kube client key " + random_alnum(rng, 20)));
  plant.file("/home/ann/.kube/config",
             "apiVersion: v1\nusers:\n- name: ann\n  user:\n    token: " + kube_token +
                 "\n- name: cert\n  user:\n    client-key-data: " + kube_key + "\n",
             0640);
  expect("/home/ann/.kube/config:5", "kubeconfig_token", "stored_password", "high");
  expect("/home/ann/.kube/config:8", "kubeconfig_client_key", "stored_password", "high");
  const std::string docker_password = plant.value("Dock-" + random_alnum(rng, 14));
  const std::string docker_auth = plant.value(base64("ann:" + docker_password));
  plant.file("/home/ann/.docker/config.json",
             "{\n  \"auths\": {\n    \"registry.example.com\": {\n      \"auth\": \"" +
                 docker_auth + "\"\n    }\n  }\n}\n",
             0600);
  expect("/home/ann/.docker/config.json:4", "docker_registry_auth", "stored_password", "medium");
  const std::string history = plant.value("Hist-" + random_alnum(rng, 20));
  plant.file("/home/ann/.bash_history", "ls\nexport DEPLOY_TOKEN=" + history + "\ncd /\n", 0600);
  expect("/home/ann/.bash_history:2", "shell_history", "stored_password", "medium");

  // ---- planted: personal data where others can read it ----
  const std::string card = plant.value("4111 1111 1111 1111");
  const std::string amex = plant.value("3782-822463-10005");
  const std::string iban = plant.value("DE89 3704 0044 0532 0130 00");
  const std::string iban_compact = plant.value("GB82WEST12345698765432");
  plant.file(
      "/srv/exports/customers.csv",
      "name,card,iban\nAnn," + card + "," + iban + "\nBob," + amex + "," + iban_compact + "\n",
      0644);
  expect("/srv/exports/customers.csv:2", "visa", "payment_card_number", "high");
  expect("/srv/exports/customers.csv:2", "iban", "bank_account_number", "high");
  expect("/srv/exports/customers.csv:3", "amex", "payment_card_number", "high");
  expect("/srv/exports/customers.csv:3", "iban", "bank_account_number", "high");

  // ---- near-misses: none of these may give a finding ----
  std::string bad_github = checksummed("ghp_", rng);
  bad_github.back() = bad_github.back() == 'A' ? 'B' : 'A';
  std::string bad_npm = checksummed("npm_", rng);
  bad_npm[10] = bad_npm[10] == 'x' ? 'y' : 'x';
  plant.file("/opt/miss/tokens.txt",
             "github: " + bad_github + "\nnpm=" + bad_npm +
                 "\nglpat-short\nxoxb-not-a-token\n"
                 "sk_test_" +
                 random_alnum(rng, 24) +
                 "\nSG.short.short\npypi-AgEIcHlwaS5vcmcshort\n"
                 "AKIAIOSFODNN7Q2X3Z4W alone, no secret near\n"
                 "AccountKey=" +
                 base64("only thirty-two bytes of key....") + "\n",
             0644);
  run("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes256 -pass pass:planted "
      "-out " +
      (work.root() / "encrypted.pem").string());
  run("openssl pkey -in " + (work.root() / "pkcs8.pem").string() +
      " -traditional -aes256 -passout pass:planted -out " + (work.root() / "ec-enc.pem").string());
  plant.file("/home/bob/keys/encrypted.pem", zt::test::read_text(work.root() / "encrypted.pem"),
             0644);
  plant.file("/home/bob/keys/ec-enc.pem", zt::test::read_text(work.root() / "ec-enc.pem"), 0644);
  if (ssh_keygen) {
    run("ssh-keygen -q -t ed25519 -N 'a passphrase' -f " + (work.root() / "id_protected").string());
    plant.file("/home/bob/.ssh/id_ed25519", zt::test::read_text(work.root() / "id_protected"),
               0644);
  }
  plant.file("/home/bob/keys/bob.ppk",
             "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: bob\n"
             "Private-Lines: 1\n" +
                 random_alnum(rng, 44) + "\n",
             0644);
  plant.file("/home/bob/not-a-key.pem",
             "-----BEGIN PRIVATE KEY-----\nnot base64 at all!\n-----END PRIVATE KEY-----\n", 0644);
  plant.file("/etc/bobapp/config.yaml", "jwt_secret: ${JWT_SECRET}\nJWT_SECRET=\n", 0644);
  plant.file("/var/www/bob/settings.ini", "url = postgres://app@db.internal/app\n", 0644);
  plant.file("/opt/miss/README.md", "Set DATABASE_URL=postgres://user:password@localhost/db\n",
             0644);
  plant.file("/var/www/bob/.env", "DB_PASSWORD=\nAPI_TOKEN=${TOKEN}\n", 0644);
  plant.file("/home/bob/.pgpass", "db:5432:*:app:\n", 0644);
  plant.file("/home/bob/.my.cnf", "[client]\npassword=\n", 0644);
  plant.file("/home/bob/.netrc", "machine api.example.com login bob\n", 0644);
  plant.file("/home/bob/.git-credentials", "https://git.example.com\n", 0644);
  plant.file("/home/bob/.kube/config", "users:\n- user:\n    token:\n", 0644);
  plant.file("/home/bob/.docker/config.json",
             "{\"auths\": {\"r\": {\n\"auth\": \"" + base64("nocolon") + "\"\n}}}\n", 0644);
  plant.file("/home/bob/.bash_history", "export DEPLOY_TOKEN=$(cat /run/token)\n", 0644);
  plant.file("/srv/miss/customers.csv",
             "card,iban\n4111 1111 1111 1112,DE88 3704 0044 0532 0130 00\n"
             "order 41111111111111110,GB82WEST1234569876543\n",
             0644);
  // Valid personal data in a file only its owner reads: not reported; nor in a world-readable
  // file of a 0700 home, where a secret is its owner's only (medium).
  plant.file("/home/bob/private.csv", "4111 1111 1111 1111\n", 0600);
  const std::string carol_password = plant.value("Carol-" + random_alnum(rng, 14));
  plant.file("/home/carol/.env", "DB_PASSWORD=" + carol_password + "\n", 0644);
  plant.file("/home/carol/cards.csv", "4111 1111 1111 1111\n", 0644);
  REQUIRE(::chmod((tree.root() / "home/carol").c_str(), 0700) == 0);
  expect("/home/carol/.env:1", "env_password", "stored_password", "medium");

  auto collector = zt::privacy::descriptor().make(
      zt::test::options_of(zt::privacy::descriptor(), {{"hash_salt", "test-salt"}}));
  const zt::collector::CollectResult result = zt::test::collect_at(*collector, tree.root());
  const std::set<Row> rows = rows_of(result);
  for (const Row& row : expected) CHECK(rows.contains(row));  // every planted secret found…
  for (const Row& row : rows) CHECK(expected.contains(row));  // …and nothing else
  CHECK(result.findings.size() == expected.size());
  CHECK(result.inventory["hash_salt_source"] == "option");
  CHECK(result.inventory["walk"]["complete"] == true);

  // No planted value, nor its tail past the masked prefix, appears in any output.
  const std::string output = everything_in(result);
  for (const std::string& value : plant.values) {
    INFO("planted value found in the output: " << value.substr(0, 4) << "...");
    CHECK(output.find(value) == std::string::npos);
    if (value.size() > 8) CHECK(output.find(value.substr(4)) == std::string::npos);
  }
  CHECK(output.find(bad_github) == std::string::npos);
}

TEST_CASE("Privacy's evidence hash is stable for a salt and differs across salts",
          "[unit][privacy]") {
  TempTree tree;
  std::mt19937_64 rng(7);
  const std::string token = checksummed("ghp_", rng);
  tree.write("home/ann/notes.txt", "token " + token + "\n");
  const auto hash_with = [&](const char* salt) {
    auto collector = zt::privacy::descriptor().make(
        zt::test::options_of(zt::privacy::descriptor(), {{"hash_salt", salt}}));
    const auto result = zt::test::collect_at(*collector, tree.root());
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].metadata["masked"] == "ghp_…");
    return result.findings[0].metadata["hash"].get<std::string>();
  };
  CHECK(hash_with("a") == hash_with("a"));
  CHECK(hash_with("a") != hash_with("b"));
}

TEST_CASE("Privacy salts its hashes with the host's SSH host key when no salt is set",
          "[unit][privacy]") {
  TempTree tree;
  tree.write("etc/ssh/ssh_host_ed25519_key", "host key\n");
  tree.write("etc/app.env", "DB_PASSWORD=hunter2-planted\n");
  auto collector = zt::privacy::descriptor().make(zt::test::options_of(zt::privacy::descriptor()));
  const auto result = zt::test::collect_at(*collector, tree.root());
  CHECK(result.inventory["hash_salt_source"] == "/etc/ssh/ssh_host_ed25519_key");
  REQUIRE(result.findings.size() == 1);
  CHECK(result.findings[0].fields["location"] == "/etc/app.env:1");
}

TEST_CASE("Privacy's detectors option turns families off, and a cut walk says so",
          "[unit][privacy]") {
  TempTree tree;
  tree.write("etc/a.env", "DB_PASSWORD=one-planted\n");
  tree.write("etc/b.txt", "4111 1111 1111 1111\n");
  tree.write("etc/c.env", "DB_PASSWORD=three-planted\n");
  auto only_cards = zt::privacy::descriptor().make(zt::test::options_of(
      zt::privacy::descriptor(), {{"detectors", {"personal_data"}}, {"hash_salt", "s"}}));
  const auto cards = zt::test::collect_at(*only_cards, tree.root());
  REQUIRE(cards.findings.size() == 1);
  CHECK(cards.findings[0].fields["data_type"] == "visa");

  auto cut = zt::privacy::descriptor().make(
      zt::test::options_of(zt::privacy::descriptor(), {{"max_files", 2}, {"hash_salt", "s"}}));
  const auto first = zt::test::collect_at(*cut, tree.root());
  CHECK(first.findings.size() == 2);
  CHECK(first.inventory["walk"]["complete"] == false);
  REQUIRE_FALSE(first.problems.empty());
  CHECK(first.problems[0] ==
        "the content walk stopped at /etc/c.env (file budget) after 2 files; the next run "
        "resumes there");
  const auto second = zt::test::collect_at(*cut, tree.root());
  REQUIRE(second.findings.size() == 1);
  CHECK(second.findings[0].fields["location"] == "/etc/c.env:1");
}
