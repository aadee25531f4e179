#pragma once
// What one netconfig run read: every configuration file found, with its hash and its audit
// (shared with the collector's cache of unchanged files). Plain data, no I/O.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "collectors/netconfig/audit.hpp"

namespace zt::netconfig {

struct AuditedFile {
  std::string path;      // host path
  std::string filename;  // its last component
  std::string sha256;    // hex; empty when the file was not read
  std::uint64_t size = 0;
  std::shared_ptr<const AuditReport> report;
  bool reused = false;  // unchanged since the last run: its earlier audit
};

struct Snapshot {
  std::vector<AuditedFile> files;
  std::string salt_source;
};

}  // namespace zt::netconfig
