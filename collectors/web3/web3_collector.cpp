#include "collectors/web3/web3_collector.hpp"

#include <openssl/crypto.h>

#include <array>

#include "collectors/web3/host_paths.hpp"
#include "collectors/web3/node_reader.hpp"
#include "collectors/web3/report.hpp"
#include "collectors/web3/slashing_protection.hpp"
#include "collectors/web3/wallet_detectors.hpp"
#include "collectors/web3/web3_options.hpp"
#include "schema-client/model/digest.hpp"

namespace zt::web3 {
namespace {

using collector::Availability;
using collector::CollectResult;
using collector::Context;
using collector::HostFs;
using Problems = std::vector<std::string>;

// The evidence salt: the host's own, so a hash says nothing off the host.
std::string host_salt(const HostFs& fs) {
  auto id = fs.read_file(kMachineIdPath, kSmallFileMaxBytes);
  return model::sha256_hex("zt-web3-salt\x1f" + (id ? *id : std::string("no machine-id")));
}

// A wallet whose head did not tell: read it whole, up to the cap.
void decide_wallet(const HostFs& fs, std::size_t max_bytes, WalletFile& wallet) {
  if (!wallet.head_only || wallet.wallet.keys != WalletKeys::none_found) return;
  auto bytes = fs.read_file(wallet.file.path, max_bytes);
  if (!bytes) {
    wallet.undecided = true;
    return;
  }
  if (auto whole = classify_bitcoin_wallet(*bytes)) wallet.wallet = *whole;
}

class Web3Collector final : public collector::Collector {
 public:
  explicit Web3Collector(Web3Options options) : options_(std::move(options)) {}

  Availability capabilities(const HostFs&) const override {
    std::string what;
    if (options_.scan_files) what = "wallet files under " + std::to_string(options_.roots.size()) + " roots";
    if (options_.check_nodes) what += std::string(what.empty() ? "" : ", ") + "execution clients";
    return {true, what.empty() ? "nothing enabled" : what};
  }

  CollectResult collect(Context& context) override {
    CollectResult result;
    Snapshot snapshot;
    if (options_.scan_files) scan_files(context, snapshot, result.problems);
    if (options_.check_nodes && !context.stopped_before("node settings", result.problems))
      read_nodes(context, options_.node_config_files, snapshot, result.problems);
    const KdfLimits limits{static_cast<std::uint64_t>(options_.min_scrypt_n),
                           static_cast<std::uint64_t>(options_.min_pbkdf2_iterations)};
    result.findings = wallet_findings(snapshot, limits);
    for (model::Finding& f : node_findings(snapshot)) result.findings.push_back(std::move(f));
    result.inventory = make_inventory(snapshot);
    // The runner's thread ends with this run: free what OpenSSL keeps for it (its error
    // state, made when OpenSSL first initialises on this thread, is otherwise left behind).
    OPENSSL_thread_stop();
    return result;
  }

 private:
  void scan_files(const Context& context, Snapshot& snapshot, Problems& problems) {
    const HostFs& fs = context.fs();
    const std::string salt = host_salt(fs);
    KeystoreDetector keystores(snapshot, salt);
    BitcoinWalletDetector wallets(snapshot);
    TextSecretDetector texts(snapshot, salt);
    const std::array<collector::FileDetector*, 3> detectors{&keystores, &wallets, &texts};
    collector::WalkProgress walk = collector::walk_content(
        fs, options_.walk(), detectors, cursor_, [&context] { return context.should_stop(); });
    for (const std::string& problem : walk.problems) problems.push_back(problem);
    if (!walk.complete)
      problems.push_back("the file walk stopped at its " + walk.stop_reason + " after " +
                         std::to_string(walk.files_seen) + " files; the next run resumes at " +
                         walk.resume_at);
    cursor_ = walk.resume_at;
    snapshot.walk = std::move(walk);

    for (WalletFile& wallet : snapshot.wallets)
      decide_wallet(fs, static_cast<std::size_t>(options_.max_wallet_bytes), wallet);
    for (KeystoreFile& k : snapshot.keystores)
      if (k.keystore.kind == KeystoreKind::eth2_validator)
        k.slashing_protection = find_slashing_protection(fs, k.file.path);
  }

  Web3Options options_;
  std::string cursor_;  // where the last walk was cut; "" when it went to the end
};

std::unique_ptr<collector::Collector> make(const collector::OptionValues& values) {
  return std::make_unique<Web3Collector>(Web3Options::from(values));
}

}  // namespace

collector::CollectorDescriptor descriptor() {
  return {
      .name = "web3",
      .category = model::Category::web3,
      .default_interval = std::chrono::seconds{86400},
      .summary =
          "wallet keys, keystores and seed phrases in files; Ethereum nodes with RPC beyond "
          "loopback, dangerous namespaces or unlocked accounts",
      .options = option_specs(),
      .make = &make,
  };
}

}  // namespace zt::web3
