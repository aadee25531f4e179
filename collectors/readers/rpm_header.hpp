#pragma once
// Parses one rpm header as the rpm database stores it (one row of rpmdb.sqlite's Packages
// table, one value of the Berkeley DB Packages file): rpm's "header blob" without the 8-byte
// magic of a package file. Layout, all integers big-endian (rpm's lib/header.c):
//
//   int32 il, int32 dl                       the index's entry count, the data store's length
//   il entries { int32 tag, uint32 type, int32 offset, uint32 count }   16 bytes each
//   dl bytes of data store                   offsets are relative to its start
//
// Only the tags the inventory needs are read (rpmtag.h): NAME 1000, VERSION 1001, RELEASE
// 1002, EPOCH 1003 (INT32), LICENSE 1014, ARCH 1022, SOURCERPM 1044; the others, the
// immutable region's tag among them, are skipped without being looked at.
//
// Pure; never throws; every offset, count and string terminator is checked against the blob,
// so no input makes it read outside it. Errors name the entry and what is wrong with it
// ("entry 3 (tag 1001): string at offset 412 has no terminator in the 400-byte data store").
// A header without NAME, VERSION or RELEASE is an error; the other tags may be absent
// (gpg-pubkey pseudo-packages have no ARCH and no SOURCERPM).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "schema-client/model/result.hpp"

namespace zt::readers {

struct RpmPackage {
  std::string name;
  std::optional<std::uint32_t> epoch;  // nullopt when the header has no EPOCH (rpm's 0)
  std::string version;
  std::string release;
  std::string arch;        // "x86_64", "noarch", or "" when absent
  std::string source_rpm;  // "bash-5.1.8-9.el9.src.rpm", or "" when absent
  std::string license;

  bool operator==(const RpmPackage&) const = default;
};

// Limits of a header, as rpm's own (HEADER_TAGS_MAX, HEADER_DATA_MAX).
inline constexpr std::uint32_t kRpmHeaderMaxEntries = 0xffff;
inline constexpr std::uint32_t kRpmHeaderMaxData = 0x0fffffff;

model::Result<RpmPackage> parse_rpm_header(std::string_view blob);

// "[epoch:]version-release", as rpm writes %{EVR}: "3:1.2.3-4.el9", "5.0-1".
std::string rpm_evr(const RpmPackage& package);

}  // namespace zt::readers
