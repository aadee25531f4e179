#pragma once
// Parses apk's installed database (/lib/apk/db/installed): one record per package, records
// separated by blank lines, each line "<letter>:<value>" (P name, V version, A architecture,
// L license, o origin: the source package, the APKBUILD it was built from; the other letters,
// file lists and checksums among them, are not kept). The
// letters are case-sensitive ("a:" is a file's owner, not the architecture). Pure; never
// throws.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace zt::readers {

struct ApkPackage {
  std::string name;
  std::string version;
  std::string architecture;
  std::string license;
  std::string origin;  // empty when the record has no o: line

  bool operator==(const ApkPackage&) const = default;
};

struct ApkInstalled {
  std::vector<ApkPackage> packages;  // in database order
  std::size_t malformed_records = 0;  // records without a P: line, left out
};

ApkInstalled parse_apk_installed(std::string_view text);

}  // namespace zt::readers
