#include "collectors/web3/web3_options.hpp"

#include "collectors/core/option_table.hpp"

namespace zt::web3 {
namespace {

const collector::OptionTable<Web3Options>& table() {
  using namespace collector;  // the row makers: flag, integer, text, text_list
  using O = Web3Options;
  static const OptionTable<O> kTable = table_with_walk_rows<O>({
      flag<&O::scan_files>(
          "scan_files",
          "walk the host's files for wallet material: keystores, validator keys, Solana "
          "keypairs, Bitcoin Core wallets, raw private keys and BIP-39 seed phrases"),
      flag<&O::check_nodes>(
          "check_nodes",
          "read the command lines, systemd units and configuration files of geth, erigon, "
          "besu and nethermind: RPC beyond loopback, admin/personal/debug/miner, --unlock"),
      flag<&O::live_checks>(
          "live_checks",
          "ask the HTTP RPC of running nodes through loopback (only when host_root is \"/\") "
          "which namespaces it serves (rpc_modules, nothing else)"),
      integer<&O::live_timeout>("live_timeout_ms", 100, 10000,
                                "time limit for one live check, in milliseconds"),
      integer<&O::min_scrypt_n>(
          "min_scrypt_n", 1, std::int64_t{1} << 40,
          "smallest scrypt cost n of a keystore that is not weak (geth's standard: 262144)"),
      integer<&O::min_pbkdf2_iterations>(
          "min_pbkdf2_iterations", 1, std::int64_t{1} << 40,
          "smallest PBKDF2 iteration count of a keystore that is not weak"),
      integer<&O::max_wallet_bytes>(
          "max_wallet_bytes", 4096, std::int64_t{1} << 32,
          "largest wallet.dat read whole when its first bytes do not say whether its keys "
          "are encrypted; a larger one is reported undecided"),
      text_list<&O::node_config_files>(
          "node_config_files",
          "host paths of node configuration files to read besides those the command lines "
          "name (geth/erigon/besu TOML, erigon YAML, nethermind JSON)"),
  });
  return kTable;
}

}  // namespace

std::span<const collector::OptionSpec> option_specs() { return table().specs(); }

Web3Options Web3Options::from(const collector::OptionValues& values) {
  return table().read(values);
}

}  // namespace zt::web3
