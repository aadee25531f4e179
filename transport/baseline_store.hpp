#pragma once
// The agent's baselines for differential uploads (model/scan_baseline.hpp): for each set of
// collectors, the state of its last scan that the ingest acknowledged with a digest, in
// <state_dir>/baselines/<collectors>.json ("system.json", "auth+network.json"), written
// crash-consistently and readable by the agent only (SpoolDir).
//
// A baseline is only ever a shortcut: a file that is missing, unreadable or damaged means
// "no baseline" and the next scan of those collectors goes whole; the ingest refuses a delta
// whose base it does not hold. The worst a lost or stale file costs is one whole upload.
// Upload thread only.
#include <filesystem>
#include <optional>
#include <string>

#include "schema-client/model/result.hpp"
#include "schema-client/model/scan_baseline.hpp"
#include "transport/spool_dir.hpp"

namespace zt::transport {

class BaselineStore {
 public:
  // Creates the folder (0700) when missing.
  static model::Result<BaselineStore> open(const std::filesystem::path& dir);

  // The baseline of `collectors`; none when there is no usable one (a damaged file is
  // logged and removed).
  std::optional<model::ScanBaseline> load(const std::string& collectors) const;
  model::Status save(const model::ScanBaseline& baseline) const;
  model::Status forget(const std::string& collectors) const;

 private:
  explicit BaselineStore(SpoolDir dir) : dir_(std::move(dir)) {}
  SpoolDir dir_;
};

}  // namespace zt::transport
