// The web3 collector on a host tree made here: every planted wallet, key, phrase and node
// gives exactly its finding, an equal set of near-misses gives nothing, and no planted
// secret appears in any output (findings, inventory, problems).
#include "collectors/web3/web3_collector.hpp"

#include <catch2/catch.hpp>
#include <iterator>
#include <set>
#include <sstream>
#include <tuple>

#include "collectors/core/content_collector.hpp"
#include "collectors/web3/finding_types.hpp"
#include "schema-client/model/validation.hpp"
#include "tests/collectors/web3/wallet_fixtures.hpp"
#include "tests/support/collector_harness.hpp"
#include "tests/support/temp_tree.hpp"

using nlohmann::json;
using zt::collector::CollectResult;
using zt::test::TempTree;
namespace fx = zt::test::web3;
namespace fs = std::filesystem;

namespace {

using Seen = std::tuple<std::string, std::string, std::string>;  // type, location, network

std::vector<unsigned char> concat(std::vector<unsigned char> a,
                                  const std::vector<unsigned char>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Every secret planted in the tree, in each spelling an output might leak it in.
struct Planted {
  std::vector<std::string> secrets;
  void phrase(const std::string& words) {
    secrets.push_back(words);
    std::istringstream in(words);
    std::vector<std::string> list{std::istream_iterator<std::string>(in), {}};
    for (std::size_t i = 0; i + 3 <= list.size(); ++i)  // any three words in a row
      secrets.push_back(list[i] + " " + list[i + 1] + " " + list[i + 2]);
  }
  void hex(const std::string& digits) {
    secrets.push_back(digits);
    std::string upper = digits;
    for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    secrets.push_back(upper);
    secrets.push_back(digits.substr(4, 24));  // beyond the masked prefix
  }
};

struct Host {
  TempTree tree;
  Planted planted;
  std::set<Seen> expected;
};

void plant(Host& h) {
  const TempTree& t = h.tree;
  t.write("etc/machine-id", "5a1c0ffee5a1c0ffee5a1c0ffee5a1c0\n");

  // Ethereum keystores: geth --lightkdf (weak), and the standard cost on sepolia.
  const std::string weak_path =
      "/home/alice/.ethereum/keystore/UTC--2024-01-01T00-00-00.000000000Z--1111";
  t.write(weak_path.substr(1), fx::v3_keystore("scrypt", 4096, "1111"));
  h.expected.insert({"eth_keystore_weak_kdf", weak_path, ""});
  const std::string standard_path =
      "/home/alice/.ethereum/sepolia/keystore/UTC--2024-01-01T00-00-00.000000000Z--2222";
  t.write(standard_path.substr(1), fx::v3_keystore("scrypt", 262144, "2222"));
  h.expected.insert({"eth_keystore", standard_path, "sepolia"});

  // A Solana keypair.
  const fx::Ed25519Pair pair = fx::ed25519_pair();
  t.write("home/bob/.config/solana/id.json",
          fx::byte_array_json(concat(pair.secret, pair.public_key)));
  h.planted.hex(fx::hex_of(pair.secret));
  h.planted.secrets.push_back(fx::byte_array_json(pair.secret).substr(0, 40));
  h.expected.insert({"solana_keypair_plaintext", "/home/bob/.config/solana/id.json", ""});

  // A raw key in a project's .env, line 3.
  const std::string key = fx::random_hex(64);
  t.write("home/bob/project/.env",
          "RPC_URL=http://localhost:8545\nCHAIN_ID=1\nPRIVATE_KEY=0x" + key + "\n");
  h.planted.hex(key);
  h.expected.insert({"raw_private_key", "/home/bob/project/.env:3", ""});

  // A 24-word phrase in notes, line 2.
  const std::string phrase = fx::valid_mnemonic(24);
  t.write("home/carol/notes/backup.txt", "my wallet, keep safe:\n" + phrase + "\n");
  h.planted.phrase(phrase);
  h.expected.insert({"mnemonic_phrase", "/home/carol/notes/backup.txt:2", ""});

  // Bitcoin Core: an unencrypted legacy wallet, an encrypted descriptor wallet on testnet3.
  const std::string wallet_key = fx::random_hex(64);
  t.write("home/carol/.bitcoin/wallet.dat", fx::bdb_wallet(false, wallet_key));
  h.planted.hex(wallet_key);
  h.expected.insert(
      {"bitcoin_wallet_unencrypted", "/home/carol/.bitcoin/wallet.dat", "bitcoin-mainnet"});
  t.write("home/carol/.bitcoin/testnet3/wallets/savings/wallet.dat",
          fx::sqlite_wallet(true, fx::random_hex(64)));
  h.expected.insert({"bitcoin_wallet_encrypted",
                     "/home/carol/.bitcoin/testnet3/wallets/savings/wallet.dat",
                     "bitcoin-testnet3"});

  // Validator keys: one alone, one with Lighthouse's database, one weak with an interchange file.
  const std::string alone = "/srv/validator_keys/keystore-m_12381_3600_0_0_0-1700000000.json";
  t.write(alone.substr(1), fx::eip2335_keystore(262144, "a0" + fx::random_hex(94)));
  h.expected.insert({"validator_no_slashing_protection", alone, ""});
  const std::string guarded = "/opt/lighthouse/mainnet/validators/0xa1/voting-keystore.json";
  t.write(guarded.substr(1), fx::eip2335_keystore(262144, "a1" + fx::random_hex(94)));
  t.write("opt/lighthouse/mainnet/validators/slashing_protection.sqlite", "SQLite format 3");
  h.expected.insert({"validator_keystore", guarded, "mainnet"});
  const std::string weak_validator =
      "/opt/staking/keys/keystore-m_12381_3600_1_0_0-1700000000.json";
  t.write(weak_validator.substr(1), fx::eip2335_keystore(4096, "a2" + fx::random_hex(94)));
  t.write("opt/staking/slashing-protection-export.json",
          R"({"metadata":{"interchange_format_version":"5"},"data":[]})");
  h.expected.insert({"validator_keystore_weak_kdf", weak_validator, ""});

  // Nodes: a running geth open to all with admin and an unlocked account; a besu unit on every
  // interface; a nethermind file serving debug on loopback.
  t.write("proc/4242/cmdline", fx::cmdline({"/usr/bin/geth", "--mainnet", "--http", "--http.addr",
                                        "0.0.0.0", "--http.api", "eth,net,web3,admin", "--unlock",
                                        "0x00000000000000000000000000000000000000aa"}));
  h.expected.insert({"node_rpc_dangerous_api_exposed", "process:/usr/bin/geth", "mainnet"});
  h.expected.insert({"node_unlocked_account", "process:/usr/bin/geth", "mainnet"});
  t.write("etc/systemd/system/besu.service",
          "[Service]\nExecStart=/opt/besu/bin/besu --network=holesky --rpc-http-enabled \\\n"
          "  --rpc-http-host=0.0.0.0\n");
  h.expected.insert({"node_rpc_exposed", "unit:/etc/systemd/system/besu.service", "holesky"});
  t.write(
      "etc/nethermind/node.json",
      R"({"JsonRpc": {"Enabled": true, "Host": "127.0.0.1", "EnabledModules": ["Eth", "Debug"]}})");
  h.expected.insert({"node_rpc_dangerous_api", "config:/etc/nethermind/node.json", ""});
}

// As many near-misses, each giving nothing.
void plant_near_misses(Host& h) {
  const TempTree& t = h.tree;
  t.write("home/dave/essay.txt", "draft\n" + fx::invalid_mnemonic(12) + "\n");
  const std::string twelve = fx::valid_mnemonic(12);
  t.write("home/dave/list.txt", twelve.substr(0, twelve.rfind(' ')) + "\n");
  h.planted.phrase(twelve);  // its first eleven words must not leave either
  t.write("home/dave/.ethereum/keystore/UTC--2024-01-01T00-00-00.000000000Z--3333",
          R"({"address":"3333","id":"d0a0","version":3})");
  std::vector<unsigned char> sixty_three =
      concat(fx::ed25519_pair().secret, fx::ed25519_pair().public_key);
  sixty_three.pop_back();
  t.write("home/dave/.config/solana/id.json", fx::byte_array_json(sixty_three));
  std::vector<unsigned char> mismatched =
      concat(fx::ed25519_pair().secret, fx::ed25519_pair().public_key);
  t.write("home/dave/.config/solana/other.json", fx::byte_array_json(mismatched));
  t.write("home/dave/app/Cargo.lock",
          "[[package]]\nname = \"serde\"\nversion = \"1.0.197\"\nchecksum = \"" +
              fx::random_hex(64) + "\"\n");
  t.write("home/dave/app/settings.py", "SECRET_KEY = '" + fx::random_hex(64) + "'\n");
  t.write("home/dave/.bitcoin/wallet.dat", "not a database, just text that is long enough\n");
  t.write("proc/5151/cmdline",
          fx::cmdline({"geth", "--http", "--http.addr", "127.0.0.1", "--http.api", "eth,net,web3"}));
  t.write("etc/systemd/system/geth-local.service", "[Service]\nExecStart=/usr/bin/geth --http\n");
  // An installed package's documentation example.
  t.write("home/dave/.local/lib/python3.11/site-packages/sdk/README.rst",
          "Example::\n\n    PRIVATE_KEY=0x" + fx::random_hex(64) + "\n");
  // The unit of the running geth: the process's findings, not the unit's.
  t.write("etc/systemd/system/geth.service",
          "[Service]\nExecStart=/usr/bin/geth --mainnet --http --http.addr 0.0.0.0 --http.api "
          "eth,net,web3,admin --unlock 0x00000000000000000000000000000000000000aa\n");
  t.write("proc/6161/cmdline", fx::cmdline({"/usr/bin/python3", "-m", "http.server"}));
}

void set_mode(const TempTree& tree, std::string_view relative, fs::perms mode) {
  fs::permissions(tree.root() / relative, mode, fs::perm_options::replace);
}

CollectResult run(const Host& h, const json& overrides = json::object()) {
  json options = {{"roots", {"/home", "/root", "/etc", "/opt", "/srv"}},
                  {"node_config_files", {"/etc/nethermind/node.json"}}};
  options.update(overrides);
  return zt::test::collect_at(
      *zt::web3::descriptor().make(zt::test::options_of(zt::web3::descriptor(), options)),
      h.tree.root());
}

std::set<Seen> seen(const CollectResult& r) {
  std::set<Seen> out;
  for (const auto& f : r.findings)
    out.insert({f.fields.at("finding_type").get<std::string>(),
                f.metadata.at("location").get<std::string>(),
                f.fields.value("network", std::string())});
  return out;
}

std::string every_output(const CollectResult& r) {
  std::string all = r.inventory.dump();
  for (const auto& f : r.findings)
    all += f.title + f.description + f.remediation + f.fields.dump() + f.metadata.dump();
  for (const auto& p : r.problems) all += p;
  return all;
}

}  // namespace

TEST_CASE("web3: the planted host gives exactly its findings, the near-misses nothing", "[unit]") {
  Host h;
  plant(h);
  plant_near_misses(h);
  using P = fs::perms;
  const P folder = P::owner_all | P::group_read | P::group_exec | P::others_read | P::others_exec;
  for (std::string_view dir : {"home", "home/bob", "home/bob/project"})
    set_mode(h.tree, dir, folder);
  set_mode(h.tree, "home/bob/project/.env",
           P::owner_read | P::owner_write | P::group_read | P::others_read);
  set_mode(h.tree, "home/bob/.config/solana/id.json", P::owner_read | P::owner_write);
  const CollectResult r = run(h);
  CHECK(r.problems.empty());
  for (const auto& p : r.problems) UNSCOPED_INFO(p);
  CHECK(seen(r) == h.expected);
  CHECK(r.findings.size() == h.expected.size());
  for (const auto& f : r.findings) {
    INFO(f.title);
    CHECK(zt::model::finding_problems(f, "$").empty());
    const auto type = f.fields.at("finding_type").get<std::string>();
    bool known = false;
    for (const auto& t : zt::web3::kAllFindingTypes)
      if (t.name == type) {
        known = true;
        CHECK(f.severity == t.severity);
      }
    CHECK(known);
  }
  CHECK(r.inventory.at("walk").at("complete") == true);
  CHECK(r.inventory.at("nodes").size() == 5);
  // .env is 0644 under folders others may enter; the Solana keypair is 0600.
  for (const auto& f : r.findings) {
    if (f.metadata.value("path", "") == "/home/bob/project/.env")
      CHECK(f.metadata.at("readable_by_others") == true);
    if (f.metadata.value("path", "") == "/home/bob/.config/solana/id.json")
      CHECK(f.metadata.at("readable_by_others") == false);
  }  // 2 processes, 2 units (not geth's), 1 file
}

TEST_CASE("web3: no planted key or phrase appears in any output", "[unit]") {
  Host h;
  plant(h);
  plant_near_misses(h);
  const CollectResult r = run(h);
  const std::string all = every_output(r);
  REQUIRE(h.planted.secrets.size() > 40);
  for (const std::string& secret : h.planted.secrets) {
    INFO(secret.substr(0, 6) << "…");
    CHECK(all.find(secret) == std::string::npos);
  }
  // Evidence is there: masked prefixes and salted hashes.
  for (const auto& f : r.findings)
    if (f.metadata.contains("secret")) {
      CHECK(f.metadata["secret"].at("hash").get<std::string>().size() == 16);
      CHECK(f.metadata["secret"].at("masked").get<std::string>().ends_with("…"));
    }
}

TEST_CASE("web3: a walk cut by its budget is partial and the next run resumes it", "[unit]") {
  Host h;
  plant(h);
  auto collector = zt::web3::descriptor().make(zt::test::options_of(
      zt::web3::descriptor(), {{"roots", {"/home", "/etc", "/opt", "/srv"}},
                               {"node_config_files", {"/etc/nethermind/node.json"}},
                               {"max_files", 6},
                               {"check_nodes", false}}));
  std::set<Seen> all;
  std::size_t runs = 0;
  for (; runs < 10; ++runs) {
    const CollectResult r = zt::test::collect_at(*collector, h.tree.root());
    for (const Seen& s : seen(r)) all.insert(s);
    if (r.inventory.at("walk").at("complete") == true) break;
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].find("the next run resumes there") != std::string::npos);
  }
  CHECK(runs > 1);
  for (const Seen& s : all)
    UNSCOPED_INFO(std::get<0>(s) << " " << std::get<1>(s) << " " << std::get<2>(s));
  std::set<Seen> files_only;
  for (const Seen& s : h.expected)
    if (!std::get<1>(s).starts_with("process:") && !std::get<1>(s).starts_with("unit:") &&
        !std::get<1>(s).starts_with("config:"))
      files_only.insert(s);
  CHECK(all == files_only);
}

TEST_CASE("web3: the KDF limits come from the options", "[unit]") {
  Host h;
  plant(h);
  const CollectResult r = run(h, {{"min_scrypt_n", 4096}, {"check_nodes", false}});
  const std::set<Seen> found = seen(r);
  CHECK(found.count({"eth_keystore",
                     "/home/alice/.ethereum/keystore/"
                     "UTC--2024-01-01T00-00-00.000000000Z--1111",
                     ""}) == 1);
  CHECK(found.count({"validator_keystore",
                     "/opt/staking/keys/"
                     "keystore-m_12381_3600_1_0_0-1700000000.json",
                     ""}) == 1);
}

TEST_CASE("web3: nothing enabled gives nothing", "[unit]") {
  Host h;
  plant(h);
  const CollectResult r = run(h, {{"scan_files", false}, {"check_nodes", false}});
  CHECK(r.findings.empty());
  CHECK(r.problems.empty());
}

TEST_CASE("web3: through the agent's content walk hub it finds the same as alone", "[unit]") {
  Host h;
  plant(h);
  plant_near_misses(h);
  auto collector = zt::web3::descriptor().make(zt::test::options_of(
      zt::web3::descriptor(), {{"roots", {"/home", "/root", "/etc", "/opt", "/srv"}},
                               {"node_config_files", {"/etc/nethermind/node.json"}}}));
  const zt::collector::HostFs fs(h.tree.root());
  auto hub = std::make_shared<zt::collector::ContentWalkHub>();
  zt::collector::Context context(fs, std::chrono::steady_clock::now() + std::chrono::minutes(1),
                                 std::stop_token{}, hub);
  const CollectResult r = collector->collect(context);
  CHECK(r.problems.empty());
  CHECK(seen(r) == h.expected);
}
