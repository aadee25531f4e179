#pragma once
// The privacy collector's subscriber to the content walk: every text file is scanned by the
// detector families the options turn on (token_shapes, private_keys, config_secrets,
// personal_data), and what they find becomes evidence (core/secret_evidence.hpp) at once, so
// no value outlives the file's buffer. One finding per line: a shape-checked hit (a token, a key, a
// URL) wins over a credential file's generic line. Personal data counts only in files others
// can read (report.hpp's exposure_of: mode & 044, and folders that let them through). Not
// thread-safe: the walk calls it from one thread.
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/privacy/privacy_options.hpp"
#include "collectors/privacy/snapshot.hpp"

namespace zt::privacy {

class SecretDetector : public collector::FileDetector {
 public:
  explicit SecretDetector(const PrivacyOptions& options);

  // Clears what the run before found; `salt` is this run's (core/host_salt.hpp).
  void start(std::string salt);
  const collector::FileInterest& interest() const override { return interest_; }
  void inspect(const collector::WalkedFile& file) override;

  std::vector<Found>& found() { return found_; }
  std::size_t files_scanned() const { return files_scanned_; }
  std::size_t dropped() const { return dropped_; }

 private:
  const PrivacyOptions& options_;
  collector::FileInterest interest_;
  std::string salt_;
  std::vector<Found> found_;
  std::size_t files_scanned_ = 0;
  std::size_t dropped_ = 0;
};

}  // namespace zt::privacy
