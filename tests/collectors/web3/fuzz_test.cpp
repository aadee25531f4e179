// Every parser of the web3 collector on random, truncated and shuffled input: it must return,
// never throw or crash (the ASan build catches memory errors).
#include "tests/support/fuzz.hpp"

#include <catch2/catch.hpp>

#include "collectors/web3/bitcoin_wallet.hpp"
#include "collectors/web3/keystore.hpp"
#include "collectors/web3/mnemonic.hpp"
#include "collectors/web3/node_config.hpp"
#include "collectors/web3/node_settings.hpp"
#include "collectors/web3/raw_key.hpp"
#include "collectors/web3/solana_keypair.hpp"
#include "collectors/web3/systemd_exec.hpp"
#include "tests/collectors/web3/wallet_fixtures.hpp"

using namespace zt::web3;
namespace fx = zt::test::web3;
using zt::test::fuzz_text;

TEST_CASE("web3 fuzz: text secrets", "[unit]") {
  fuzz_text("a: " + fx::valid_mnemonic(12) + "\nPRIVATE_KEY=0x" + fx::random_hex(64) + "\n",
            [](std::string_view text) {
              (void)find_mnemonics(text, "s");
              (void)find_raw_keys(text, "s");
            });
}

TEST_CASE("web3 fuzz: keystores and keypairs", "[unit]") {
  fuzz_text(fx::v3_keystore("scrypt", 4096, "ab"),
            [](std::string_view t) { (void)parse_keystore(t); });
  fuzz_text(fx::eip2335_keystore(4096, "ab"), [](std::string_view t) { (void)parse_keystore(t); });
  const fx::Ed25519Pair pair = fx::ed25519_pair();
  std::vector<unsigned char> bytes = pair.secret;
  bytes.insert(bytes.end(), pair.public_key.begin(), pair.public_key.end());
  fuzz_text(fx::byte_array_json(bytes),
            [](std::string_view t) { (void)parse_solana_keypair(t, "s"); });
}

TEST_CASE("web3 fuzz: wallets", "[unit]") {
  fuzz_text(fx::bdb_wallet(false, fx::random_hex(64)).substr(0, 4400),
            [](std::string_view t) { (void)classify_bitcoin_wallet(t); });
  fuzz_text(fx::sqlite_wallet(true, fx::random_hex(64)).substr(0, 4400),
            [](std::string_view t) { (void)classify_bitcoin_wallet(t); });
}

TEST_CASE("web3 fuzz: node configuration and units", "[unit]") {
  const std::string toml =
      "[Node]\nHTTPHost = \"0.0.0.0\"\nHTTPModules = [\n\"eth\",\n\"admin\"]\n";
  const std::string yaml = "chain: sepolia\nhttp.api: [eth, admin]\n";
  const std::string json = R"({"JsonRpc": {"Enabled": true, "EnabledModules": ["Eth"]}})";
  for (auto [seed, format] : {std::pair{toml, ConfigFormat::toml},
                              {yaml, ConfigFormat::yaml},
                              {json, ConfigFormat::json}})
    fuzz_text(seed, [format](std::string_view t) {
      const auto entries = parse_config(t, format);
      if (auto client = client_of_config(entries))
        (void)evaluate_node(*client, settings_from_config(*client, entries));
    });
  fuzz_text("[Service]\nExecStart=-/usr/bin/geth --http \\\n --http.addr '0.0.0.0'\n",
            [](std::string_view t) {
              for (const auto& argv : exec_start_commands(t))
                if (auto command = node_command(argv))
                  (void)evaluate_node(command->client, settings_from_options(command->options));
            });
}
