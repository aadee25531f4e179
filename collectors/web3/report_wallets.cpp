#include <cstdio>

#include "collectors/web3/report.hpp"

namespace zt::web3 {
namespace {

namespace ft = finding_type;

nlohmann::json file_metadata(const FileSeen& file) {
  return {{"path", file.path},
          {"mode", octal_mode(file.info.mode)},
          {"owner_uid", file.info.uid},
          {"readable_by_others", file.readable_by_others}};
}

std::string at_line(const FileSeen& file, std::size_t line) {
  return file.path + ":" + std::to_string(line);
}

nlohmann::json kdf_json(const KdfParams& kdf) {
  nlohmann::json out{{"function", kdf.function}};
  if (kdf.n) out["n"] = *kdf.n;
  if (kdf.r) out["r"] = *kdf.r;
  if (kdf.p) out["p"] = *kdf.p;
  if (kdf.c) out["c"] = *kdf.c;
  if (!kdf.prf.empty()) out["prf"] = kdf.prf;
  return out;
}

void keystore_findings(const KeystoreFile& k, const KdfLimits& limits, Findings& out) {
  nlohmann::json meta = file_metadata(k.file);
  meta["kdf"] = kdf_json(k.keystore.kdf);
  if (!k.keystore.cipher.empty()) meta["cipher"] = k.keystore.cipher;
  const std::string network = network_of_path(k.file.path);
  const auto weakness = kdf_weakness(k.keystore.kdf, limits);
  if (weakness) meta["weakness"] = *weakness;

  if (k.keystore.kind == KeystoreKind::ethereum_account) {
    if (!k.keystore.address.empty()) meta["account_address"] = k.keystore.address;
    if (weakness) {
      out.push_back(make_finding(
          ft::kEthKeystoreWeakKdf, k.file.path, network,
          "Ethereum keystore with a weak key derivation",
          "The keystore " + k.file.path + " protects its key with " + *weakness +
              ": its password can be guessed far faster than with geth's standard cost, by "
              "anyone who can copy the file.",
          "Re-encrypt the key with the standard cost (geth account update without "
          "--lightkdf, scrypt n 262144) and a strong password, and keep the file readable by "
          "its owner only.",
          std::move(meta)));
    } else {
      out.push_back(make_finding(
          ft::kEthKeystore, k.file.path, network, "Ethereum keystore on the host",
          "An encrypted Ethereum account key (" + k.keystore.kdf.function + ") is stored in " +
              k.file.path + ".",
          "Keep keystores only on hosts that must sign, readable by their owner only, with a "
          "strong password; move cold keys offline.",
          std::move(meta)));
    }
    return;
  }

  meta["pubkey"] = k.keystore.pubkey;
  if (!k.keystore.path.empty()) meta["derivation_path"] = k.keystore.path;
  meta["slashing_protection"] =
      k.slashing_protection ? nlohmann::json(*k.slashing_protection) : nlohmann::json(nullptr);
  bool reported = false;
  if (weakness) {
    out.push_back(make_finding(
        ft::kValidatorKeystoreWeakKdf, k.file.path, network,
        "Validator keystore with a weak key derivation",
        "The EIP-2335 validator keystore " + k.file.path + " protects its signing key with " +
            *weakness + ".",
        "Regenerate the keystore with the standard cost (scrypt n 262144 or pbkdf2 262144 "
        "iterations) and a strong password.",
        meta));
    reported = true;
  }
  if (!k.slashing_protection) {
    out.push_back(make_finding(
        ft::kValidatorNoSlashingProtection, k.file.path, network,
        "Validator keystore without slashing protection",
        "No slashing protection database or EIP-3076 interchange file lies near the validator "
        "keystore " +
            k.file.path +
            " (its folder, parent or grandparent): a validator client "
            "started on this key here, while it runs elsewhere, may sign twice and be slashed.",
        "Import the key only into a validator client with its slashing protection database, "
        "and move its EIP-3076 interchange file with it; remove stray copies of the keystore.",
        meta));
    reported = true;
  }
  if (!reported)
    out.push_back(make_finding(
        ft::kValidatorKeystore, k.file.path, network, "Validator keystore on the host",
        "An EIP-2335 validator keystore is stored in " + k.file.path +
            ", with slashing protection at " + *k.slashing_protection + ".",
        "Keep validator keys readable by the validator client's user only.", std::move(meta)));
}

}  // namespace

std::optional<std::string> kdf_weakness(const KdfParams& kdf, const KdfLimits& limits) {
  if (kdf.function == "scrypt") {
    if (!kdf.n) return "scrypt without a cost n";
    if (*kdf.n < limits.min_scrypt_n)
      return "scrypt n " + std::to_string(*kdf.n) + " < " + std::to_string(limits.min_scrypt_n);
    return std::nullopt;
  }
  if (kdf.function == "pbkdf2") {
    if (!kdf.c) return "pbkdf2 without an iteration count c";
    if (*kdf.c < limits.min_pbkdf2_iterations)
      return "pbkdf2 c " + std::to_string(*kdf.c) + " < " +
             std::to_string(limits.min_pbkdf2_iterations);
    return std::nullopt;
  }
  return "the unknown key derivation \"" + kdf.function + "\"";
}

std::string network_of_path(std::string_view path) {
  static constexpr std::string_view kNames[] = {"mainnet", "sepolia",  "holesky",  "hoodi",
                                                "goerli",  "testnet3", "testnet4", "signet",
                                                "regtest", "devnet",   "testnet"};
  std::size_t start = 0;
  while (start < path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    for (std::string_view name : kNames)
      if (part == name) return std::string(name);
    start = end + 1;
  }
  return {};
}

Findings wallet_findings(const Snapshot& s, const KdfLimits& limits) {
  Findings out;
  for (const KeystoreFile& k : s.keystores) keystore_findings(k, limits, out);

  for (const MnemonicFile& m : s.mnemonics) {
    nlohmann::json meta = file_metadata(m.file);
    meta["line"] = m.found.line;
    meta["secret"] = collector::to_json(m.found.evidence);
    meta["secret"]["type"] = "bip39_mnemonic";
    meta["words"] = m.found.words;
    out.push_back(make_finding(
        ft::kMnemonicPhrase, at_line(m.file, m.found.line), network_of_path(m.file.path),
        "Seed phrase in a file",
        "A BIP-39 seed phrase of " + std::to_string(m.found.words) +
            " words with a valid checksum is written in " + at_line(m.file, m.found.line) +
            ": whoever reads it owns every account derived from it.",
        "Move the funds to a wallet made from a new seed, then delete the file (and its "
        "backups); keep seed phrases offline.",
        std::move(meta)));
  }

  for (const RawKeyFile& r : s.raw_keys) {
    nlohmann::json meta = file_metadata(r.file);
    meta["line"] = r.found.line;
    meta["key_name"] = r.found.name;
    meta["secret"] = collector::to_json(r.found.evidence);
    meta["secret"]["type"] = "hex_private_key";
    out.push_back(make_finding(
        ft::kRawPrivateKey, at_line(r.file, r.found.line), network_of_path(r.file.path),
        "Private key in the clear in a file",
        "A 64-hex-digit private key named " + r.found.name + " is written in " +
            at_line(r.file, r.found.line) + ".",
        "Move the funds to a new key, remove the key from the file and load it from a signer "
        "or secret store instead.",
        std::move(meta)));
  }

  for (const SolanaFile& k : s.solana) {
    nlohmann::json meta = file_metadata(k.file);
    meta["account_address"] = k.keypair.address;
    meta["secret"] = collector::to_json(k.keypair.evidence);
    meta["secret"]["type"] = "ed25519_secret_key";
    out.push_back(make_finding(
        ft::kSolanaKeypair, k.file.path, network_of_path(k.file.path),
        "Solana keypair in the clear",
        "The Solana keypair of " + k.keypair.address + " is stored unencrypted in " + k.file.path +
            ".",
        "Keep only hot keys that must sign here, readable by their owner only; move other "
        "funds to a hardware wallet.",
        std::move(meta)));
  }

  for (const WalletFile& w : s.wallets) {
    if (w.wallet.keys == WalletKeys::none_found) continue;
    nlohmann::json meta = file_metadata(w.file);
    meta["format"] = to_string(w.wallet.format);
    meta["keys"] = to_string(w.wallet.keys);
    // Bitcoin Core keeps other chains' wallets in a subfolder of its datadir (testnet3/…).
    const std::string chain = network_of_path(w.file.path);
    const std::string network = "bitcoin-" + (chain.empty() ? std::string("mainnet") : chain);
    if (w.wallet.keys == WalletKeys::unencrypted)
      out.push_back(make_finding(
          ft::kBitcoinWalletUnencrypted, w.file.path, network,
          "Bitcoin Core wallet with unencrypted keys",
          "The wallet " + w.file.path + " holds private keys in the clear (" +
              std::string(to_string(w.wallet.format)) + " records without a master key).",
          "Encrypt the wallet (bitcoin-cli encryptwallet) and keep the file readable by its "
          "owner only; older unencrypted copies and backups still hold the keys.",
          std::move(meta)));
    else
      out.push_back(make_finding(
          ft::kBitcoinWalletEncrypted, w.file.path, network, "Encrypted Bitcoin Core wallet",
          "The wallet " + w.file.path + " is encrypted (it has a master key record).",
          "Keep the wallet readable by its owner only, with a strong passphrase.",
          std::move(meta)));
  }
  return out;
}

std::string octal_mode(std::uint32_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", mode & 07777u);
  return text;
}

model::Finding make_finding(const FindingType& type, std::string location, std::string network,
                            std::string title, std::string description, std::string remediation,
                            nlohmann::json metadata) {
  model::Finding f;
  f.category = model::Category::web3;
  f.severity = type.severity;
  f.title = std::move(title);
  f.description = std::move(description);
  f.remediation = std::move(remediation);
  f.fields["finding_type"] = type.name;
  if (!network.empty()) f.fields["network"] = std::move(network);
  metadata["location"] = std::move(location);
  f.metadata = std::move(metadata);
  return f;
}

}  // namespace zt::web3
