#pragma once
// The ai_ml collector's subscribers to the core's content walk (content_walk.hpp):
// - ModelFileDetector: model files by extension (model_file.hpp), binary, any size (their
//   head); a head that cuts a pickle is followed by a read of the whole file up to
//   `max_model_bytes`, else the verdict is on the head and the file is marked partial.
// - McpConfigDetector: the MCP client configurations by name (host_paths.hpp); each secret is
//   kept as its evidence (masked prefix, salted hash), never its value.
// The HostFs is the run's: a detector lives for one run. Not thread-safe: the walk calls them
// on its one thread.
#include <cstddef>
#include <string>

#include "collectors/ai_ml/snapshot.hpp"
#include "collectors/core/content_walk.hpp"

namespace zt::ai_ml {

class ModelFileDetector final : public collector::FileDetector {
 public:
  ModelFileDetector(Snapshot& snapshot, const collector::HostFs& fs, std::size_t max_model_bytes);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

 private:
  Snapshot& snapshot_;
  const collector::HostFs& fs_;
  std::size_t max_model_bytes_;
  collector::FileInterest interest_;
};

class McpConfigDetector final : public collector::FileDetector {
 public:
  McpConfigDetector(Snapshot& snapshot, std::string salt);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

 private:
  Snapshot& snapshot_;
  std::string salt_;
  collector::FileInterest interest_;
};

// A Hugging Face cache path's repository ("org/name") and snapshot revision, or empty ones.
struct HubModel {
  std::string repo;
  std::string revision;
};
HubModel hub_model_of(std::string_view host_path);

}  // namespace zt::ai_ml
