#pragma once
// The `web3` collector: wallet material left on the host and Ethereum nodes that expose
// themselves. Files come from the core's one bounded walk (content_walk.hpp), which hands
// each wanted file to the detectors of wallet_detectors.hpp: Ethereum and validator
// keystores (their key derivation's cost; a validator's slashing protection nearby), Solana
// keypairs, Bitcoin Core wallets (encrypted or not), raw private keys and BIP-39 seed phrases.
// Nodes (geth, erigon, besu, nethermind) come from process command lines, systemd units and
// configuration files (node_reader.hpp): RPC beyond loopback, dangerous namespaces, unlocked
// accounts. It is a ContentCollector (content_collector.hpp): with the agent's hub it shares
// one walk with the other content collectors. A walk cut by its budget makes the run partial
// and the next run resumes it.
// Running nodes' HTTP RPC is asked rpc_modules on loopback (node_live_check.hpp), nothing
// else. No key or phrase leaves the host (core/secret_evidence.hpp).
#include <memory>

#include "collectors/core/collector.hpp"
#include "collectors/core/live_checker.hpp"

namespace zt::web3 {

collector::CollectorDescriptor descriptor();

// The collector with a given live checker (tests replay recorded answers through one).
std::unique_ptr<collector::Collector> make_collector(
    const collector::OptionValues& values, std::unique_ptr<collector::LiveChecker> checker);

}  // namespace zt::web3
