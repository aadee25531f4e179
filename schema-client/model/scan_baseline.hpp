#pragma once
// Differential uploads: what the agent keeps of the last scan of a set of collectors that the
// ingest acknowledged (its baseline), and the delta of a new scan against it.
//
// A scan's state is its findings (each by fingerprint, with the SHA-256 of its JSON) and its
// inventory (the SHA-256 of its dependencies and config files). Its digest is the SHA-256 of
// that state in a fixed order, so the same findings in any order give the same digest. The
// ingest stores the digest of the last whole scan it wrote for an agent's collectors
// (migration 0015) and takes a delta only against that one: anything else is answered
// "baseline_mismatch" and the agent sends the scan whole.
//
// A delta is made only when the scan and its base can be trusted to be complete (every
// collector completed: only then does a missing finding mean "gone") and the inventory did not
// change (the ingest matches CVEs against a whole inventory, so a changed one goes whole).
// Pure; any thread.
#include <map>
#include <optional>
#include <string>

#include "schema-client/model/batch.hpp"
#include "schema-client/model/result.hpp"

namespace zt::model {

struct ScanBaseline {
  std::string collectors;  // collectors_key() of the scan
  std::string digest;
  std::string inventory;                        // SHA-256 of dependencies and config files
  std::map<std::string, std::string> findings;  // fingerprint → SHA-256 of the finding's JSON
  int deltas = 0;  // differential uploads acknowledged since the last whole one

  bool operator==(const ScanBaseline&) const = default;
};

// The names of the scan's collectors (its results), sorted, joined by ",".
std::string collectors_key(const Scan& scan);

// Whether `scan` can be a baseline: completed, every collector of it completed.
bool can_be_baseline(const Batch& scan);

// The state of `scan` (findings, inventory, digest); `deltas` 0.
ScanBaseline baseline_of(const Batch& scan);

// `scan` as a delta against `base`: the same batch with only its new and changed findings,
// the removed fingerprints and the digests; no inventory. Nothing when it cannot be one (not
// a baseline itself, other collectors, an inventory that changed).
std::optional<Batch> delta_of(const Batch& scan, const ScanBaseline& base);

// A baseline as a JSON document and back (the agent's state file); errors name the key.
nlohmann::json to_json(const ScanBaseline& baseline);
Result<ScanBaseline> baseline_from_json(const nlohmann::json& document);

}  // namespace zt::model
