#pragma once
// Sample batches for the wire-format and schema tests: one finding of every category with
// realistic fields of its table, dependencies, and a scan that has ended. The sample is valid
// (the reader accepts it); tests break copies of it one key at a time.
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "schema-client/model/batch.hpp"

namespace zt::testing {

inline constexpr const char* kAgentIdentity = "7b0a4c1e-3d52-4f6a-9e8b-2c1d0f9a8e71";

// Builds a Timestamp from its calendar parts, without going through the parser under test.
model::Timestamp make_time(int y, unsigned mo, unsigned d, int h, int mi, int s, int ms = 0);

// The finding of `category` in the sample batch, its fingerprint set.
model::Finding sample_finding(model::Category category);

// Two config files: /etc/ssh/sshd_config, analyzed (the config finding's file), and
// /srv/backups/switch-04.cfg, unsupported.
std::vector<model::ConfigFile> sample_config_files();

// Findings in the order of model::all_categories(), so findings[1] is the network finding.
model::Batch sample_batch();

// The sample batch with the config files of sample_config_files().
model::Batch sample_batch_with_config_files();

// The same, still running: status running, progress 40, end_time null.
model::Batch running_batch();

// The sample batch as the scan of `agent_identity` (fingerprints made with it) starting at
// `hour` o'clock on 2026-11-26, every category's collector completed; fresh batch and scan
// ids. For the tests of the ingest's writer, where scans follow one another.
model::Batch completed_scan(const std::string& agent_identity, int hour);

// The next completed scan of the same host at `hour` (completed_scan of kAgentIdentity): the
// findings and packages of `scan`, new batch and scan ids.
model::Batch next_scan(const model::Batch& scan, int hour);

// What change_findings() did, by fingerprint.
struct FindingChanges {
  std::set<std::string> removed, changed, added;
};

// Changes the findings of `scan` at random, as a host changes between two scans: each finding
// removed with probability 1/8 or given a new title with 1/8, and 0..3 new network findings
// (on ports counted up from `next_port`), fingerprinted for `agent_identity`.
FindingChanges change_findings(model::Batch& scan, std::mt19937_64& random,
                               const std::string& agent_identity, int& next_port);

// to_json(sample_batch_with_config_files()), the document the strict-reading tests break.
nlohmann::json sample_document();

}  // namespace zt::testing
