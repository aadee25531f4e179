#pragma once
// What one run of the privacy collector found: each secret or piece of personal data as its
// evidence (never its value) with the file's exposure, and how far the walk got. Plain data.
#include <cstdint>
#include <string>
#include <vector>

#include "collectors/core/content_walk.hpp"
#include "collectors/core/secret_evidence.hpp"

namespace zt::privacy {

struct Found {
  std::string finding_type;
  std::string data_type;
  std::string path;
  std::size_t line = 0;
  std::uint32_t mode = 0;
  std::uint32_t uid = 0;
  std::uint32_t gid = 0;
  bool others_can_reach = true;  // every folder above it lets others through (the walk says)
  bool group_can_reach = true;
  collector::SecretEvidence evidence;
};

struct Snapshot {
  std::vector<Found> found;
  std::size_t files_scanned = 0;
  std::size_t findings_dropped = 0;  // beyond max_findings
  collector::WalkProgress walk;
  std::string salt_source;
};

}  // namespace zt::privacy
